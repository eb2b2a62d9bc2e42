package org.injectionplanner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CopiedForward;
import org.injectionplanner.plan.DroppedSite;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.Seal;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.Target;

/**
 * The session plan document (docs/plan-format.md §2): a {@link SessionPlan} as UTF-8 JSON, bound to
 * {@link Documents} records by Jackson to read and written as a Jackson tree (docs/decisions.md). Every
 * field of the model is written, nullable ones as {@code null}; UUIDs in canonical lower-case form, dates
 * as ISO-8601, enums by constant name, zone shapes with a {@code "type"}. Pixel coordinates keep
 * docs/design.md §3's convention (origin at the top-left corner of the top-left pixel, x right, y down);
 * numbers are written in their shortest round-trip form, so {@code read(write(plan))} equals {@code plan}
 * and writing it again gives the same bytes — the bytes a signature hashes.
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
    public static ObjectNode toTree(SessionPlan plan) {
        return document(plan);
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
            Pointer imageAt = at.field("images").index(i);
            Patient patient = null;
            if (o.patient() != null) {
                Pointer patientAt = imageAt.field("patient");
                LocalDate birth = o.patient().birthDate() == null ? null
                        : patientAt.field("birthDate").date(o.patient().birthDate());
                patient = patientAt.build(() -> new Patient(o.patient().id(), o.patient().name(), birth));
            }
            LocalDate studyDate = o.studyDate() == null ? null : imageAt.field("studyDate").date(o.studyDate());
            Patient imagePatient = patient;
            ImageSides sides = sides(o.sides(), imageAt.field("sides"));
            images.add(imageAt.build(() -> new PlanImage(o.sopInstanceUid(), o.studyInstanceUid(),
                    o.seriesInstanceUid(), o.description(), o.frames(), o.path(), imagePatient, studyDate, sides)));
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
            ChecklistItem item = checklistItem(o.item(), p.field("item"), false);
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
        Outcomes outcomes = d.outcomes() == null ? null : outcomes(d.outcomes(), at.field("outcomes"));
        UUID id = at.field("id").uuid(d.id());
        UUID courseId = at.field("courseId").uuid(d.courseId());
        LocalDate date = at.field("date").date(d.date());
        Double weight = at.field("patientWeightKg").finite(d.patientWeightKg());
        CopiedForward copied = d.copiedForward() == null ? null
                : copiedForward(d.copiedForward(), at.field("copiedForward"));
        return at.build(() -> new SessionPlan(id, courseId, d.sessionNumber(), date, d.author(), d.status(), weight,
                images, targets, zones, injections, checklist, overrides, signature, amendments, outcomes,
                copied));
    }

    private static Outcomes outcomes(Documents.Outcomes o, Pointer at) throws PlanFormatException {
        Double odi = at.field("odiPercent").finite(o.odiPercent());
        OffsetDateTime when = at.field("recordedAt").time(o.recordedAt());
        return at.build(() -> new Outcomes(o.nrsRest(), o.nrsActivity(), odi, o.odiSections(), o.rmdq(), o.pgic(),
                o.notes(), when));
    }

    private static CopiedForward copiedForward(Documents.CopiedForward o, Pointer at) throws PlanFormatException {
        UUID from = at.field("fromPlanId").uuid(o.fromPlanId());
        LocalDate fromDate = at.field("fromDate").date(o.fromDate());
        List<UUID> sites = uuids(o.sites(), at.field("sites"));
        List<UUID> toConfirm = uuids(o.toConfirm(), at.field("toConfirm"));
        List<DroppedSite> dropped = new ArrayList<>();
        for (int i = 0; i < o.dropped().size(); i++) {
            Documents.DroppedSite s = o.dropped().get(i);
            Pointer p = at.field("dropped").index(i);
            UUID target = p.field("targetId").uuid(s.targetId());
            dropped.add(p.build(() -> new DroppedSite(target, s.number(), s.label(), s.reason(), s.note())));
        }
        return at.build(() -> new CopiedForward(from, o.fromSession(), fromDate, sites, toConfirm, dropped));
    }

    private static List<UUID> uuids(List<String> texts, Pointer at) throws PlanFormatException {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(at.index(i).uuid(texts.get(i)));
        }
        return out;
    }

    private static Target target(Documents.Target o, Pointer at) throws PlanFormatException {
        UUID id = at.field("id").uuid(o.id());
        ImageRef image = imageRef(o.image(), at.field("image"));
        PixelPoint point = point(o.point(), at.field("point"));
        Double depthMm = at.field("depthMm").finite(o.depthMm());
        MeasuredCalibration calibration = calibration(o.calibration(), at.field("calibration"));
        // the depth is derived, never taken from the file: a stored one that disagrees is an integrity error
        Double derived = calibration.depthMm(point);
        if (depthMm == null ? derived != null
                : derived == null || !(Math.abs(depthMm - derived) <= Target.DEPTH_TOLERANCE_MM)) {
            throw at.field("depthMm").error("integrity error: the stored depth " + depthMm + " mm disagrees with "
                    + "the point and calibration, which give " + (derived == null ? "none" : derived + " mm"));
        }
        return at.build(() -> new Target(id, o.number(), o.label(), o.structureId(), o.side(), o.level(), image, point,
                derived, o.notes(), calibration));
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
            Double edge = p.field("imageEdgeX").finite(o.path().imageEdgeX());
            path = p.build(() -> new NeedlePath(entry, cal, edge));
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

    /**
     * A checklist item of a plan or (with {@code inSettings}) the clinic settings. Without {@code blocksSignOff}
     * (written before it existed) an item of a plan does not block, as it was asked, and one of the settings
     * takes the default for its id ({@link ChecklistItem#blocksByDefault}).
     */
    static ChecklistItem checklistItem(Documents.ChecklistItem o, Pointer at, boolean inSettings)
            throws PlanFormatException {
        Boolean blocks = o.blocksSignOff();
        return at.build(() -> blocks == null && inSettings ? ChecklistItem.withDefaultBlocking(o.id(), o.question())
                : new ChecklistItem(o.id(), o.question(), Boolean.TRUE.equals(blocks)));
    }

    private static Signature signature(Documents.Signature o, Pointer at) throws PlanFormatException {
        OffsetDateTime when = at.field("signedAt").time(o.signedAt());
        Seal seal = o.seal() == null ? null : seal(o.seal(), at.field("seal"));
        return at.build(() -> new Signature(o.signer(), when, o.contentSha256(), seal));
    }

    /** A seal; its settings are read as a clinic settings document of their own. */
    private static Seal seal(Documents.Seal o, Pointer at) throws PlanFormatException {
        Pointer settingsAt = at.field("settings");
        byte[] document = JsonDialect.document(o.settings());
        ClinicSettings settings = SettingsJson.read(document, settingsAt.source() + ": " + settingsAt);
        return at.build(() -> new Seal(o.keyId(), settings, new String(document, StandardCharsets.UTF_8),
                o.value()));
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

    private static ImageSides sides(Documents.Sides o, Pointer at) throws PlanFormatException {
        if (o == null) {
            return null;
        }
        Double midlineX = at.field("midlineX").finite(o.midlineX());
        return at.build(() -> new ImageSides(o.leftEdge(), midlineX, o.source(), o.by()));
    }

    private static Double scale(Double mmPerPixel, Pointer at) throws PlanFormatException {
        if (at.finite(mmPerPixel) != null && !(mmPerPixel > 0)) {
            throw at.error("must be a positive number of mm per pixel, found " + mmPerPixel);
        }
        return mmPerPixel;
    }

    /** The plan document as a Jackson tree, members in the documented order. */
    private static ObjectNode document(SessionPlan plan) {
        ObjectNode root = JsonDialect.object();
        root.put("format", PLAN_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("id", plan.id().toString());
        root.put("courseId", plan.courseId().toString());
        root.put("sessionNumber", plan.sessionNumber());
        root.put("date", plan.date().toString());
        root.put("author", plan.author());
        root.put("status", plan.status().name());
        root.put("patientWeightKg", finite(plan.patientWeightKg(), "patientWeightKg"));
        ArrayNode images = root.putArray("images");
        for (PlanImage i : plan.images()) {
            ObjectNode o = images.addObject();
            o.put("sopInstanceUid", i.sopInstanceUid());
            o.put("studyInstanceUid", i.studyInstanceUid());
            o.put("seriesInstanceUid", i.seriesInstanceUid());
            o.put("description", i.description());
            o.put("frames", i.frames());
            o.put("path", i.path());
            if (i.patient() != null) {
                ObjectNode p = o.putObject("patient");
                p.put("id", i.patient().id());
                p.put("name", i.patient().name());
                p.put("birthDate", i.patient().birthDate() == null ? null : i.patient().birthDate().toString());
            }
            if (i.studyDate() != null) {
                o.put("studyDate", i.studyDate().toString());
            }
            if (i.sides() != null) {
                ObjectNode sides = o.putObject("sides");
                sides.put("leftEdge", i.sides().leftEdge().name());
                sides.put("midlineX", finite(i.sides().midlineX(), "midlineX"));
                sides.put("source", i.sides().source().name());
                sides.put("by", i.sides().by());
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (Target t : plan.targets()) {
            ObjectNode o = targets.addObject();
            o.put("id", t.id().toString());
            o.put("number", t.number());
            o.put("label", t.label());
            o.put("structureId", t.structureId());
            o.put("side", t.side().name());
            o.put("level", t.level() == null ? null : t.level().name());
            o.set("image", imageRef(t.image()));
            o.set("point", point(t.point(), "point"));
            o.put("depthMm", finite(t.depthMm(), "depthMm"));
            o.put("notes", t.notes());
            o.set("calibration", calibration(t.calibration()));
        }
        ArrayNode zones = root.putArray("zones");
        for (NerveZone z : plan.zones()) {
            ObjectNode o = zones.addObject();
            o.put("id", z.id().toString());
            o.put("number", z.number());
            o.put("kind", z.kind().name());
            o.put("name", z.name());
            o.set("image", imageRef(z.image()));
            o.set("shape", shape(z.shape()));
            o.put("marginMm", finite(z.marginMm(), "marginMm"));
            o.set("calibration", calibration(z.calibration()));
        }
        ArrayNode injections = root.putArray("injections");
        for (Injection i : plan.injections()) {
            ObjectNode o = injections.addObject();
            o.put("id", i.id().toString());
            o.put("targetId", i.targetId().toString());
            o.put("locked", i.locked());
            o.put("approach", i.approach().name());
            o.set("needle", needle(i.needle()));
            o.set("solution", solution(i.solution()));
            o.put("volumeMl", finite(i.volumeMl(), "volumeMl"));
            if (i.path() == null) {
                o.putNull("path");
            } else {
                ObjectNode path = o.putObject("path");
                path.set("entry", point(i.path().entry(), "entry"));
                path.set("entryCalibration", calibration(i.path().entryCalibration()));
                if (i.path().offImage()) {
                    path.put("imageEdgeX", finite(i.path().imageEdgeX(), "imageEdgeX"));
                }
            }
            ObjectNode record = o.putObject("record");
            record.put("state", i.record().state().name());
            record.put("at", JsonDialect.time(i.record().at()));
            record.put("note", i.record().note());
        }
        ArrayNode checklist = root.putArray("checklist");
        for (ChecklistEntry e : plan.checklist()) {
            ObjectNode o = checklist.addObject();
            o.set("item", checklistItem(e.item(), false));
            o.put("answer", e.answer() == null ? null : e.answer().name());
            o.put("note", e.note());
        }
        ArrayNode overrides = root.putArray("overrides");
        for (FindingOverride f : plan.overrides()) {
            ObjectNode o = overrides.addObject();
            o.put("findingKey", f.findingKey());
            o.put("measured", finite(f.measured(), "measured"));
            o.put("reason", f.reason());
            o.put("author", f.author());
            o.put("at", JsonDialect.time(f.at()));
        }
        if (plan.signature() == null) {
            root.putNull("signature");
        } else {
            root.set("signature", signature(plan.signature()));
        }
        ArrayNode amendments = root.putArray("amendments");
        for (Amendment a : plan.amendments()) {
            ObjectNode o = amendments.addObject();
            o.put("reason", a.reason());
            o.put("author", a.author());
            o.put("at", JsonDialect.time(a.at()));
            o.set("amended", signature(a.amended()));
        }
        if (plan.outcomes() != null) {
            root.set("outcomes", outcomes(plan.outcomes()));
        }
        if (plan.copiedForward() != null) {
            root.set("copiedForward", copiedForward(plan.copiedForward()));
        }
        return root;
    }

    /** Outcomes as a plan file writes them (also what the CLI prints); {@code odiSections} only when entered. */
    public static ObjectNode outcomes(Outcomes x) {
        ObjectNode o = JsonDialect.object();
        o.put("nrsRest", x.nrsRest());
        o.put("nrsActivity", x.nrsActivity());
        o.put("odiPercent", finite(x.odiPercent(), "odiPercent"));
        if (x.odiSections() != null) {
            ArrayNode sections = o.putArray("odiSections");
            x.odiSections().forEach(sections::add);
        }
        o.put("rmdq", x.rmdq());
        o.put("pgic", x.pgic());
        o.put("notes", x.notes());
        o.put("recordedAt", JsonDialect.time(x.recordedAt()));
        return o;
    }

    /** Where a plan's sites came from, as written. */
    private static ObjectNode copiedForward(CopiedForward c) {
        ObjectNode o = JsonDialect.object();
        o.put("fromPlanId", c.fromPlanId().toString());
        o.put("fromSession", c.fromSession());
        o.put("fromDate", c.fromDate().toString());
        ArrayNode sites = o.putArray("sites");
        c.sites().forEach(id -> sites.add(id.toString()));
        ArrayNode toConfirm = o.putArray("toConfirm");
        c.toConfirm().forEach(id -> toConfirm.add(id.toString()));
        ArrayNode dropped = o.putArray("dropped");
        for (DroppedSite d : c.dropped()) {
            ObjectNode s = dropped.addObject();
            s.put("targetId", d.targetId().toString());
            s.put("number", d.number());
            s.put("label", d.label());
            s.put("reason", d.reason().name());
            s.put("note", d.note());
        }
        return o;
    }

    /** A needle as written. */
    static ObjectNode needle(Needle n) {
        ObjectNode o = JsonDialect.object();
        o.put("gauge", n.gauge());
        o.put("lengthMm", finite(n.lengthMm(), "lengthMm"));
        return o;
    }

    /** A solution as written. */
    static ObjectNode solution(Solution s) {
        ObjectNode o = JsonDialect.object();
        o.put("dextrosePercent", finite(s.dextrosePercent(), "dextrosePercent"));
        o.put("anaesthetic", s.anaesthetic());
        o.put("anaestheticPercent", finite(s.anaestheticPercent(), "anaestheticPercent"));
        return o;
    }

    /**
     * A checklist item as written: in the clinic settings ({@code inSettings}) always with {@code blocksSignOff};
     * in a plan only when it blocks, so that a plan written before the flag keeps its content hash.
     */
    static ObjectNode checklistItem(ChecklistItem item, boolean inSettings) {
        ObjectNode o = JsonDialect.object();
        o.put("id", item.id());
        o.put("question", item.question());
        if (inSettings || item.blocksSignOff()) {
            o.put("blocksSignOff", item.blocksSignOff());
        }
        return o;
    }

    private static ObjectNode signature(Signature s) {
        ObjectNode o = JsonDialect.object();
        o.put("signer", s.signer());
        o.put("signedAt", JsonDialect.time(s.signedAt()));
        o.put("contentSha256", s.contentSha256());
        if (s.seal() != null) {
            ObjectNode seal = o.putObject("seal");
            seal.put("keyId", s.seal().keyId());
            seal.set("settings", settingsTree(s.seal().settingsDocument()));
            seal.put("value", s.seal().value());
        }
        return o;
    }

    /**
     * The settings document of a seal as a tree, written back as the same document.
     *
     * @throws IllegalArgumentException if the seal's document is not JSON
     */
    private static JsonNode settingsTree(String document) {
        try {
            return JsonDialect.parse(JsonDialect.utf8(document), "the seal's clinic settings");
        } catch (PlanFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ObjectNode imageRef(ImageRef ref) {
        ObjectNode o = JsonDialect.object();
        o.put("sopInstanceUid", ref.sopInstanceUid());
        o.put("frame", ref.frame());
        return o;
    }

    private static ObjectNode point(PixelPoint p, String what) {
        ObjectNode o = JsonDialect.object();
        o.put("x", finite(p.x(), what + ".x"));
        o.put("y", finite(p.y(), what + ".y"));
        return o;
    }

    private static ObjectNode shape(ZoneShape shape) {
        ObjectNode o = JsonDialect.object();
        if (shape instanceof PolygonShape p) {
            o.put("type", "polygon");
            ArrayNode vertices = o.putArray("vertices");
            for (PixelPoint v : p.vertices()) {
                vertices.add(point(v, "vertex"));
            }
        } else {
            EllipseShape e = (EllipseShape) shape;
            o.put("type", "ellipse");
            o.set("centre", point(e.centre(), "centre"));
            o.put("radiusX", finite(e.radiusX(), "radiusX"));
            o.put("radiusY", finite(e.radiusY(), "radiusY"));
            o.put("angleDeg", finite(e.angleDeg(), "angleDeg"));
        }
        return o;
    }

    private static ObjectNode calibration(MeasuredCalibration c) {
        ObjectNode o = JsonDialect.object();
        o.put("source", c.source() == null ? null : c.source().name());
        o.put("mmPerPixelX", finite(c.mmPerPixelX(), "mmPerPixelX"));
        o.put("mmPerPixelY", finite(c.mmPerPixelY(), "mmPerPixelY"));
        o.put("regionIndex", c.regionIndex());
        o.put("skinLineY", finite(c.skinLineY(), "skinLineY"));
        return o;
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
