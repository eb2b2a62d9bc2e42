package org.injectionplanner.sessionmap;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.Segment;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseRecord;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyReport;
import org.injectionplanner.safety.Severity;

/**
 * The session map of a plan: its injections in session order with what each gives and its findings, then
 * the session's findings, the checklist, the totals and the sign-off. Computed once from a plan, its safety
 * report and the clinic settings; the one source of the Plan Panel's session map and of exports. Lengths
 * and depths in mm, volumes in mL, angles in degrees to the transducer face.
 *
 * @param injections one entry per injection, in session order
 * @param sessionFindings the findings about the session as a whole (no target), in report order
 * @param checklist how far the pre-procedure checklist is answered
 * @param totals the session's totals per drug
 * @param signOff the sign-off line
 * @param rows every row of the map as shown, in order: one per injection, then the session's, each at most
 *        {@link #ROW_CHARS} characters, with what it stands for in full
 * @param drawingUp what the nurse draws up and lays out
 */
public record SessionMap(List<InjectionEntry> injections, List<Finding> sessionFindings, Checklist checklist,
        SessionTotals totals, SignOff signOff, List<Row> rows, DrawingUp drawingUp) {

    /** Follows the answer in the row of a question the clinic requires to be yes, answered otherwise. */
    private static final String BLOCKS = " — the clinic requires yes, this blocks sign-off: ";

    /**
     * The most characters a row has: an injection's row is laid out in columns within it, a longer row of the
     * session is cut with "…" (its whole text kept in {@link Row#details()}). The Plan Panel is made wide enough
     * for this many characters of its monospaced font.
     */
    public static final int ROW_CHARS = 118;

    public SessionMap {
        injections = List.copyOf(injections);
        sessionFindings = List.copyOf(sessionFindings);
        rows = List.copyOf(rows);
    }

    /**
     * One injection of the session.
     *
     * @param position its place in the session order, 1 first
     * @param injectionId the injection
     * @param targetId its target
     * @param targetNumber the target's number (T3 is 3)
     * @param label the target's label
     * @param structure the structure's name in the clinic's catalogue (its id where the catalogue lacks it;
     *        empty without one)
     * @param side the side
     * @param level the spinal level, or null
     * @param image the DICOM instance and frame the target is on
     * @param approach in-plane or out-of-plane
     * @param needle gauge and length
     * @param solution what is injected
     * @param volumeMl the planned volume, mL
     * @param depthMm the target's depth below the skin line, mm, or null uncalibrated
     * @param path the planned needle path, or null
     * @param pathLengthMm the path's length, mm, or null without a path or where it cannot be measured
     * @param angleDeg the path's angle to the transducer face, degrees, or null as the length
     * @param minClearanceMm the smallest clearance, mm, of the path (or the target, without a measured path)
     *        from the zones on its frame measured in its calibration (0 inside or across one); null where
     *        there is no such zone
     * @param locked whether the injection is locked at its position
     * @param state what happened during the procedure
     * @param findings the findings about its target, in report order
     * @param imageName the name of the target's image: its description in the plan (the series description, or
     *        "US series" and its number), or "image" and its place among the plan's images where it has none
     */
    public record InjectionEntry(int position, UUID injectionId, UUID targetId, int targetNumber, String label,
            String structure, Side side, SpinalLevel level, ImageRef image, Approach approach, Needle needle,
            Solution solution, double volumeMl, Double depthMm, NeedlePath path, Double pathLengthMm, Double angleDeg,
            Double minClearanceMm, boolean locked, InjectionState state, List<Finding> findings, String imageName) {

        public InjectionEntry {
            findings = List.copyOf(findings);
        }
    }

    /**
     * The pre-procedure checklist's state.
     *
     * @param answered questions answered
     * @param questions questions asked
     * @param patientWeightKg the patient's weight, kg, or null while not entered
     * @param deviations the questions answered "no", each with its note: flagged in the map
     */
    public record Checklist(int answered, int questions, Double patientWeightKg, List<ChecklistEntry> deviations) {

        public Checklist {
            deviations = List.copyOf(deviations);
        }
    }

    /**
     * The sign-off's state.
     *
     * @param signature the signature, or null while unsigned
     * @param status what verifying the signature found; only a valid one is shown as signed
     * @param openViolations violations without a written override (they block signing)
     * @param unansweredQuestions checklist questions without an answer
     */
    public record SignOff(Signature signature, SignatureStatus status, int openViolations, int unansweredQuestions) {
    }

    /**
     * A row of the map as shown.
     *
     * @param text the row, at most {@link #ROW_CHARS} characters: for an injection its order number, target,
     *        structure, side and level, volume and solution, needle and a status mark ("VIOLATION", "overridden",
     *        "⚠ 2", "done", "locked")
     * @param targetId the target it is about, or null
     * @param injectionId the injection it is, or null
     * @param details what it stands for in full, one line each: for an injection its full line (with path, image
     *        and frame) and its findings; for the session's findings row those findings; for a row cut to fit its
     *        whole text; empty for the others
     */
    public record Row(String text, UUID targetId, UUID injectionId, List<String> details) {

        public Row {
            details = List.copyOf(details);
        }
    }

    /**
     * The map of a plan, with its safety report, the clinic settings (for structure names) and what verifying
     * its signature found.
     */
    public static SessionMap of(SessionPlan plan, SafetyReport report, ClinicSettings settings,
            SignatureStatus signatureStatus) {
        return of(plan, report, settings, signatureStatus, ZoneId.systemDefault());
    }

    /** As {@link #of(SessionPlan, SafetyReport, ClinicSettings, SignatureStatus)}, times shown in {@code zone}. */
    public static SessionMap of(SessionPlan plan, SafetyReport report, ClinicSettings settings,
            SignatureStatus signatureStatus, ZoneId zone) {
        List<InjectionEntry> entries = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Injection i : plan.injections()) {
            InjectionEntry e = entry(plan, i, report, settings);
            entries.add(e);
            List<String> details = new ArrayList<>();
            details.add(injectionLine(e));
            e.findings().forEach(f -> details.add(findingLine(plan, f)));
            rows.add(new Row(injectionRow(plan, e), e.targetId(), e.injectionId(), details));
        }
        List<Finding> sessionFindings = report.findings().stream().filter(f -> f.targetId() == null).toList();
        if (!sessionFindings.isEmpty()) {
            rows.add(new Row(fit("Session findings: " + counts(sessionFindings) + " (select this row to read them)"),
                    null, null, sessionFindings.stream().map(f -> findingLine(plan, f)).toList()));
        }
        Checklist checklist = new Checklist(plan.checklist().size() - plan.unansweredChecklist().size(),
                plan.checklist().size(), plan.patientWeightKg(),
                plan.checklist().stream().filter(e -> e.answer() == ChecklistAnswer.NO).toList());
        rows.add(fitted(String.format(Locale.ROOT, "Checklist: %d of %d answered%s", checklist.answered(),
                checklist.questions(), checklist.patientWeightKg() == null ? "; weight not entered"
                        : String.format(Locale.ROOT, "; weight %.1f kg", checklist.patientWeightKg()))));
        for (ChecklistEntry e : plan.checklist()) {
            if (e.answer() == ChecklistAnswer.NO) {
                rows.add(fitted("      DEVIATION, answered no" + (e.item().blocksSignOff() ? BLOCKS : ": ")
                        + e.item().question() + " (note: " + e.note() + ")"));
            } else if (e.answer() == ChecklistAnswer.NOT_APPLICABLE && e.item().blocksSignOff()) {
                rows.add(fitted("      answered n/a" + BLOCKS + e.item().question()));
            }
        }
        SessionTotals totals = SessionTotals.of(plan, settings.drugs());
        rows.add(fitted(totals.text()));
        DrawingUp drawingUp = DrawingUp.of(plan);
        drawingUp.lines().forEach(line -> rows.add(fitted(line)));
        SignOff signOff = new SignOff(plan.signature(), signatureStatus, report.openViolations(plan).size(),
                plan.unansweredChecklist().size());
        rows.add(fitted(signOffLine(signOff, zone)));
        return new SessionMap(entries, sessionFindings, checklist, totals, signOff, rows, drawingUp);
    }

    /**
     * Who and which session the plan is, for window titles and the head of exports: "Demo, Lumbar Back Pain (ID
     * DEMO-0001), study 2026-10-01, course 7a000000, session 2 (draft)". The patient is the one the plan's images
     * show ("patient not recorded" where they have none); the study date the first the images record, else the
     * plan's date; the course by the first 8 digits of its id.
     */
    public static String identity(SessionPlan plan) {
        return identity(plan, null);
    }

    /**
     * {@link #identity(SessionPlan)} with the session counted against the planned sessions of the plan's
     * {@code course} record ("session 2 of 4"); as there where {@code course} is null (not known).
     */
    public static String identity(SessionPlan plan, CourseRecord course) {
        String patient = plan.patient().map(p -> (p.displayName().isBlank() ? "name not recorded" : p.displayName())
                + " (ID " + (p.id().isBlank() ? "not recorded" : p.id()) + ")").orElse("patient not recorded");
        LocalDate study = plan.images().stream().map(PlanImage::studyDate).filter(d -> d != null).findFirst()
                .orElse(plan.date());
        return patient + ", study " + study + ", course " + plan.courseId().toString().substring(0, 8) + ", "
                + (course == null ? "session " + plan.sessionNumber() : course.sessionLabel(plan.sessionNumber()));
    }

    /** The rows' texts, in order. */
    public List<String> lines() {
        return rows.stream().map(Row::text).toList();
    }

    /**
     * The findings as a reader goes through them, one line each: those of injection {@code injectionId}, or, when
     * it is null, every injection's and then the session's (an override shown as such; a finding about a target
     * names its injection itself: "Injection 1, T3 …").
     */
    public List<String> findingLines(UUID injectionId) {
        List<String> out = new ArrayList<>();
        for (Row row : rows) {
            if (row.injectionId() != null && (injectionId == null || injectionId.equals(row.injectionId()))) {
                // an injection's details: its full line, then its findings
                out.addAll(row.details().subList(1, row.details().size()));
            }
        }
        if (injectionId == null) {
            sessionRow().ifPresent(row -> out.addAll(row.details()));
        }
        return out;
    }

    /**
     * What the rows leave out, one line each, for reading with no row chosen: every finding ({@link #findingLines}
     * of none), then the whole text of each row cut to fit.
     */
    public List<String> details() {
        List<String> out = new ArrayList<>(findingLines(null));
        Row session = sessionRow().orElse(null);
        for (Row row : rows) {
            if (row.injectionId() == null && row != session) {
                row.details().forEach(line -> out.add(line.strip()));
            }
        }
        return out;
    }

    /** The row of the session's findings (the first after the injections'), or empty without such findings. */
    private Optional<Row> sessionRow() {
        return sessionFindings.isEmpty() ? Optional.empty()
                : rows.stream().filter(r -> r.injectionId() == null).findFirst();
    }

    private static InjectionEntry entry(SessionPlan plan, Injection i, SafetyReport report, ClinicSettings settings) {
        Target t = plan.targetOf(i);
        String structure = settings.catalogue().nameOf(t.structureId());
        NeedlePath.Measurement m = i.path() == null ? null : i.path().measure(t).orElse(null);
        return new InjectionEntry(plan.positionOf(i.id()), i.id(), t.id(), t.number(), t.label(), structure, t.side(),
                t.level(), t.image(), i.approach(), i.needle(), i.solution(), i.volumeMl(), t.depthMm(), i.path(),
                m == null ? null : m.lengthMm(), m == null ? null : m.angleDeg(),
                minClearanceMm(plan, t, m == null ? null : i.path()), i.locked(), i.record().state(),
                report.about(t.id()), imageName(plan, t.image()));
    }

    /** The image's description in the plan, or "image 2" (its place among the plan's images) without one. */
    public static String imageName(SessionPlan plan, ImageRef image) {
        int number = imageNumber(plan, image);
        if (number == 0) {
            return "image not in the plan";
        }
        String description = plan.images().get(number - 1).description();
        return description == null || description.isBlank() ? "image " + number : description;
    }

    /** The image's place among the plan's images, 1 first; 0 where the plan does not hold it. */
    public static int imageNumber(SessionPlan plan, ImageRef image) {
        List<PlanImage> images = plan.images();
        for (int k = 0; k < images.size(); k++) {
            if (images.get(k).sopInstanceUid().equals(image.sopInstanceUid())) {
                return k + 1;
            }
        }
        return 0;
    }

    /**
     * The smallest clearance, mm, from the zones on the target's frame in its calibration of the measured
     * path (or of the target alone when {@code path} is null); null when the target is uncalibrated or no
     * such zone exists.
     */
    private static Double minClearanceMm(SessionPlan plan, Target t, NeedlePath path) {
        return nearestZone(plan, t.image(), t.point(), t.calibration(), path).map(ZoneClearance::mm).orElse(null);
    }

    /**
     * The zone nearest a needle path or a point: of the zones on frame {@code image} in {@code calibration}, the one
     * with the smallest clearance, mm, from the path from {@code path}'s entry to {@code tip} (from {@code tip}
     * alone when {@code path} is null; 0 where the path crosses the zone); empty when {@code calibration} has no
     * mm scale or no such zone exists. The one computation of the map's, the exports' and the drag readout's
     * clearance.
     *
     * @param tip the target's point (or where it is being dragged), pixel coordinates
     */
    public static Optional<ZoneClearance> nearestZone(SessionPlan plan, ImageRef image, PixelPoint tip,
            MeasuredCalibration calibration, NeedlePath path) {
        MmScale scale = calibration.scale().orElse(null);
        if (scale == null) {
            return Optional.empty();
        }
        ZoneClearance nearest = null;
        for (NerveZone z : plan.zones()) {
            if (!z.image().equals(image) || !z.calibration().equals(calibration)) {
                continue;
            }
            double mm;
            if (path == null) {
                mm = CalibratedGeometry.clearanceMm(tip, z.shape(), scale);
            } else {
                Segment segment = Segment.of(path.entry(), tip);
                mm = CalibratedGeometry.crosses(segment, z.shape()) ? 0
                        : CalibratedGeometry.clearanceMm(segment, z.shape(), scale);
            }
            if (nearest == null || mm < nearest.mm()) {
                nearest = new ZoneClearance(z, mm);
            }
        }
        return Optional.ofNullable(nearest);
    }

    /**
     * A zone and a needle path's (or a target's) clearance from it.
     *
     * @param zone the zone
     * @param mm the clearance, mm (0 where the path crosses the zone)
     */
    public record ZoneClearance(NerveZone zone, double mm) {
    }

    /**
     * "#1  T3   label   solution   0.5 mL 25 G × 38 mm  path 40.1 mm 30°  on "transverse L4-L5" frame 1  locked
     * done".
     */
    private static String injectionLine(InjectionEntry e) {
        String path = e.path() == null ? "no path" : e.pathLengthMm() == null ? "path uncalibrated"
                : String.format(Locale.ROOT, "path %s mm %.0f°", Decimals.ceilTenth(e.pathLengthMm()),
                        e.angleDeg());
        String state = e.state() == InjectionState.PLANNED ? "" : "  " + e.state().name().toLowerCase(Locale.ROOT);
        return String.format(Locale.ROOT, "#%-2d T%-3d %-22s %-34s %4s mL %-14s %s  on \"%s\" frame %d%s%s",
                e.position(), e.targetNumber(), truncate(e.label(), 22), truncate(e.solution().description(), 34),
                e.volumeMl(), e.needle(), path, truncate(e.imageName(), 40), e.image().frame(),
                e.locked() ? "  locked" : "", state);
    }

    /**
     * An injection's row, in columns: "#1  T3   L4/5 L facet       Facet joint capsule   L L4/L5  0.5 mL D15% +
     * lidocaine 0.2% 22 G × 90 mm   ⚠ 1 done". Label, structure and solution are cut to their columns (the full
     * line is the row's first detail); the side is its initial.
     */
    private static String injectionRow(SessionPlan plan, InjectionEntry e) {
        String sideLevel = sideLevel(e.side(), e.level());
        List<String> status = new ArrayList<>();
        String mark = mark(plan, e.findings());
        if (!mark.isEmpty()) {
            status.add(mark);
        }
        if (e.state() != InjectionState.PLANNED) {
            status.add(e.state().name().toLowerCase(Locale.ROOT));
        }
        if (e.locked()) {
            status.add("locked");
        }
        return fit(String.format(Locale.ROOT, "#%-2d T%-3d %-17s %-21s %-7s %4s mL %-21s %-14s %s", e.position(),
                e.targetNumber(), truncate(e.label(), 17), truncate(e.structure(), 21), sideLevel, e.volumeMl(),
                truncate(e.solution().shorthand(), 21), e.needle(), String.join(" ", status)).strip());
    }

    /** "L L4/L5": a side by its initial and the spinal level (the side alone where {@code level} is null). */
    public static String sideLevel(Side side, SpinalLevel level) {
        return side.label().substring(0, 1) + (level == null ? "" : " " + level.label());
    }

    /**
     * The short status of an injection's findings: "VIOLATION" with an open violation, else "overridden" with a
     * violation overridden; then "⚠ 2" for its warnings; "note" (or "2 notes") where it has notes only; empty
     * without findings.
     */
    private static String mark(SessionPlan plan, List<Finding> findings) {
        long open = findings.stream().filter(f -> f.severity() == Severity.VIOLATION
                && SafetyReport.overrideOf(plan, f).isEmpty()).count();
        long violations = findings.stream().filter(f -> f.severity() == Severity.VIOLATION).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = findings.stream().filter(f -> f.severity() == Severity.NOTE).count();
        List<String> parts = new ArrayList<>();
        if (open > 0) {
            parts.add("VIOLATION");
        } else if (violations > 0) {
            parts.add("overridden");
        }
        if (warnings > 0) {
            parts.add("⚠ " + warnings);
        }
        if (parts.isEmpty() && notes > 0) {
            parts.add(notes == 1 ? "note" : notes + " notes");
        }
        return String.join(" ", parts);
    }

    /** "1 violation, 2 warnings, 1 note": how many findings of each severity, the most severe first. */
    private static String counts(List<Finding> findings) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : List.of(Severity.VIOLATION, Severity.WARNING, Severity.NOTE)) {
            long n = findings.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                parts.add(n + " " + severity.name().toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    /** A row of the session: {@code text} cut to {@link #ROW_CHARS} where longer, then its whole text its detail. */
    private static Row fitted(String text) {
        String shown = fit(text);
        return new Row(shown, null, null, shown.equals(text) ? List.of() : List.of(text));
    }

    /**
     * {@code text} on one line (a typed note's line breaks as spaces), or its first {@link #ROW_CHARS} − 1
     * characters and "…" where longer.
     */
    private static String fit(String text) {
        return truncate(String.join(" ", text.lines().toList()), ROW_CHARS);
    }

    /**
     * "note: …", "warning: …", "VIOLATION: …" for an open violation, or "overridden (reason: …): …" for a
     * violation with a written override: the overlay draws it in its own neutral style too, never as a violation.
     */
    private static String findingLine(SessionPlan plan, Finding f) {
        String state = f.severity() == Severity.NOTE ? "note" : f.severity() == Severity.WARNING ? "warning"
                : SafetyReport.overrideOf(plan, f).map(o -> "overridden (reason: " + o.reason() + ")")
                        .orElse("VIOLATION");
        return state + ": " + f.message();
    }

    /**
     * "Not signed: …", "Signed by …" (with a note when signed before keyed signatures) or, for a signature
     * that does not verify, "Signature not valid — treated as a draft: …".
     */
    private static String signOffLine(SignOff s, ZoneId zone) {
        Signature signature = s.signature();
        String open = s.openViolations() + " open violation(s), " + s.unansweredQuestions() + " unanswered question(s)";
        if (signature == null) {
            return "Not signed: " + open;
        }
        if (s.status().state() == SignatureStatus.State.INVALID) {
            return "Signature not valid — treated as a draft: " + String.join("; ", s.status().problems());
        }
        String signed = "Signed by " + signature.signer() + " at " + localTime(signature.signedAt(), zone)
                + ", SHA-256 " + signature.contentSha256().substring(0, 16) + "…";
        return s.status().state() == SignatureStatus.State.UNKEYED ? signed + " (" + SignatureStatus.UNKEYED_NOTE + ")"
                : signed;
    }

    /** A time as the physician reads it, in the workstation's zone: "2026-11-26 09:30 Europe/Berlin (UTC+01:00)". */
    public static String localTime(OffsetDateTime time, ZoneId zone) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        String offset = local.getOffset().getId().replace("Z", "+00:00");
        return local.format(LOCAL_TIME) + " " + zone.getId() + " (UTC" + offset + ")";
    }

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** {@code text}, or its first {@code length} − 1 characters and "…" where longer: to fit a row's column. */
    public static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
