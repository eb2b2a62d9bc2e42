package org.injectionplanner.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A PDF document laid out top to bottom: pages of one paper size with a margin, a cursor that moves down
 * as text and pictures are placed and starts a new page when one does not fit, text in the embedded
 * DejaVu Sans Condensed (regular and bold, subset), and PDF/A-2b's parts (XMP metadata matching the
 * document information, an sRGB output intent). Coordinates are PDF points from the page's lower-left
 * corner; {@link #y()} is the top of the space left on the current page.
 */
final class PdfCanvas implements AutoCloseable {

    /** The space around the page's content, points. */
    static final float MARGIN = 40;
    private static final String FONTS = "/org/injectionplanner/export/fonts/";
    private static final String SOFTWARE = "Injection Planner";

    private final PDDocument doc = new PDDocument();
    private final ExportOptions.Paper paper;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(ExportOptions.Paper paper) throws IOException {
        this.paper = paper;
        try {
            regular = font("DejaVuSansCondensed.ttf");
            bold = font("DejaVuSansCondensed-Bold.ttf");
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
        newPage();
    }

    private PDFont font(String name) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IOException("the font " + name + " is missing from the plugin");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    PDDocument document() {
        return doc;
    }

    /** The width for content between the margins, points. */
    float width() {
        return paper.width() - 2 * MARGIN;
    }

    /** The top of the space left on the current page, points from the bottom. */
    float y() {
        return y;
    }

    /** Moves the cursor down by {@code points}. */
    void down(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points fit below the cursor. */
    void need(float height) throws IOException {
        if (y - height < MARGIN + 14) {
            newPage();
        }
    }

    /** Ends the current page's drawing and starts a new page with the cursor at the top margin. */
    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(new PDRectangle(paper.width(), paper.height()));
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = paper.height() - MARGIN;
    }

    /** One line of text with its baseline at {@code baseline}; characters the font lacks print as '?'. */
    void text(String text, PDFont font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable(text, font));
        stream.endText();
    }

    /**
     * Text wrapped to {@code width} at spaces (words longer than the width are broken), placed from the
     * cursor down, a new page started where a line does not fit; line breaks in {@code text} are kept.
     */
    void paragraph(String text, PDFont font, float size, float x, float width) throws IOException {
        for (String line : wrap(text, font, size, width)) {
            need(size * 1.3f);
            text(line, font, size, x, y - size);
            y -= size * 1.3f;
        }
    }

    /** A heading: a little space, then bold text. */
    void heading(String text) throws IOException {
        need(40);
        y -= 6;
        text(text, bold, 11, MARGIN, y - 11);
        y -= 16;
    }

    /** A thin horizontal line across the content at {@code atY}. */
    void rule(float atY) throws IOException {
        stream.setLineWidth(0.5f);
        stream.setStrokingColor(0f, 0f, 0f);
        stream.moveTo(MARGIN, atY);
        stream.lineTo(MARGIN + width(), atY);
        stream.stroke();
    }

    /** An image drawn {@code w} × {@code h} points with its lower-left corner at ({@code x}, {@code bottom}). */
    void image(PDImageXObject image, float x, float bottom, float w, float h) throws IOException {
        stream.drawImage(image, x, bottom, w, h);
    }

    /** A rectangle's outline, 0.5 pt black. */
    void frame(float x, float bottom, float w, float h) throws IOException {
        stream.setLineWidth(0.5f);
        stream.setStrokingColor(0f, 0f, 0f);
        stream.addRect(x, bottom, w, h);
        stream.stroke();
    }

    /** The width of {@code text} in {@code font} at {@code size}, points. */
    static float widthOf(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(printable(text, font)) / 1000 * size;
    }

    /** The lines of {@code text} wrapped to {@code width} points. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (widthOf(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (widthOf(rest, font, size) > width && rest.length() > 1) {
                    int n = rest.length() - 1;
                    while (n > 1 && widthOf(rest.substring(0, n), font, size) > width) {
                        n--;
                    }
                    lines.add(rest.substring(0, n));
                    rest = rest.substring(n);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code text} with every character the font cannot show (and every control character) as '?'. */
    static String printable(String text, PDFont font) {
        try {
            font.encode(text);
            return text;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder b = new StringBuilder();
            text.codePoints().forEach(c -> {
                String s = new String(Character.toChars(c));
                try {
                    font.encode(s);
                    b.append(Character.isISOControl(c) ? "?" : s);
                } catch (IOException | IllegalArgumentException missing) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }

    /**
     * Draws {@code footer(page, pages)} at the foot of every page and, when {@code watermark} is not null,
     * that word diagonally across each page in translucent grey.
     */
    void finishPages(FooterText footer, String watermark) throws IOException {
        stream.close();
        stream = null;
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                s.beginText();
                s.setFont(regular, 7.5f);
                s.newLineAtOffset(MARGIN, MARGIN / 2);
                s.showText(printable(footer.of(i + 1, pages), regular));
                s.endText();
                if (watermark != null) {
                    PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
                    translucent.setNonStrokingAlphaConstant(0.3f);
                    translucent.setStrokingAlphaConstant(0.45f);
                    s.setGraphicsStateParameters(translucent);
                    // a light fill with a dark outline: seen on white paper and on a dark frame alike
                    s.setNonStrokingColor(0.7f, 0.7f, 0.7f);
                    s.setStrokingColor(0.1f, 0.1f, 0.1f);
                    s.setLineWidth(1.5f);
                    float size = paper.width() / 4.2f;
                    float w = widthOf(watermark, bold, size);
                    double angle = Math.atan2(paper.height(), paper.width());
                    // the baseline's start, so that the word's middle sits on the page's centre
                    double half = size * 0.36;
                    float sx = (float) (paper.width() / 2 - w / 2 * Math.cos(angle) + half * Math.sin(angle));
                    float sy = (float) (paper.height() / 2 - w / 2 * Math.sin(angle) - half * Math.cos(angle));
                    s.beginText();
                    s.setFont(bold, size);
                    s.setRenderingMode(RenderingMode.FILL_STROKE);
                    s.setTextMatrix(Matrix.getRotateInstance(angle, sx, sy));
                    s.showText(watermark);
                    s.endText();
                }
            }
        }
    }

    /** The footer of a page. */
    @FunctionalInterface
    interface FooterText {
        String of(int page, int pages);
    }

    /**
     * Adds the document information and its XMP copy (PDF/A-2b identification, Dublin Core title, XMP
     * basic dates, the producer) and an sRGB output intent, then returns the document's bytes.
     */
    byte[] save(String title, Calendar created) throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        doc.setVersion(1.7f);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(SOFTWARE);
        info.setProducer(SOFTWARE);
        info.setCreationDate(created);
        info.setModificationDate(created);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(2);
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IOException("cannot write the PDF/A identification: " + e.getMessage(), e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(SOFTWARE);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(SOFTWARE);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(SOFTWARE);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(doc,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        try {
            if (stream != null) {
                stream.close();
            }
        } finally {
            doc.close();
        }
    }
}
