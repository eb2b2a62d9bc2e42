package org.injectionplanner.export;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.SessionComparison;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;
import org.injectionplanner.sessionmap.SessionMap;

/**
 * The printable session map (docs/exports.md): a header (patient, course, session counted against the course's
 * planned sessions, author, revision and status), each annotated frame as drawn by the plan scene, the injection
 * table in session order, the totals per drug, the checklist, the findings with their override reasons, the
 * comparison with the course's previous session where there is one, the clinic's aftercare text, and the
 * sign-off: signer, local time and SHA-256 of the signed content for a signature that verifies, else a
 * diagonal DRAFT on every page. Text is real text in an embedded font; mm values are rounded toward the
 * unsafe side as on screen ({@link Decimals}); an uncalibrated value reads "not calibrated".
 */
public final class SessionMapPdf {

    /** What an uncalibrated length, depth, angle or clearance reads. */
    public static final String NOT_CALIBRATED = "not calibrated";
    /** The watermark of a plan not validly signed. */
    public static final String DRAFT = "DRAFT";

    private static final float TEXT = 9;
    private static final float TABLE = 8;
    /** Smallest size of a site number on a drawn frame, points (labels are scaled with the frame). */
    static final float MIN_SITE_POINTS = 9;
    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z (xxx)",
            Locale.ROOT);

    /** The table's first-line columns and their share of the content width. */
    private static final String[] COLUMNS = {"Site", "Structure", "Side", "Level", "Approach", "Needle", "Solution",
        "Volume", "Status"};
    private static final float[] SHARES = {86, 78, 38, 36, 48, 52, 86, 34, 57};

    private final ExportedPlan exported;
    private final List<AnnotatedFrame> frames;
    private final ExportOptions options;
    private final ZoneId zone;
    private final Deidentifier deidentifier;

    private SessionMapPdf(ExportedPlan exported, List<AnnotatedFrame> frames, ExportOptions options, ZoneId zone,
            Deidentifier deidentifier) {
        this.exported = exported;
        this.frames = frames;
        this.options = options;
        this.zone = zone;
        this.deidentifier = deidentifier;
    }

    /**
     * The PDF's bytes.
     *
     * @param frames the annotated frames, drawn in this order
     * @param zone the time zone the signature time is shown in
     * @param deidentifier the export's de-identifier (its UID mapping names the images), or null for an
     *        identified export
     */
    public static byte[] write(ExportedPlan exported, List<AnnotatedFrame> frames, ExportOptions options,
            ZoneId zone, Deidentifier deidentifier) throws ExportException {
        try (PdfCanvas canvas = new PdfCanvas(options.paper())) {
            return new SessionMapPdf(exported, frames, options, zone, deidentifier).draw(canvas);
        } catch (IOException e) {
            throw new ExportException("cannot make the PDF session map: " + e.getMessage(), e);
        }
    }

    /** Whether the map shows the plan as signed: only a signature that verifies counts. */
    private boolean signed() {
        return exported.plan().signature() != null && exported.signature().trusted();
    }

    private byte[] draw(PdfCanvas c) throws IOException {
        SessionPlan plan = exported.plan();
        SessionMap map = exported.sessionMap();
        header(c, plan);
        for (AnnotatedFrame f : frames) {
            frame(c, f);
        }
        table(c, map);
        c.heading("Totals");
        c.paragraph(map.totals().text().replaceFirst("^Totals: ", ""), c.regular(), TEXT, PdfCanvas.MARGIN,
                c.width());
        c.heading("Drawing up");
        for (String line : map.drawingUp().lines()) {
            c.paragraph(line, c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        }
        checklist(c, plan, map);
        findings(c, plan, map);
        comparison(c);
        if (!exported.settings().aftercareText().isBlank()) {
            c.heading("Aftercare");
            c.paragraph(exported.settings().aftercareText(), c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        }
        signOff(c, plan);
        String id = "Plan " + plan.id() + ", revision " + exported.revisionText();
        String session = exported.sessionLabel();
        String footer = Character.toUpperCase(session.charAt(0)) + session.substring(1) + " on " + plan.date();
        c.finishPages((page, pages) -> footer + " · " + id
                + " · page " + page + " of " + pages, signed() ? null : DRAFT);
        GregorianCalendar now = GregorianCalendar.from(ZonedDateTime.now(zone));
        return c.save("Session map, session " + plan.sessionNumber() + " of " + plan.date(), now);
    }

    private void header(PdfCanvas c, SessionPlan plan) throws IOException {
        c.text("Session map — " + exported.sessionLabel() + " on " + plan.date(), c.bold(), 15,
                PdfCanvas.MARGIN, c.y() - 15);
        c.down(22);
        List<String> lines = new ArrayList<>();
        if (options.deidentify()) {
            lines.add("Patient: de-identified");
        } else {
            Patient p = plan.patient().orElse(null);
            lines.add(p == null ? "Patient: not recorded in the plan"
                    : "Patient: " + (p.displayName().isEmpty() ? "(no name)" : p.displayName()) + "   ·   ID "
                            + (p.id().isEmpty() ? "(none)" : p.id())
                            + (p.birthDate() == null ? "" : "   ·   born " + p.birthDate()));
        }
        lines.add("Course " + plan.courseId() + "   ·   " + exported.sessionLabel() + " on " + plan.date());
        String author = options.deidentify() ? "" : "Author: " + (plan.author().isEmpty() ? "(none)" : plan.author())
                + "   ·   ";
        lines.add(author + "Plan " + plan.id() + "   ·   revision " + exported.revisionText() + "   ·   status "
                + status(plan));
        for (String line : lines) {
            c.paragraph(line, c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        }
        c.down(3);
        c.rule(c.y());
        c.down(8);
    }

    private String status(SessionPlan plan) {
        if (plan.signature() == null) {
            return "draft (not signed)";
        }
        return signed() ? "signed" : "signature not valid — treated as a draft";
    }

    /**
     * A frame scaled to the content width (or to at most half the page's height), never so small that a site
     * label prints under {@link #MIN_SITE_POINTS}, with its caption.
     */
    private void frame(PdfCanvas c, AnnotatedFrame f) throws IOException {
        int w = f.image().getWidth();
        int h = f.image().getHeight();
        float widthFit = c.width() / w;
        float heightFit = (c.y() + PdfCanvas.MARGIN) * 0.5f / h;
        float smallest = MIN_SITE_POINTS / f.scene().font().getSize2D();
        float scale = Math.min(widthFit, Math.max(heightFit, smallest));
        float dw = w * scale;
        float dh = h * scale;
        c.need(dh + 18);
        PDImageXObject image = LosslessFactory.createFromImage(c.document(), f.image());
        float x = PdfCanvas.MARGIN + (c.width() - dw) / 2;
        c.image(image, x, c.y() - dh, dw, dh);
        c.frame(x, c.y() - dh, dw, dh);
        c.down(dh + 2);
        String scale2 = f.mmPerPixel() == null ? NOT_CALIBRATED
                : String.format(Locale.ROOT, "%.3f mm per pixel", f.mmPerPixel());
        String caption = deidentifier == null ? f.caption() : "frame " + f.frame().frame();
        String uid = deidentifier == null ? f.frame().sopInstanceUid() : deidentifier.uid(f.frame().sopInstanceUid());
        c.paragraph(cap(caption) + " (SOP Instance UID " + uid + "; " + scale2 + ")",
                c.regular(), 7.5f, PdfCanvas.MARGIN, c.width());
        c.down(6);
    }

    private static String cap(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The injections in session order: per site a line of the table's columns and, under it, the depth,
     * path length, angle and smallest clearance.
     */
    private void table(PdfCanvas c, SessionMap map) throws IOException {
        c.heading("Injections in session order");
        if (map.injections().isEmpty()) {
            c.paragraph("No injections planned.", c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
            return;
        }
        float[] widths = widths(c.width());
        tableHeader(c, widths);
        for (SessionMap.InjectionEntry e : map.injections()) {
            List<String> cells = List.of("#" + e.position() + " T" + e.targetNumber() + label(e), e.structure(),
                    e.side() == null ? "" : e.side().label(), e.level() == null ? "" : e.level().label(),
                    e.approach().label(), e.needle().description(), e.solution().description(),
                    Decimals.text(e.volumeMl(), 2) + " mL", state(e));
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                PDFont font = i == 0 ? c.bold() : c.regular();
                float size = i == 0 ? MIN_SITE_POINTS : TABLE;
                List<String> cell = PdfCanvas.wrap(cells.get(i), font, size, widths[i] - 3);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float lineHeight = TABLE * 1.3f;
            float rowHeight = Math.max(lines * lineHeight, MIN_SITE_POINTS * 1.3f) + lineHeight + 5;
            if (c.y() - rowHeight < PdfCanvas.MARGIN + 14) {
                c.newPage();
                tableHeader(c, widths);
            }
            float top = c.y();
            float x = PdfCanvas.MARGIN;
            for (int i = 0; i < wrapped.size(); i++) {
                PDFont font = i == 0 ? c.bold() : c.regular();
                float size = i == 0 ? MIN_SITE_POINTS : TABLE;
                for (int l = 0; l < wrapped.get(i).size(); l++) {
                    c.text(wrapped.get(i).get(l), font, size, x, top - MIN_SITE_POINTS - l * lineHeight);
                }
                x += widths[i];
            }
            float measures = top - Math.max(lines * lineHeight, MIN_SITE_POINTS * 1.3f) - TABLE;
            float mx = PdfCanvas.MARGIN + widths[0];
            float quarter = (c.width() - widths[0]) / 4;
            for (String m : measurements(e)) {
                c.text(m, c.regular(), TABLE, mx, measures);
                mx += quarter;
            }
            c.down(rowHeight);
            c.rule(c.y() + 2);
        }
    }

    private static String label(SessionMap.InjectionEntry e) {
        return e.label().isEmpty() || e.label().equals("T" + e.targetNumber()) ? "" : " " + e.label();
    }

    private void tableHeader(PdfCanvas c, float[] widths) throws IOException {
        float x = PdfCanvas.MARGIN;
        for (int i = 0; i < COLUMNS.length; i++) {
            c.text(COLUMNS[i], c.bold(), TABLE, x, c.y() - TABLE);
            x += widths[i];
        }
        c.text("Depth · path length · angle to the transducer face · smallest clearance from a zone", c.regular(),
                7, PdfCanvas.MARGIN + widths[0], c.y() - TABLE - 9);
        c.down(TABLE + 13);
        c.rule(c.y() + 2);
        c.down(2);
    }

    private static float[] widths(float width) {
        float total = 0;
        for (float s : SHARES) {
            total += s;
        }
        float[] widths = new float[SHARES.length];
        for (int i = 0; i < SHARES.length; i++) {
            widths[i] = SHARES[i] / total * width;
        }
        return widths;
    }

    private static String state(SessionMap.InjectionEntry e) {
        String state = e.state() == InjectionState.PLANNED ? "planned" : e.state().name().toLowerCase(Locale.ROOT);
        return e.locked() ? state + ", locked" : state;
    }

    /** "Depth 38.2 mm", "Path 40.1 mm", "Angle 30°", "Clearance 4.9 mm", or what stands in for each. */
    private List<String> measurements(SessionMap.InjectionEntry e) {
        Target t = exported.plan().target(e.targetId()).orElseThrow();
        boolean calibrated = t.calibration().isCalibrated();
        String depth = e.depthMm() != null ? Decimals.ceilTenth(e.depthMm()) + " mm"
                : calibrated ? "no skin line" : NOT_CALIBRATED;
        String path;
        String angle;
        if (e.path() == null) {
            path = "no path";
            angle = "—";
        } else if (e.pathLengthMm() == null) {
            boolean entryCalibrated = e.path().entryCalibration().equals(t.calibration())
                    && e.path().entryCalibration().isCalibrated();
            path = entryCalibrated ? "not measurable" : NOT_CALIBRATED;
            angle = path;
        } else {
            path = Decimals.ceilTenth(e.pathLengthMm()) + " mm";
            angle = String.format(Locale.ROOT, "%.0f°", e.angleDeg());
        }
        String clearance = e.minClearanceMm() != null ? Decimals.floorTenth(e.minClearanceMm()) + " mm"
                : calibrated ? "no zone on the frame" : NOT_CALIBRATED;
        return List.of("Depth " + depth, "Path " + path, "Angle " + angle, "Clearance " + clearance);
    }

    private void checklist(PdfCanvas c, SessionPlan plan, SessionMap map) throws IOException {
        c.heading("Pre-procedure checklist");
        SessionMap.Checklist cl = map.checklist();
        c.paragraph(cl.answered() + " of " + cl.questions() + " answered; patient's weight "
                + (cl.patientWeightKg() == null ? "not entered" : Decimals.text(cl.patientWeightKg(), 1) + " kg"),
                c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        for (ChecklistEntry e : plan.checklist()) {
            String answer = e.answer() == null ? "unanswered" : e.answer() == ChecklistAnswer.NOT_APPLICABLE ? "n/a"
                    : e.answer().name().toLowerCase(Locale.ROOT);
            String note = options.deidentify() || e.note().isEmpty() ? "" : " — " + e.note();
            c.paragraph("[" + answer + "] " + e.item().question() + note, c.regular(), TEXT, PdfCanvas.MARGIN + 8,
                    c.width() - 8);
        }
    }

    private void findings(PdfCanvas c, SessionPlan plan, SessionMap map) throws IOException {
        c.heading("Findings");
        int count = 0;
        for (SessionMap.InjectionEntry e : map.injections()) {
            for (Finding f : e.findings()) {
                c.paragraph("#" + e.position() + " T" + e.targetNumber() + ": " + finding(plan, f), c.regular(),
                        TEXT, PdfCanvas.MARGIN, c.width());
                count++;
            }
        }
        for (Finding f : map.sessionFindings()) {
            c.paragraph("Session: " + finding(plan, f), c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
            count++;
        }
        if (count == 0) {
            c.paragraph("None.", c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        }
    }

    /**
     * The plan compared site by site with the course's previous session ({@link ExportedPlan#comparison()}), when
     * it has one: the summary, then each site and outcome; a dropped site's note is left out when de-identified.
     */
    private void comparison(PdfCanvas c) throws IOException {
        SessionComparison found = exported.comparison().orElse(null);
        if (found == null) {
            return;
        }
        SessionComparison comparison = options.deidentify() ? found.withoutNotes() : found;
        c.heading("Compared with session " + exported.previous().sessionNumber() + " of "
                + exported.previous().date());
        c.paragraph(comparison.summary(), c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        for (SessionComparison.Entry e : comparison.entries()) {
            c.paragraph(e.kind() + ": " + e.text(), c.regular(), TEXT, PdfCanvas.MARGIN + 8, c.width() - 8);
        }
    }

    /**
     * "note: …", "warning: …", "VIOLATION: …" or "VIOLATION (overridden: reason): …" (no reason when
     * de-identified).
     */
    private String finding(SessionPlan plan, Finding f) {
        if (f.severity() != Severity.VIOLATION) {
            return (f.severity() == Severity.NOTE ? "note: " : "warning: ") + f.message();
        }
        String state = SafetyReport.overrideOf(plan, f).map(o -> options.deidentify() ? "VIOLATION (overridden)"
                : "VIOLATION (overridden by " + o.author() + ": " + o.reason() + ")").orElse("VIOLATION");
        return state + ": " + f.message();
    }

    private void signOff(PdfCanvas c, SessionPlan plan) throws IOException {
        c.heading("Sign-off");
        Signature s = plan.signature();
        SignatureStatus status = exported.signature();
        List<String> lines = new ArrayList<>();
        if (s == null) {
            lines.add("Not signed: this map is a draft.");
        } else if (!signed()) {
            lines.add("Signature not valid — treated as a draft"
                    + (status.problems().isEmpty() ? "" : ": " + String.join("; ", status.problems()))
                    + (status.state() == SignatureStatus.State.UNKEYED ? ": " + SignatureStatus.UNKEYED_NOTE : ""));
        } else {
            lines.add("Signed by " + (options.deidentify() ? "(de-identified)" : s.signer()) + " at "
                    + s.signedAt().atZoneSameInstant(zone).format(SIGNED_AT));
            lines.add("SHA-256 of the signed content: " + s.contentSha256());
        }
        for (String line : lines) {
            c.paragraph(line, c.regular(), TEXT, PdfCanvas.MARGIN, c.width());
        }
    }
}
