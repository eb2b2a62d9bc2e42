package org.injectionplanner.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.injectionplanner.dicom.PlausibleScale;

/**
 * A clinic's settings: the structure catalogue, defaults for new annotations and injections, the
 * pre-procedure checklist, the safety limits, the drug table and the plausible image scale. Stored as JSON
 * in the plan store and editable from the plugin.
 *
 * @param catalogue the structures targets can be placed in
 * @param defaultMarginMm the safety margin of new nerve zones, mm (5 unless set)
 * @param presets protocol presets for new injections; the first fills new injections (at least one)
 * @param checklist the pre-procedure checklist questions new plans start with
 * @param limits the safety checks' limits
 * @param orderWeights the weights of the injection order's cost model (docs/ordering.md §2)
 * @param drugs the anaesthetics and dextrose concentrations the dose checks know
 * @param plausibleScale the mm per pixel an image's ultrasound region or Pixel Spacing must give to calibrate
 *        it (docs/safety.md §2; {@link PlausibleScale#DEFAULT} unless set)
 * @param course the defaults of new treatment courses and the longest intended interval
 * @param aftercareText the clinic's aftercare advice printed on the session map ("" for none; may hold line
 *        breaks)
 */
public record ClinicSettings(StructureCatalogue catalogue, double defaultMarginMm, List<ProtocolPreset> presets,
        List<ChecklistItem> checklist, SafetyLimits limits, OrderWeights orderWeights, DrugTable drugs,
        PlausibleScale plausibleScale, CourseDefaults course, String aftercareText) {

    /** Default margin of new zones when a clinic has not set one, mm (docs/domain.md §7.2). */
    public static final double DEFAULT_MARGIN_MM = 5.0;

    public ClinicSettings {
        if (catalogue == null || limits == null || orderWeights == null || drugs == null || plausibleScale == null
                || course == null) {
            throw new IllegalArgumentException("clinic settings need a catalogue, safety limits, order weights, a"
                    + " drug table, a plausible scale and course defaults");
        }
        if (course.maxIntervalDays() < limits.minIntervalDays()) {
            throw new IllegalArgumentException("the longest interval between sessions (" + course.maxIntervalDays()
                    + " days) must not be shorter than the interval safety limit (" + limits.minIntervalDays()
                    + " days)");
        }
        if (!(defaultMarginMm >= 0) || !Double.isFinite(defaultMarginMm)) {
            throw new IllegalArgumentException("the default margin must be a finite number of mm ≥ 0");
        }
        presets = List.copyOf(presets);
        aftercareText = aftercareText == null ? "" : PlanText.lines(aftercareText, "the aftercare text").strip();
        checklist = List.copyOf(checklist);
        if (presets.isEmpty()) {
            throw new IllegalArgumentException("clinic settings need at least one protocol preset");
        }
        requireUnique(presets.stream().map(ProtocolPreset::name).toList(), "preset name");
        requireUnique(checklist.stream().map(ChecklistItem::id).toList(), "checklist item id");
    }

    /** The settings of a clinic that has set nothing. */
    public static ClinicSettings defaults() {
        return new ClinicSettings(StructureCatalogue.defaults(), DEFAULT_MARGIN_MM, ProtocolPreset.defaults(),
                ChecklistItem.defaults(), SafetyLimits.defaults(), OrderWeights.defaults(), DrugTable.defaults(),
                PlausibleScale.DEFAULT, CourseDefaults.defaults(), "");
    }

    /** The preset that fills new injections. */
    public ProtocolPreset defaultPreset() {
        return presets.get(0);
    }

    /** The preset with this name, ignoring case. */
    public Optional<ProtocolPreset> preset(String name) {
        return presets.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** These settings with another default margin. */
    public ClinicSettings withDefaultMarginMm(double mm) {
        return new ClinicSettings(catalogue, mm, presets, checklist, limits, orderWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with another catalogue. */
    public ClinicSettings withCatalogue(StructureCatalogue newCatalogue) {
        return new ClinicSettings(newCatalogue, defaultMarginMm, presets, checklist, limits, orderWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with other presets (the first is the default). */
    public ClinicSettings withPresets(List<ProtocolPreset> newPresets) {
        return new ClinicSettings(catalogue, defaultMarginMm, newPresets, checklist, limits, orderWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with another checklist. */
    public ClinicSettings withChecklist(List<ChecklistItem> newChecklist) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, newChecklist, limits, orderWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with other safety limits. */
    public ClinicSettings withLimits(SafetyLimits newLimits) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, checklist, newLimits, orderWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with other order weights. */
    public ClinicSettings withOrderWeights(OrderWeights newWeights) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, checklist, limits, newWeights, drugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with another aftercare text. */
    public ClinicSettings withAftercareText(String text) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, checklist, limits, orderWeights, drugs,
                plausibleScale, course, text);
    }

    /** These settings with another drug table. */
    public ClinicSettings withDrugs(DrugTable newDrugs) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, checklist, limits, orderWeights, newDrugs,
                plausibleScale, course, aftercareText);
    }

    /** These settings with another plausible scale. */
    public ClinicSettings withPlausibleScale(PlausibleScale newScale) {
        return new ClinicSettings(catalogue, defaultMarginMm, presets, checklist, limits, orderWeights, drugs,
                newScale, course, aftercareText);
    }

    /**
     * The intended interval between sessions: from the interval safety limit
     * ({@link SafetyLimits#minIntervalDays()}, the one source the interval check and the course share) to the
     * course defaults' longest interval.
     */
    public IntervalWindow intervalWindow() {
        return new IntervalWindow(limits.minIntervalDays(), course.maxIntervalDays());
    }

    private static void requireUnique(List<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String k : keys) {
            if (!seen.add(k.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate " + what + " '" + k + "' in the clinic settings");
            }
        }
    }
}
