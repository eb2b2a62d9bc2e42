package org.injectionplanner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.CourseDefaults;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.OrderWeights;
import org.injectionplanner.plan.PercentRange;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;

/**
 * The clinic settings document (docs/plan-format.md §5): {@link ClinicSettings} as UTF-8 JSON, bound to
 * {@link Documents} records to read and written as a Jackson tree, in the dialect and with the errors of
 * {@link PlanJson}.
 * Files written before structures had a {@code laterality} or {@code levels} read with the meaning they
 * had; files without {@code orderWeights} read with the default weights; files written before the drug
 * table get {@link DrugTable#defaults()}, with their plain lidocaine limits ({@code maxAnaestheticMg},
 * {@code maxAnaestheticMgPerKg}) kept; files without {@code aftercareText} read with none. Thread-safe.
 */
public final class SettingsJson {

    /** The {@code "format"} of a clinic settings document. */
    public static final String SETTINGS_FORMAT = "injection-planner/clinic-settings";

    private SettingsJson() {
    }

    /**
     * The settings as an indented UTF-8 JSON document ending in a line feed.
     *
     * @throws IllegalArgumentException if they hold a number JSON cannot carry (NaN, ±∞)
     */
    public static byte[] write(ClinicSettings settings) {
        ObjectNode root = JsonDialect.object();
        root.put("format", SETTINGS_FORMAT);
        root.put("formatVersion", PlanJson.FORMAT_VERSION);
        root.put("defaultMarginMm", PlanJson.finite(settings.defaultMarginMm(), "defaultMarginMm"));
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
            o.set("solution", PlanJson.solution(p.solution()));
            o.put("volumeMl", PlanJson.finite(p.volumeMl(), "volumeMl"));
            o.set("needle", PlanJson.needle(p.needle()));
            o.put("approach", p.approach().name());
        }
        ArrayNode checklist = root.putArray("checklist");
        settings.checklist().forEach(item -> checklist.add(PlanJson.checklistItem(item, true)));
        SafetyLimits l = settings.limits();
        ObjectNode limits = root.putObject("limits");
        limits.put("needleReserveMm", PlanJson.finite(l.needleReserveMm(), "needleReserveMm"));
        limits.put("maxInsertionAngleDeg", PlanJson.finite(l.maxInsertionAngleDeg(), "maxInsertionAngleDeg"));
        limits.put("midlineNoGoDepthMm", PlanJson.finite(l.midlineNoGoDepthMm(), "midlineNoGoDepthMm"));
        limits.put("maxSiteVolumeMl", PlanJson.finite(l.maxSiteVolumeMl(), "maxSiteVolumeMl"));
        limits.put("maxSessionVolumeMl", PlanJson.finite(l.maxSessionVolumeMl(), "maxSessionVolumeMl"));
        limits.put("minIntervalDays", l.minIntervalDays());
        limits.put("maxEntryBelowSkinMm", PlanJson.finite(l.maxEntryBelowSkinMm(), "maxEntryBelowSkinMm"));
        OrderWeights w = settings.orderWeights();
        ObjectNode weights = root.putObject("orderWeights");
        weights.put("levelWeight", PlanJson.finite(w.levelWeight(), "levelWeight"));
        weights.put("sideWeight", PlanJson.finite(w.sideWeight(), "sideWeight"));
        weights.put("imageChangeWeight", PlanJson.finite(w.imageChangeWeight(), "imageChangeWeight"));
        weights.put("orientationWeight", PlanJson.finite(w.orientationWeight(), "orientationWeight"));
        weights.put("reversalWeight", PlanJson.finite(w.reversalWeight(), "reversalWeight"));
        ObjectNode drugs = root.putObject("drugs");
        ArrayNode anaesthetics = drugs.putArray("anaesthetics");
        for (Anaesthetic a : settings.drugs().anaesthetics()) {
            ObjectNode o = anaesthetics.addObject();
            o.put("name", a.name());
            ArrayNode synonyms = o.putArray("synonyms");
            a.synonyms().forEach(synonyms::add);
            o.set("plain", doseLimit(a.plain()));
            o.set("withVasoconstrictor", doseLimit(a.withVasoconstrictor()));
            o.set("concentration", range(a.concentration()));
        }
        drugs.set("dextrose", range(settings.drugs().dextrose()));
        ObjectNode scale = root.putObject("plausibleMmPerPixel");
        scale.put("min", PlanJson.finite(settings.plausibleScale().minMmPerPixel(), "min"));
        scale.put("max", PlanJson.finite(settings.plausibleScale().maxMmPerPixel(), "max"));
        ObjectNode course = root.putObject("course");
        course.put("plannedSessions", settings.course().plannedSessions());
        course.put("maxIntervalDays", settings.course().maxIntervalDays());
        root.put("aftercareText", settings.aftercareText());
        return JsonDialect.document(root);
    }

    /**
     * Reads a settings document.
     *
     * @param source the file or label named in error messages
     * @throws PlanFormatException if it is not a valid settings document
     */
    public static ClinicSettings read(byte[] json, String source) throws PlanFormatException {
        Pointer at = Pointer.root(source);
        JsonNode tree = JsonDialect.parse(json, source);
        JsonDialect.requireFormat(tree, at, SETTINGS_FORMAT, PlanJson.FORMAT_VERSION);
        Documents.Settings d = JsonDialect.bind(tree, Documents.Settings.class, at);
        List<Structure> structures = new ArrayList<>();
        StructureCatalogue builtIns = StructureCatalogue.defaults();
        for (int i = 0; i < d.catalogue().size(); i++) {
            structures.add(structure(d.catalogue().get(i), at.field("catalogue").index(i), builtIns));
        }
        StructureCatalogue catalogue = at.field("catalogue").build(() -> new StructureCatalogue(structures));
        List<ProtocolPreset> presets = new ArrayList<>();
        for (int i = 0; i < d.presets().size(); i++) {
            Documents.Preset o = d.presets().get(i);
            Pointer p = at.field("presets").index(i);
            Solution solution = PlanJson.solution(o.solution(), p.field("solution"));
            double volume = p.field("volumeMl").finite(o.volumeMl());
            Needle needle = PlanJson.needle(o.needle(), p.field("needle"));
            presets.add(p.build(() -> new ProtocolPreset(o.name(), solution, volume, needle, o.approach())));
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (int i = 0; i < d.checklist().size(); i++) {
            checklist.add(PlanJson.checklistItem(d.checklist().get(i), at.field("checklist").index(i), true));
        }
        Documents.Limits l = d.limits();
        Pointer p = at.field("limits");
        double reserve = p.field("needleReserveMm").finite(l.needleReserveMm());
        double angle = p.field("maxInsertionAngleDeg").finite(l.maxInsertionAngleDeg());
        double noGo = p.field("midlineNoGoDepthMm").finite(l.midlineNoGoDepthMm());
        double siteVolume = p.field("maxSiteVolumeMl").finite(l.maxSiteVolumeMl());
        double sessionVolume = p.field("maxSessionVolumeMl").finite(l.maxSessionVolumeMl());
        // settings written before the entry tolerance existed take its default
        Double entry = p.field("maxEntryBelowSkinMm").finite(l.maxEntryBelowSkinMm());
        double entryBelowSkin = entry == null ? SafetyLimits.DEFAULT_MAX_ENTRY_BELOW_SKIN_MM : entry;
        SafetyLimits limits = p.build(() -> new SafetyLimits(reserve, angle, noGo, siteVolume, sessionVolume,
                l.minIntervalDays(), entryBelowSkin));
        DrugTable drugs = d.drugs() == null ? drugsBefore(l, p) : drugs(d.drugs(), l, at.field("drugs"), p);
        double margin = at.field("defaultMarginMm").finite(d.defaultMarginMm());
        OrderWeights weights = orderWeights(d.orderWeights(), at.field("orderWeights"));
        PlausibleScale scale = plausibleScale(d.plausibleMmPerPixel(), at.field("plausibleMmPerPixel"));
        // settings written before course defaults existed take the defaults
        Documents.CourseDefaults c = d.course();
        CourseDefaults course = c == null ? CourseDefaults.defaults()
                : at.field("course").build(() -> new CourseDefaults(c.plannedSessions(), c.maxIntervalDays()));
        return at.build(() -> new ClinicSettings(catalogue, margin, presets, checklist, limits, weights, drugs,
                scale, course, d.aftercareText()));
    }

    /** The plausible mm per pixel, or the default for a file written before it was a setting. */
    private static PlausibleScale plausibleScale(Documents.PlausibleScale o, Pointer at) throws PlanFormatException {
        if (o == null) {
            return PlausibleScale.DEFAULT;
        }
        double min = at.field("min").finite(o.min());
        double max = at.field("max").finite(o.max());
        return at.build(() -> new PlausibleScale(min, max));
    }

    /** The order weights, or the defaults for a file written before they were settings. */
    private static OrderWeights orderWeights(Documents.OrderWeights o, Pointer at) throws PlanFormatException {
        if (o == null) {
            return OrderWeights.defaults();
        }
        double level = at.field("levelWeight").finite(o.levelWeight());
        double side = at.field("sideWeight").finite(o.sideWeight());
        double imageChange = at.field("imageChangeWeight").finite(o.imageChangeWeight());
        double orientation = at.field("orientationWeight").finite(o.orientationWeight());
        double reversal = at.field("reversalWeight").finite(o.reversalWeight());
        return at.build(() -> new OrderWeights(level, side, imageChange, orientation, reversal));
    }

    private static ObjectNode doseLimit(Anaesthetic.DoseLimit limit) {
        ObjectNode o = JsonDialect.object();
        o.put("mgPerKg", PlanJson.finite(limit.mgPerKg(), "mgPerKg"));
        o.put("maxMg", PlanJson.finite(limit.maxMg(), "maxMg"));
        return o;
    }

    private static ObjectNode range(PercentRange range) {
        ObjectNode o = JsonDialect.object();
        o.put("minPercent", PlanJson.finite(range.minPercent(), "minPercent"));
        o.put("maxPercent", PlanJson.finite(range.maxPercent(), "maxPercent"));
        return o;
    }

    private static DrugTable drugs(Documents.Drugs o, Documents.Limits limits, Pointer at, Pointer limitsAt)
            throws PlanFormatException {
        if (limits.maxAnaestheticMg() != null || limits.maxAnaestheticMgPerKg() != null) {
            throw limitsAt.field(limits.maxAnaestheticMg() != null ? "maxAnaestheticMg" : "maxAnaestheticMgPerKg")
                    .error("replaced by the drug table /drugs: set the lidocaine limit there");
        }
        List<Anaesthetic> anaesthetics = new ArrayList<>();
        for (int i = 0; i < o.anaesthetics().size(); i++) {
            Documents.Anaesthetic a = o.anaesthetics().get(i);
            Pointer p = at.field("anaesthetics").index(i);
            Anaesthetic.DoseLimit plain = doseLimit(a.plain(), p.field("plain"));
            Anaesthetic.DoseLimit vaso = doseLimit(a.withVasoconstrictor(), p.field("withVasoconstrictor"));
            PercentRange concentration = range(a.concentration(), p.field("concentration"));
            anaesthetics.add(p.build(() -> new Anaesthetic(a.name(), a.synonyms(), plain, vaso, concentration)));
        }
        PercentRange dextrose = range(o.dextrose(), at.field("dextrose"));
        return at.build(() -> new DrugTable(anaesthetics, dextrose));
    }

    /**
     * The drug table of a file written before it: the defaults, with the file's plain lidocaine limits
     * (what {@code maxAnaestheticMg} and {@code maxAnaestheticMgPerKg} meant) where it has them.
     */
    private static DrugTable drugsBefore(Documents.Limits l, Pointer limitsAt) throws PlanFormatException {
        DrugTable defaults = DrugTable.defaults();
        Double mg = limitsAt.field("maxAnaestheticMg").finite(l.maxAnaestheticMg());
        Double mgPerKg = limitsAt.field("maxAnaestheticMgPerKg").finite(l.maxAnaestheticMgPerKg());
        if (mg == null && mgPerKg == null) {
            return defaults;
        }
        List<Anaesthetic> anaesthetics = new ArrayList<>();
        for (Anaesthetic a : defaults.anaesthetics()) {
            if (a.name().equals("lidocaine")) {
                Anaesthetic.DoseLimit plain = limitsAt.build(() -> new Anaesthetic.DoseLimit(
                        mgPerKg == null ? a.plain().mgPerKg() : mgPerKg, mg == null ? a.plain().maxMg() : mg));
                anaesthetics.add(new Anaesthetic(a.name(), a.synonyms(), plain, a.withVasoconstrictor(),
                        a.concentration()));
            } else {
                anaesthetics.add(a);
            }
        }
        return defaults.withAnaesthetics(anaesthetics);
    }

    private static Anaesthetic.DoseLimit doseLimit(Documents.DoseLimit o, Pointer at) throws PlanFormatException {
        double mgPerKg = at.field("mgPerKg").finite(o.mgPerKg());
        double maxMg = at.field("maxMg").finite(o.maxMg());
        return at.build(() -> new Anaesthetic.DoseLimit(mgPerKg, maxMg));
    }

    private static PercentRange range(Documents.PercentRange o, Pointer at) throws PlanFormatException {
        double min = at.field("minPercent").finite(o.minPercent());
        double max = at.field("maxPercent").finite(o.maxPercent());
        return at.build(() -> new PercentRange(min, max));
    }

    private static Structure structure(Documents.Structure o, Pointer at, StructureCatalogue builtIns)
            throws PlanFormatException {
        Optional<Structure> builtIn = o.userAdded() ? Optional.empty() : builtIns.find(o.id());
        Laterality laterality;
        if (o.laterality() != null) {
            laterality = o.laterality();
        } else if (builtIn.isPresent()) {
            // written before structures had a laterality: a built-in one gets its own,
            laterality = builtIn.get().laterality();
        } else if (o.midline() != null) {
            // a clinic's own one what its midline flag said
            laterality = o.midline() ? Laterality.MIDLINE : Laterality.PAIRED;
        } else {
            throw at.field("midline").error("missing");
        }
        List<SpinalLevel> levels = new ArrayList<>();
        if (o.levels() != null) {
            for (int i = 0; i < o.levels().size(); i++) {
                String label = o.levels().get(i);
                Pointer p = at.field("levels").index(i);
                SpinalLevel level = p.build(() -> SpinalLevel.parse(label));
                if (level == null) {
                    throw p.error("expected a spinal level such as \"L4/L5\", found "
                            + (label == null ? "null" : Pointer.quote(label)));
                }
                levels.add(level);
            }
        } else {
            // written before structures listed their levels: the built-in ones get theirs, a clinic's own
            // structure that needs a level any level
            levels.addAll(builtIn.map(Structure::levels).orElse(o.levelled() ? Structure.ANY_LEVEL : List.of()));
        }
        return at.build(() -> new Structure(o.id(), o.name(), o.kind(), o.hackettCode(), o.snomedCode(), laterality,
                o.levelled(), levels, o.userAdded()));
    }
}
