package org.injectionplanner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * The plan file format (docs/plan-format.md): a {@link SessionPlan} or {@link ClinicSettings} as a
 * UTF-8 JSON document. Every field of the model is written, nullable ones as {@code null}; UUIDs in
 * canonical lower-case form, dates as ISO-8601 ({@code 2026-11-26}), enums by constant name, zone shapes
 * with a {@code "type"} of {@code "polygon"} or {@code "ellipse"}. Pixel coordinates keep docs/design.md §3's
 * convention (origin at the top-left corner of the top-left pixel, x right, y down); numbers are written
 * in Java's shortest round-trip form, so that {@code read(write(plan))} equals {@code plan} exactly.
 *
 * <p>Reading is strict: missing or unknown fields, wrong types, non-canonical UUIDs, other format names
 * or versions are refused with a {@link PlanFormatException} that names the file and the JSON path
 * ({@code $.targets[2].point.x}). Thread-safe.
 */
public final class PlanJson {

    /** The {@code "format"} of a session plan document. */
    public static final String PLAN_FORMAT = "injection-planner/session-plan";

    /** The {@code "format"} of a clinic settings document. */
    public static final String SETTINGS_FORMAT = "injection-planner/clinic-settings";

    /** The {@code "formatVersion"} this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Files larger than this are refused before they are read, bytes. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private PlanJson() {
    }

    /**
     * The plan as an indented UTF-8 JSON document ending in a line feed.
     *
     * @throws IllegalArgumentException if the plan holds a number JSON cannot carry (NaN, ±∞)
     */
    public static byte[] write(SessionPlan plan) {
        return withLineEnd(Json.pretty(toTree(plan)));
    }

    /**
     * Reads a plan document.
     *
     * @param json UTF-8 JSON
     * @param source the file or label named in error messages
     * @throws PlanFormatException if it is not a valid plan document
     */
    public static SessionPlan read(byte[] json, String source) throws PlanFormatException {
        return fromTree(Json.parse(json, source), "$", source);
    }

    /**
     * Reads a plan file.
     *
     * @throws PlanFormatException if it is not a valid plan document
     * @throws StoreException if it cannot be read
     */
    public static SessionPlan read(Path file) throws StoreException {
        return read(readFile(file), file.toString());
    }

    /**
     * The SHA-256 (64 lower-case hex digits) of what a signature covers: the plan's planned content
     * ({@link SessionPlan#plannedContent()}) written as a plan document.
     */
    public static String plannedContentSha256(SessionPlan plan) {
        return Json.sha256(write(plan.plannedContent()));
    }

    /** The settings as an indented UTF-8 JSON document ending in a line feed. */
    public static byte[] writeSettings(ClinicSettings settings) {
        ObjectNode root = Json.object();
        root.put("format", SETTINGS_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("defaultMarginMm", finite(settings.defaultMarginMm(), "defaultMarginMm"));
        ArrayNode structures = root.putArray("catalogue");
        for (Structure s : settings.catalogue().structures()) {
            ObjectNode o = structures.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            o.put("kind", s.kind() == null ? null : s.kind().name());
            o.put("hackettCode", s.hackettCode());
            o.put("snomedCode", s.snomedCode());
            o.put("laterality", s.laterality().name());
            o.put("levelled", s.levelled());
            ArrayNode levels = o.putArray("levels");
            s.levels().forEach(l -> levels.add(l.label()));
            o.put("userAdded", s.userAdded());
        }
        ArrayNode presets = root.putArray("presets");
        for (ProtocolPreset p : settings.presets()) {
            ObjectNode o = presets.addObject();
            o.put("name", p.name());
            o.set("solution", solution(p.solution()));
            o.put("volumeMl", finite(p.volumeMl(), "volumeMl"));
            o.set("needle", needle(p.needle()));
            o.put("approach", p.approach().name());
        }
        ArrayNode checklist = root.putArray("checklist");
        for (ChecklistItem item : settings.checklist()) {
            checklist.add(checklistItem(item));
        }
        SafetyLimits l = settings.limits();
        ObjectNode limits = root.putObject("limits");
        limits.put("needleReserveMm", finite(l.needleReserveMm(), "needleReserveMm"));
        limits.put("maxInsertionAngleDeg", finite(l.maxInsertionAngleDeg(), "maxInsertionAngleDeg"));
        limits.put("midlineNoGoDepthMm", finite(l.midlineNoGoDepthMm(), "midlineNoGoDepthMm"));
        limits.put("maxSiteVolumeMl", finite(l.maxSiteVolumeMl(), "maxSiteVolumeMl"));
        limits.put("maxSessionVolumeMl", finite(l.maxSessionVolumeMl(), "maxSessionVolumeMl"));
        limits.put("maxAnaestheticMg", finite(l.maxAnaestheticMg(), "maxAnaestheticMg"));
        limits.put("maxAnaestheticMgPerKg", finite(l.maxAnaestheticMgPerKg(), "maxAnaestheticMgPerKg"));
        limits.put("minIntervalDays", l.minIntervalDays());
        return withLineEnd(Json.pretty(root));
    }

    /**
     * Reads a settings document.
     *
     * @param source the file or label named in error messages
     * @throws PlanFormatException if it is not a valid settings document
     */
    public static ClinicSettings readSettings(byte[] json, String source) throws PlanFormatException {
        JsonIn root = JsonIn.object(Json.parse(json, source), "$", source);
        root.requireFormat(SETTINGS_FORMAT, FORMAT_VERSION);
        root.allowOnly("format", "formatVersion", "defaultMarginMm", "catalogue", "presets", "checklist", "limits");
        double margin = root.number("defaultMarginMm");
        List<Structure> structures = new ArrayList<>();
        StructureCatalogue builtIns = StructureCatalogue.defaults();
        for (JsonIn o : root.objects("catalogue")) {
            o.allowOnly("id", "name", "kind", "hackettCode", "snomedCode", "laterality", "midline", "levelled",
                    "levels", "userAdded");
            String id = o.text("id");
            String name = o.text("name");
            StructureKind kind = o.optionalConstant("kind", StructureKind.class);
            String hackett = o.optionalText("hackettCode");
            String snomed = o.optionalText("snomedCode");
            boolean levelled = o.bool("levelled");
            boolean userAdded = o.bool("userAdded");
            Optional<Structure> builtIn = userAdded ? Optional.empty() : builtIns.find(id);
            Laterality laterality;
            if (o.optional("laterality") != null) {
                laterality = o.constant("laterality", Laterality.class);
            } else if (builtIn.isPresent()) {
                // written before structures had a laterality: a built-in one gets its own,
                laterality = builtIn.get().laterality();
            } else {
                // a clinic's own one what its midline flag said
                laterality = o.bool("midline") ? Laterality.MIDLINE : Laterality.PAIRED;
            }
            List<SpinalLevel> levels = new ArrayList<>();
            if (o.optional("levels") != null) {
                for (String label : o.texts("levels")) {
                    levels.add(o.build(() -> Optional.ofNullable(SpinalLevel.parse(label)).orElseThrow(
                            () -> new IllegalArgumentException("levels: '" + label + "' is not a spinal level"))));
                }
            } else {
                // written before structures listed their levels: the built-in ones get theirs, a clinic's own
                // structure that needs a level any level
                levels.addAll(builtIn.map(Structure::levels).orElse(levelled ? Structure.ANY_LEVEL : List.of()));
            }
            structures.add(o.build(() -> new Structure(id, name, kind, hackett, snomed, laterality, levelled, levels,
                    userAdded)));
        }
        StructureCatalogue catalogue = root.build(() -> new StructureCatalogue(structures));
        List<ProtocolPreset> presets = new ArrayList<>();
        for (JsonIn o : root.objects("presets")) {
            o.allowOnly("name", "solution", "volumeMl", "needle", "approach");
            String name = o.text("name");
            Solution solution = solutionOf(o.object("solution"));
            double volume = o.number("volumeMl");
            Needle needle = needleOf(o.object("needle"));
            Approach approach = o.constant("approach", Approach.class);
            presets.add(o.build(() -> new ProtocolPreset(name, solution, volume, needle, approach)));
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (JsonIn o : root.objects("checklist")) {
            checklist.add(checklistItemOf(o));
        }
        JsonIn l = root.object("limits");
        l.allowOnly("needleReserveMm", "maxInsertionAngleDeg", "midlineNoGoDepthMm", "maxSiteVolumeMl",
                "maxSessionVolumeMl", "maxAnaestheticMg", "maxAnaestheticMgPerKg", "minIntervalDays");
        double reserve = l.number("needleReserveMm");
        double angle = l.number("maxInsertionAngleDeg");
        double noGo = l.number("midlineNoGoDepthMm");
        double siteVolume = l.number("maxSiteVolumeMl");
        double sessionVolume = l.number("maxSessionVolumeMl");
        double mg = l.number("maxAnaestheticMg");
        double mgPerKg = l.number("maxAnaestheticMgPerKg");
        int days = l.integer("minIntervalDays");
        SafetyLimits limits = l.build(() -> new SafetyLimits(reserve, angle, noGo, siteVolume, sessionVolume, mg,
                mgPerKg, days));
        return root.build(() -> new ClinicSettings(catalogue, margin, presets, checklist, limits));
    }

    /** The plan as a JSON tree (the document {@link #write} prints). */
    static ObjectNode toTree(SessionPlan plan) {
        ObjectNode root = Json.object();
        root.put("format", PLAN_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("id", plan.id().toString());
        root.put("courseId", plan.courseId().toString());
        root.put("sessionNumber", plan.sessionNumber());
        root.put("date", plan.date().toString());
        root.put("author", plan.author());
        root.put("status", plan.status().name());
        root.put("patientWeightKg", plan.patientWeightKg() == null ? null
                : finite(plan.patientWeightKg(), "patientWeightKg"));
        ArrayNode images = root.putArray("images");
        for (PlanImage i : plan.images()) {
            ObjectNode o = images.addObject();
            o.put("sopInstanceUid", i.sopInstanceUid());
            o.put("studyInstanceUid", i.studyInstanceUid());
            o.put("seriesInstanceUid", i.seriesInstanceUid());
            o.put("description", i.description());
            o.put("frames", i.frames());
            o.put("path", i.path());
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
            o.set("image", image(t.image()));
            o.set("point", point(t.point(), "point"));
            o.put("depthMm", t.depthMm() == null ? null : finite(t.depthMm(), "depthMm"));
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
            o.set("image", image(z.image()));
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
            }
            ObjectNode record = o.putObject("record");
            record.put("state", i.record().state().name());
            record.put("at", time(i.record().at()));
            record.put("note", i.record().note());
        }
        ArrayNode checklist = root.putArray("checklist");
        for (ChecklistEntry e : plan.checklist()) {
            ObjectNode o = checklist.addObject();
            o.set("item", checklistItem(e.item()));
            o.put("answer", e.answer() == null ? null : e.answer().name());
            o.put("note", e.note());
        }
        ArrayNode overrides = root.putArray("overrides");
        for (FindingOverride f : plan.overrides()) {
            ObjectNode o = overrides.addObject();
            o.put("findingKey", f.findingKey());
            o.put("measured", f.measured() == null ? null : finite(f.measured(), "measured"));
            o.put("reason", f.reason());
            o.put("author", f.author());
            o.put("at", time(f.at()));
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
            o.put("at", time(a.at()));
            o.set("amended", signature(a.amended()));
        }
        return root;
    }

    /**
     * Reads a plan from a JSON tree.
     *
     * @param path the JSON path of {@code value} in its document, e.g. {@code $.plan}
     * @param source the file or label named in error messages
     */
    static SessionPlan fromTree(JsonNode value, String path, String source) throws PlanFormatException {
        JsonIn root = JsonIn.object(value, path, source);
        root.requireFormat(PLAN_FORMAT, FORMAT_VERSION);
        root.allowOnly("format", "formatVersion", "id", "courseId", "sessionNumber", "date", "author", "status",
                "patientWeightKg", "images", "targets", "zones", "injections", "checklist", "overrides", "signature",
                "amendments");
        UUID id = root.uuid("id");
        UUID courseId = root.uuid("courseId");
        int session = root.integer("sessionNumber");
        LocalDate date = root.date("date");
        String author = root.text("author");
        PlanStatus status = root.constant("status", PlanStatus.class);
        Double weight = root.optionalNumber("patientWeightKg");
        List<PlanImage> images = new ArrayList<>();
        for (JsonIn o : root.objects("images")) {
            o.allowOnly("sopInstanceUid", "studyInstanceUid", "seriesInstanceUid", "description", "frames", "path");
            String sop = o.text("sopInstanceUid");
            String study = o.optionalText("studyInstanceUid");
            String series = o.optionalText("seriesInstanceUid");
            String description = o.optionalText("description");
            int frames = o.integer("frames");
            String file = o.optionalText("path");
            images.add(o.build(() -> new PlanImage(sop, study, series, description, frames, file)));
        }
        List<Target> targets = new ArrayList<>();
        for (JsonIn o : root.objects("targets")) {
            targets.add(target(o));
        }
        List<NerveZone> zones = new ArrayList<>();
        for (JsonIn o : root.objects("zones")) {
            zones.add(zone(o));
        }
        List<Injection> injections = new ArrayList<>();
        for (JsonIn o : root.objects("injections")) {
            injections.add(injection(o));
        }
        List<ChecklistEntry> checklist = new ArrayList<>();
        for (JsonIn o : root.objects("checklist")) {
            o.allowOnly("item", "answer", "note");
            ChecklistItem item = checklistItemOf(o.object("item"));
            ChecklistAnswer answer = o.optionalConstant("answer", ChecklistAnswer.class);
            String note = o.text("note");
            checklist.add(o.build(() -> new ChecklistEntry(item, answer, note)));
        }
        List<FindingOverride> overrides = new ArrayList<>();
        for (JsonIn o : root.objects("overrides")) {
            o.allowOnly("findingKey", "measured", "reason", "author", "at");
            String key = o.text("findingKey");
            Double measured = o.optionalNumber("measured");
            String reason = o.text("reason");
            String by = o.text("author");
            OffsetDateTime at = o.dateTime("at");
            overrides.add(o.build(() -> new FindingOverride(key, measured, reason, by, at)));
        }
        Signature signature = root.optional("signature") == null ? null : signatureOf(root.object("signature"));
        List<Amendment> amendments = new ArrayList<>();
        for (JsonIn o : root.objects("amendments")) {
            o.allowOnly("reason", "author", "at", "amended");
            String reason = o.text("reason");
            String by = o.text("author");
            OffsetDateTime at = o.dateTime("at");
            Signature amended = signatureOf(o.object("amended"));
            amendments.add(o.build(() -> new Amendment(reason, by, at, amended)));
        }
        return root.build(() -> new SessionPlan(id, courseId, session, date, author, status, weight, images, targets,
                zones, injections, checklist, overrides, signature, amendments));
    }

    private static Target target(JsonIn o) throws PlanFormatException {
        o.allowOnly("id", "number", "label", "structureId", "side", "level", "image", "point", "depthMm", "notes",
                "calibration");
        UUID id = o.uuid("id");
        int number = o.integer("number");
        String label = o.text("label");
        String structureId = o.optionalText("structureId");
        Side side = o.constant("side", Side.class);
        SpinalLevel level = o.optionalConstant("level", SpinalLevel.class);
        ImageRef image = imageRef(o.object("image"));
        PixelPoint point = pointOf(o.object("point"));
        Double depthMm = o.optionalNumber("depthMm");
        String notes = o.text("notes");
        MeasuredCalibration calibration = calibrationOf(o.object("calibration"));
        return o.build(() -> new Target(id, number, label, structureId, side, level, image, point, depthMm, notes,
                calibration));
    }

    private static NerveZone zone(JsonIn o) throws PlanFormatException {
        o.allowOnly("id", "number", "kind", "name", "image", "shape", "marginMm", "calibration");
        UUID id = o.uuid("id");
        int number = o.integer("number");
        ZoneKind kind = o.constant("kind", ZoneKind.class);
        String name = o.text("name");
        ImageRef image = imageRef(o.object("image"));
        ZoneShape shape = shapeOf(o.object("shape"));
        double marginMm = o.number("marginMm");
        MeasuredCalibration calibration = calibrationOf(o.object("calibration"));
        return o.build(() -> new NerveZone(id, number, kind, name, image, shape, marginMm, calibration));
    }

    private static Injection injection(JsonIn o) throws PlanFormatException {
        o.allowOnly("id", "targetId", "locked", "approach", "needle", "solution", "volumeMl", "path", "record");
        UUID id = o.uuid("id");
        UUID targetId = o.uuid("targetId");
        boolean locked = o.bool("locked");
        Approach approach = o.constant("approach", Approach.class);
        Needle needle = needleOf(o.object("needle"));
        Solution solution = solutionOf(o.object("solution"));
        double volume = o.number("volumeMl");
        NeedlePath path = null;
        if (o.optional("path") != null) {
            JsonIn p = o.object("path");
            p.allowOnly("entry", "entryCalibration");
            PixelPoint entry = pointOf(p.object("entry"));
            MeasuredCalibration cal = calibrationOf(p.object("entryCalibration"));
            path = p.build(() -> new NeedlePath(entry, cal));
        }
        JsonIn r = o.object("record");
        r.allowOnly("state", "at", "note");
        InjectionState state = r.constant("state", InjectionState.class);
        OffsetDateTime at = r.optional("at") == null ? null : r.dateTime("at");
        String note = r.text("note");
        ProcedureRecord record = r.build(() -> new ProcedureRecord(state, at, note));
        NeedlePath planned = path;
        return o.build(() -> new Injection(id, targetId, locked, approach, needle, solution, volume, planned, record));
    }

    private static Needle needleOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("gauge", "lengthMm");
        int gauge = o.integer("gauge");
        Double length = o.optionalNumber("lengthMm");
        return o.build(() -> new Needle(gauge, length));
    }

    private static Solution solutionOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("dextrosePercent", "anaesthetic", "anaestheticPercent");
        Double dextrose = o.optionalNumber("dextrosePercent");
        String anaesthetic = o.optionalText("anaesthetic");
        Double percent = o.optionalNumber("anaestheticPercent");
        return o.build(() -> new Solution(dextrose, anaesthetic, percent));
    }

    private static ChecklistItem checklistItemOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("id", "question");
        String id = o.text("id");
        String question = o.text("question");
        return o.build(() -> new ChecklistItem(id, question));
    }

    private static Signature signatureOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("signer", "signedAt", "contentSha256");
        String signer = o.text("signer");
        OffsetDateTime at = o.dateTime("signedAt");
        String sha = o.text("contentSha256");
        return o.build(() -> new Signature(signer, at, sha));
    }

    private static ObjectNode needle(Needle n) {
        ObjectNode o = Json.object();
        o.put("gauge", n.gauge());
        o.put("lengthMm", n.lengthMm() == null ? null : finite(n.lengthMm(), "lengthMm"));
        return o;
    }

    private static ObjectNode solution(Solution s) {
        ObjectNode o = Json.object();
        o.put("dextrosePercent", s.dextrosePercent() == null ? null : finite(s.dextrosePercent(), "dextrosePercent"));
        o.put("anaesthetic", s.anaesthetic());
        o.put("anaestheticPercent", s.anaestheticPercent() == null ? null
                : finite(s.anaestheticPercent(), "anaestheticPercent"));
        return o;
    }

    private static ObjectNode checklistItem(ChecklistItem item) {
        ObjectNode o = Json.object();
        o.put("id", item.id());
        o.put("question", item.question());
        return o;
    }

    private static ObjectNode signature(Signature sig) {
        ObjectNode o = Json.object();
        o.put("signer", sig.signer());
        o.put("signedAt", time(sig.signedAt()));
        o.put("contentSha256", sig.contentSha256());
        return o;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static ImageRef imageRef(JsonIn o) throws PlanFormatException {
        o.allowOnly("sopInstanceUid", "frame");
        String sop = o.text("sopInstanceUid");
        int frame = o.integer("frame");
        return o.build(() -> new ImageRef(sop, frame));
    }

    private static PixelPoint pointOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("x", "y");
        return new PixelPoint(o.number("x"), o.number("y"));
    }

    private static ZoneShape shapeOf(JsonIn o) throws PlanFormatException {
        String type = o.text("type");
        switch (type) {
            case "polygon" -> {
                o.allowOnly("type", "vertices");
                List<PixelPoint> vertices = new ArrayList<>();
                for (JsonIn v : o.objects("vertices")) {
                    vertices.add(pointOf(v));
                }
                return o.build(() -> new PolygonShape(vertices));
            }
            case "ellipse" -> {
                o.allowOnly("type", "centre", "radiusX", "radiusY", "angleDeg");
                PixelPoint centre = pointOf(o.object("centre"));
                double rx = o.number("radiusX");
                double ry = o.number("radiusY");
                double angle = o.number("angleDeg");
                return o.build(() -> new EllipseShape(centre, rx, ry, angle));
            }
            default -> throw o.error("type", "expected \"polygon\" or \"ellipse\", found \"" + type + "\"");
        }
    }

    private static MeasuredCalibration calibrationOf(JsonIn o) throws PlanFormatException {
        o.allowOnly("source", "mmPerPixelX", "mmPerPixelY", "regionIndex", "skinLineY");
        MeasuredCalibration.Source source = o.constant("source", MeasuredCalibration.Source.class);
        Double x = o.optionalNumber("mmPerPixelX");
        Double y = o.optionalNumber("mmPerPixelY");
        Integer region = o.optionalInteger("regionIndex");
        Double skin = o.optionalNumber("skinLineY");
        return o.build(() -> new MeasuredCalibration(source, x, y, region, skin));
    }

    private static ObjectNode image(ImageRef ref) {
        ObjectNode o = Json.object();
        o.put("sopInstanceUid", ref.sopInstanceUid());
        o.put("frame", ref.frame());
        return o;
    }

    private static ObjectNode point(PixelPoint p, String what) {
        ObjectNode o = Json.object();
        o.put("x", finite(p.x(), what + ".x"));
        o.put("y", finite(p.y(), what + ".y"));
        return o;
    }

    private static ObjectNode shape(ZoneShape shape) {
        ObjectNode o = Json.object();
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
        ObjectNode o = Json.object();
        o.put("source", c.source() == null ? null : c.source().name());
        o.put("mmPerPixelX", c.mmPerPixelX() == null ? null : finite(c.mmPerPixelX(), "mmPerPixelX"));
        o.put("mmPerPixelY", c.mmPerPixelY() == null ? null : finite(c.mmPerPixelY(), "mmPerPixelY"));
        o.put("regionIndex", c.regionIndex());
        o.put("skinLineY", c.skinLineY() == null ? null : finite(c.skinLineY(), "skinLineY"));
        return o;
    }

    private static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + what + " = " + value
                    + ": JSON has no NaN or infinity");
        }
        return value;
    }

    /** The JSON text with a final line feed. */
    static byte[] withLineEnd(byte[] json) {
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    /**
     * The bytes of a store file, refusing files over {@link #MAX_FILE_BYTES}.
     *
     * @throws StoreException if it is missing, too large or unreadable
     */
    static byte[] readFile(Path file) throws StoreException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PlanFormatException(file + ": larger than " + (MAX_FILE_BYTES >> 20)
                        + " MiB; not a plan store file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException(file + ": no such file", e);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
