package org.injectionplanner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.Needle;
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
 * had. Thread-safe.
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
        settings.checklist().forEach(item -> checklist.add(PlanJson.checklistItem(item)));
        SafetyLimits l = settings.limits();
        ObjectNode limits = root.putObject("limits");
        limits.put("needleReserveMm", PlanJson.finite(l.needleReserveMm(), "needleReserveMm"));
        limits.put("maxInsertionAngleDeg", PlanJson.finite(l.maxInsertionAngleDeg(), "maxInsertionAngleDeg"));
        limits.put("midlineNoGoDepthMm", PlanJson.finite(l.midlineNoGoDepthMm(), "midlineNoGoDepthMm"));
        limits.put("maxSiteVolumeMl", PlanJson.finite(l.maxSiteVolumeMl(), "maxSiteVolumeMl"));
        limits.put("maxSessionVolumeMl", PlanJson.finite(l.maxSessionVolumeMl(), "maxSessionVolumeMl"));
        limits.put("maxAnaestheticMg", PlanJson.finite(l.maxAnaestheticMg(), "maxAnaestheticMg"));
        limits.put("maxAnaestheticMgPerKg", PlanJson.finite(l.maxAnaestheticMgPerKg(), "maxAnaestheticMgPerKg"));
        limits.put("minIntervalDays", l.minIntervalDays());
        limits.put("maxEntryBelowSkinMm", PlanJson.finite(l.maxEntryBelowSkinMm(), "maxEntryBelowSkinMm"));
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
            checklist.add(PlanJson.checklistItem(d.checklist().get(i), at.field("checklist").index(i)));
        }
        Documents.Limits l = d.limits();
        Pointer p = at.field("limits");
        double reserve = p.field("needleReserveMm").finite(l.needleReserveMm());
        double angle = p.field("maxInsertionAngleDeg").finite(l.maxInsertionAngleDeg());
        double noGo = p.field("midlineNoGoDepthMm").finite(l.midlineNoGoDepthMm());
        double siteVolume = p.field("maxSiteVolumeMl").finite(l.maxSiteVolumeMl());
        double sessionVolume = p.field("maxSessionVolumeMl").finite(l.maxSessionVolumeMl());
        double mg = p.field("maxAnaestheticMg").finite(l.maxAnaestheticMg());
        double mgPerKg = p.field("maxAnaestheticMgPerKg").finite(l.maxAnaestheticMgPerKg());
        // settings written before the entry tolerance existed take its default
        Double entry = p.field("maxEntryBelowSkinMm").finite(l.maxEntryBelowSkinMm());
        double entryBelowSkin = entry == null ? SafetyLimits.DEFAULT_MAX_ENTRY_BELOW_SKIN_MM : entry;
        SafetyLimits limits = p.build(() -> new SafetyLimits(reserve, angle, noGo, siteVolume, sessionVolume, mg,
                mgPerKg, l.minIntervalDays(), entryBelowSkin));
        double margin = at.field("defaultMarginMm").finite(d.defaultMarginMm());
        return at.build(() -> new ClinicSettings(catalogue, margin, presets, checklist, limits));
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
