package org.injectionplanner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.Target;

/**
 * The session plan document (docs/plan-format.md §2): a {@link SessionPlan} as UTF-8 JSON, read and
 * written with Jackson through {@link Documents}. Every field of the model is written, nullable ones as
 * {@code null}; UUIDs in canonical lower-case form, dates as ISO-8601, enums by constant name, zone
 * shapes with a {@code "type"}. Pixel coordinates keep docs/design.md §3's convention (origin at the
 * top-left corner of the top-left pixel, x right, y down); numbers are written in their shortest
 * round-trip form, so {@code read(write(plan))} equals {@code plan} and writing it again gives the same
 * bytes — the bytes a signature hashes.
 *
 * <p>Reading is strict: missing or unknown fields, wrong types, non-finite numbers, non-canonical UUIDs,
 * other format names or versions and values the model refuses are {@link PlanFormatException}s naming the
 * file and the JSON pointer of the value ({@code plan.json: /targets/2/point/x: …}). Thread-safe.
 */
public final class PlanJson {

    /** The {@code "format"} of a session plan document. */
    public static final String PLAN_FORMAT = "injection-planner/session-plan";

    /** The {@code "formatVersion"} this code writes and reads (of every plan file format). */
    public static final int FORMAT_VERSION = 1;

    private PlanJson() {
    }

    /**
     * The plan as an indented UTF-8 JSON document ending in a line feed.
     *
     * @throws IllegalArgumentException if the plan holds a number JSON cannot carry (NaN, ±∞)
     */
    public static byte[] write(SessionPlan plan) {
        return JsonDialect.document(document(plan));
    }

    /**
     * The plan as a JSON tree: the document {@link #write} prints, to embed in a revision or autosave file.
     *
     * @throws IllegalArgumentException if the plan holds a number JSON cannot carry (NaN, ±∞)
     */
    public static JsonNode toTree(SessionPlan plan) {
        return JsonDialect.tree(document(plan));
    }

    /**
     * The SHA-256 (64 lower-case hex digits) of what a signature covers: the plan's planned content
     * ({@link SessionPlan#plannedContent()}) written as a plan document.
     */
    public static String plannedContentSha256(SessionPlan plan) {
        return JsonDialect.sha256(write(plan.plannedContent()));
    }

    /**
     * Reads a plan document.
     *
     * @param json UTF-8 JSON
     * @param source the file or label named in error messages
     * @throws PlanFormatException if it is not a valid plan document
     */
    public static SessionPlan read(byte[] json, String source) throws PlanFormatException {
        return fromTree(JsonDialect.parse(json, source), Pointer.root(source));
    }

    /**
     * Reads a plan file.
     *
     * @throws PlanFormatException if it is not a valid plan document, or too large
     * @throws java.io.IOException if it cannot be read
     */
    public static SessionPlan read(Path file) throws PlanFormatException, java.io.IOException {
        return read(JsonDialect.readFile(file), file.toString());
    }

    /**
     * Reads the plan document {@code value} found at {@code at} (e.g. {@code /plan} of a revision file).
     *
     * @throws PlanFormatException if it is not a valid plan document
     */
    public static SessionPlan fromTree(JsonNode value, Pointer at) throws PlanFormatException {
        JsonDialect.requireFormat(value, at, PLAN_FORMAT, FORMAT_VERSION);
        Documents.Plan d = JsonDialect.bind(value, Documents.Plan.class, at);
        List<PlanImage> images = new ArrayList<>();
        for (int i = 0; i < d.images().size(); i++) {
            Documents.Image o = d.images().get(i);
            images.add(at.field("images").index(i).build(() -> new PlanImage(o.sopInstanceUid(), o.studyInstanceUid(),
                    o.seriesInstanceUid(), o.description(), o.frames(), o.path())));
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < d.targets().size(); i++) {
            targets.add(target(d.targets().get(i), at.field("targets").index(i)));
        }
        List<NerveZone> zones = new ArrayList<>();
        for (int i = 0; i < d.zones().size(); i++) {
            zones.add(zone(d.zones().get(i), at.field("zones").index(i)));
        }
        List<Injection> injections = new ArrayList<>();
        for (int i = 0; i < d.injections().size(); i++) {
            injections.add(injection(d.injections().get(i), at.field("injections").index(i)));
        }
        List<ChecklistEntry> checklist = new ArrayList<>();
        for (int i = 0; i < d.checklist().size(); i++) {
            Documents.ChecklistEntry o = d.checklist().get(i);
            Pointer p = at.field("checklist").index(i);
            ChecklistItem item = checklistItem(o.item(), p.field("item"));
            checklist.add(p.build(() -> new ChecklistEntry(item, o.answer(), o.note())));
        }
        List<FindingOverride> overrides = new ArrayList<>();
        for (int i = 0; i < d.overrides().size(); i++) {
            Documents.FindingOverride o = d.overrides().get(i);
            Pointer p = at.field("overrides").index(i);
            Double measured = p.field("measured").finite(o.measured());
            OffsetDateTime when = p.field("at").time(o.at());
            overrides.add(p.build(() -> new FindingOverride(o.findingKey(), measured, o.reason(), o.author(), when)));
        }
        Signature signature = d.signature() == null ? null : signature(d.signature(), at.field("signature"));
        List<Amendment> amendments = new ArrayList<>();
        for (int i = 0; i < d.amendments().size(); i++) {
            Documents.Amendment o = d.amendments().get(i);
            Pointer p = at.field("amendments").index(i);
            OffsetDateTime when = p.field("at").time(o.at());
            Signature amended = signature(o.amended(), p.field("amended"));
            amendments.add(p.build(() -> new Amendment(o.reason(), o.author(), when, amended)));
        }
        UUID id = at.field("id").uuid(d.id());
        UUID courseId = at.field("courseId").uuid(d.courseId());
        LocalDate date = at.field("date").date(d.date());
        Double weight = at.field("patientWeightKg").finite(d.patientWeightKg());
        return at.build(() -> new SessionPlan(id, courseId, d.sessionNumber(), date, d.author(), d.status(), weight,
                images, targets, zones, injections, checklist, overrides, signature, amendments));
    }

    private static Target target(Documents.Target o, Pointer at) throws PlanFormatException {
        UUID id = at.field("id").uuid(o.id());
        ImageRef image = imageRef(o.image(), at.field("image"));
        PixelPoint point = point(o.point(), at.field("point"));
        Double depthMm = at.field("depthMm").finite(o.depthMm());
        MeasuredCalibration calibration = calibration(o.calibration(), at.field("calibration"));
        return at.build(() -> new Target(id, o.number(), o.label(), o.structureId(), o.side(), o.level(), image, point,
                depthMm, o.notes(), calibration));
    }

    private static NerveZone zone(Documents.Zone o, Pointer at) throws PlanFormatException {
        UUID id = at.field("id").uuid(o.id());
        ImageRef image = imageRef(o.image(), at.field("image"));
        ZoneShape shape = shape(o.shape(), at.field("shape"));
        double margin = at.field("marginMm").finite(o.marginMm());
        MeasuredCalibration calibration = calibration(o.calibration(), at.field("calibration"));
        return at.build(() -> new NerveZone(id, o.number(), o.kind(), o.name(), image, shape, margin, calibration));
    }

    private static Injection injection(Documents.Injection o, Pointer at) throws PlanFormatException {
        UUID id = at.field("id").uuid(o.id());
        UUID targetId = at.field("targetId").uuid(o.targetId());
        Needle needle = needle(o.needle(), at.field("needle"));
        Solution solution = solution(o.solution(), at.field("solution"));
        double volume = at.field("volumeMl").finite(o.volumeMl());
        NeedlePath path = null;
        if (o.path() != null) {
            Pointer p = at.field("path");
            PixelPoint entry = point(o.path().entry(), p.field("entry"));
            MeasuredCalibration cal = calibration(o.path().entryCalibration(), p.field("entryCalibration"));
            path = p.build(() -> new NeedlePath(entry, cal));
        }
        Pointer r = at.field("record");
        OffsetDateTime when = r.field("at").time(o.record().at());
        ProcedureRecord record = r.build(() -> new ProcedureRecord(o.record().state(), when, o.record().note()));
        NeedlePath planned = path;
        return at.build(() -> new Injection(id, targetId, o.locked(), o.approach(), needle, solution, volume, planned,
                record));
    }

    /** A needle of a plan or a protocol preset. */
    static Needle needle(Documents.Needle o, Pointer at) throws PlanFormatException {
        Double length = at.field("lengthMm").finite(o.lengthMm());
        return at.build(() -> new Needle(o.gauge(), length));
    }

    /** A solution of a plan or a protocol preset. */
    static Solution solution(Documents.Solution o, Pointer at) throws PlanFormatException {
        Double dextrose = at.field("dextrosePercent").finite(o.dextrosePercent());
        Double percent = at.field("anaestheticPercent").finite(o.anaestheticPercent());
        return at.build(() -> new Solution(dextrose, o.anaesthetic(), percent));
    }

    /** A checklist item of a plan or the clinic settings. */
    static ChecklistItem checklistItem(Documents.ChecklistItem o, Pointer at) throws PlanFormatException {
        return at.build(() -> new ChecklistItem(o.id(), o.question()));
    }

    private static Signature signature(Documents.Signature o, Pointer at) throws PlanFormatException {
        OffsetDateTime when = at.field("signedAt").time(o.signedAt());
        return at.build(() -> new Signature(o.signer(), when, o.contentSha256()));
    }

    private static ImageRef imageRef(Documents.ImageRef o, Pointer at) throws PlanFormatException {
        return at.build(() -> new ImageRef(o.sopInstanceUid(), o.frame()));
    }

    private static PixelPoint point(Documents.Point o, Pointer at) throws PlanFormatException {
        double x = at.field("x").finite(o.x());
        double y = at.field("y").finite(o.y());
        return new PixelPoint(x, y);
    }

    private static ZoneShape shape(Documents.Shape o, Pointer at) throws PlanFormatException {
        if (o instanceof Documents.Polygon polygon) {
            List<PixelPoint> vertices = new ArrayList<>();
            for (int i = 0; i < polygon.vertices().size(); i++) {
                vertices.add(point(polygon.vertices().get(i), at.field("vertices").index(i)));
            }
            return at.build(() -> new PolygonShape(vertices));
        }
        Documents.Ellipse e = (Documents.Ellipse) o;
        PixelPoint centre = point(e.centre(), at.field("centre"));
        double rx = at.field("radiusX").finite(e.radiusX());
        double ry = at.field("radiusY").finite(e.radiusY());
        double angle = at.field("angleDeg").finite(e.angleDeg());
        return at.build(() -> new EllipseShape(centre, rx, ry, angle));
    }

    /**
     * A calibration; a scale, where given, must be a positive finite number of mm per pixel (the checks
     * measure with it).
     */
    private static MeasuredCalibration calibration(Documents.Calibration o, Pointer at) throws PlanFormatException {
        Double x = scale(o.mmPerPixelX(), at.field("mmPerPixelX"));
        Double y = scale(o.mmPerPixelY(), at.field("mmPerPixelY"));
        Double skin = at.field("skinLineY").finite(o.skinLineY());
        return at.build(() -> new MeasuredCalibration(o.source(), x, y, o.regionIndex(), skin));
    }

    private static Double scale(Double mmPerPixel, Pointer at) throws PlanFormatException {
        if (at.finite(mmPerPixel) != null && !(mmPerPixel > 0)) {
            throw at.error("must be a positive number of mm per pixel, found " + mmPerPixel);
        }
        return mmPerPixel;
    }

    private static Documents.Plan document(SessionPlan plan) {
        List<Documents.Image> images = plan.images().stream().map(i -> new Documents.Image(i.sopInstanceUid(),
                i.studyInstanceUid(), i.seriesInstanceUid(), i.description(), i.frames(), i.path())).toList();
        List<Documents.Target> targets = plan.targets().stream().map(t -> new Documents.Target(t.id().toString(),
                t.number(), t.label(), t.structureId(), t.side(), t.level(), imageRef(t.image()),
                point(t.point(), "point"), finite(t.depthMm(), "depthMm"), t.notes(), calibration(t.calibration())))
                .toList();
        List<Documents.Zone> zones = plan.zones().stream().map(z -> new Documents.Zone(z.id().toString(), z.number(),
                z.kind(), z.name(), imageRef(z.image()), shape(z.shape()), finite(z.marginMm(), "marginMm"),
                calibration(z.calibration()))).toList();
        List<Documents.Injection> injections = plan.injections().stream().map(i -> new Documents.Injection(
                i.id().toString(), i.targetId().toString(), i.locked(), i.approach(), needle(i.needle()),
                solution(i.solution()), finite(i.volumeMl(), "volumeMl"),
                i.path() == null ? null : new Documents.NeedlePath(point(i.path().entry(), "entry"),
                        calibration(i.path().entryCalibration())),
                new Documents.ProcedureRecord(i.record().state(), JsonDialect.time(i.record().at()), i.record().note())))
                .toList();
        List<Documents.ChecklistEntry> checklist = plan.checklist().stream().map(e -> new Documents.ChecklistEntry(
                checklistItem(e.item()), e.answer(), e.note())).toList();
        List<Documents.FindingOverride> overrides = plan.overrides().stream().map(o -> new Documents.FindingOverride(
                o.findingKey(), finite(o.measured(), "measured"), o.reason(), o.author(), JsonDialect.time(o.at()))).toList();
        List<Documents.Amendment> amendments = plan.amendments().stream().map(a -> new Documents.Amendment(
                a.reason(), a.author(), JsonDialect.time(a.at()), signature(a.amended()))).toList();
        return new Documents.Plan(PLAN_FORMAT, FORMAT_VERSION, plan.id().toString(), plan.courseId().toString(),
                plan.sessionNumber(), plan.date().toString(), plan.author(), plan.status(),
                finite(plan.patientWeightKg(), "patientWeightKg"), images, targets, zones, injections, checklist,
                overrides, plan.signature() == null ? null : signature(plan.signature()), amendments);
    }

    /** A needle as written. */
    static Documents.Needle needle(Needle n) {
        return new Documents.Needle(n.gauge(), finite(n.lengthMm(), "lengthMm"));
    }

    /** A solution as written. */
    static Documents.Solution solution(Solution s) {
        return new Documents.Solution(finite(s.dextrosePercent(), "dextrosePercent"), s.anaesthetic(),
                finite(s.anaestheticPercent(), "anaestheticPercent"));
    }

    /** A checklist item as written. */
    static Documents.ChecklistItem checklistItem(ChecklistItem item) {
        return new Documents.ChecklistItem(item.id(), item.question());
    }

    private static Documents.Signature signature(Signature s) {
        return new Documents.Signature(s.signer(), JsonDialect.time(s.signedAt()), s.contentSha256());
    }

    private static Documents.ImageRef imageRef(ImageRef ref) {
        return new Documents.ImageRef(ref.sopInstanceUid(), ref.frame());
    }

    private static Documents.Point point(PixelPoint p, String what) {
        return new Documents.Point(finite(p.x(), what + ".x"), finite(p.y(), what + ".y"));
    }

    private static Documents.Shape shape(ZoneShape shape) {
        if (shape instanceof PolygonShape p) {
            return new Documents.Polygon(p.vertices().stream().map(v -> point(v, "vertex")).toList());
        }
        EllipseShape e = (EllipseShape) shape;
        return new Documents.Ellipse(point(e.centre(), "centre"), finite(e.radiusX(), "radiusX"),
                finite(e.radiusY(), "radiusY"), finite(e.angleDeg(), "angleDeg"));
    }

    private static Documents.Calibration calibration(MeasuredCalibration c) {
        return new Documents.Calibration(c.source(), finite(c.mmPerPixelX(), "mmPerPixelX"),
                finite(c.mmPerPixelY(), "mmPerPixelY"), c.regionIndex(), finite(c.skinLineY(), "skinLineY"));
    }

    /**
     * The number, refused if JSON cannot carry it; null stays null.
     *
     * @throws IllegalArgumentException for NaN and ±∞
     */
    static Double finite(Double value, String what) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + what + " = " + value
                    + ": JSON has no NaN or infinity");
        }
        return value;
    }
}
