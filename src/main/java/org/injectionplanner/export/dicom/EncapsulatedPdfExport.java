package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomWriter;
import org.injectionplanner.dicom.Element;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.Vr;
import org.injectionplanner.plan.SessionPlan;

/**
 * Wraps a PDF (the printed session map) as a DICOM Encapsulated PDF (PS3.3 A.45.1) in the images' patient
 * and study, in a new series of modality DOC, so the map lives in the PACS beside the images. The PDF is
 * taken as given: a de-identified export must hand in a PDF made without identifiers.
 */
public final class EncapsulatedPdfExport {

    /** Encapsulated PDF Storage. */
    public static final String ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private EncapsulatedPdfExport() {
    }

    /**
     * Writes the Encapsulated PDF as a Part 10 stream (Explicit VR Little Endian) to {@code out}, which is left
     * open.
     *
     * @param plan the session plan the PDF shows (its images give the patient, the study and the sources)
     * @param pdf the PDF file's bytes
     * @param title the Document Title, e.g. "Session plan 2"; kept as given, so without identifiers when
     *        de-identified
     * @param headers the headers of the plan's images
     * @param options creation time, numbering and de-identification (no predecessor applies)
     * @throws DicomExportException if the bytes are not a PDF or an image's header is missing
     */
    public static void write(SessionPlan plan, byte[] pdf, String title, SourceHeaders headers,
            DicomExportOptions options, OutputStream out) throws DicomExportException, IOException {
        DicomWriter.write(out, build(plan, pdf, title, headers, options));
    }

    /** The Encapsulated PDF data set (see {@link #write}). */
    public static DataSet build(SessionPlan plan, byte[] pdf, String title, SourceHeaders headers,
            DicomExportOptions options) throws DicomExportException {
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length)) {
            throw new DicomExportException("the document to encapsulate is not a PDF (it does not start with %PDF-)");
        }
        if (pdf.length > 0xFFFFFFFEL - 1) {
            throw new DicomExportException("the PDF is too large to encapsulate: " + pdf.length + " bytes");
        }
        DataSet ds = CompositeModules.start(ENCAPSULATED_PDF, headers.studyHeader(plan), "DOC", options);
        ds.putString(SrTags.CONVERSION_TYPE, Vr.CS, "WSD");
        ds.put(Element.of(SrTags.ACQUISITION_DATE_TIME, Vr.DT, new byte[0]));
        ds.putString(SrTags.BURNED_IN_ANNOTATION, Vr.CS, options.deidentification() == null ? "YES" : "NO");
        ds.putString(SrTags.DOCUMENT_TITLE, Vr.ST, title);
        ds.putSequence(SrTags.CONCEPT_NAME_CODE_SEQUENCE, List.of());
        ds.putString(SrTags.MIME_TYPE_OF_ENCAPSULATED_DOCUMENT, Vr.LO, "application/pdf");
        ds.putInts(SrTags.ENCAPSULATED_DOCUMENT_LENGTH, Vr.UL, pdf.length);
        // an odd-length document is padded by the writer; the length above keeps the true size
        ds.put(Element.of(SrTags.ENCAPSULATED_DOCUMENT, Vr.OB, pdf));
        List<DataSet> sources = new ArrayList<>();
        for (String uid : SrExport.annotatedImages(plan)) {
            DataSet h = headers.header(uid);
            DataSet ref = ContentItems.item();
            ref.putString(SrTags.REFERENCED_SOP_CLASS_UID, Vr.UI, h.getString(Tag.SOP_CLASS_UID));
            ref.putString(SrTags.REFERENCED_SOP_INSTANCE_UID, Vr.UI, uid);
            sources.add(ref);
        }
        if (!sources.isEmpty()) {
            ds.putSequence(SrTags.SOURCE_INSTANCE_SEQUENCE, sources);
        }
        DataSet finished = options.deidentification() == null ? ds : options.deidentification().apply(ds);
        return CompositeModules.minimalCharacterSet(finished);
    }
}
