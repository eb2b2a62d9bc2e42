package org.injectionplanner.plan;

/**
 * A clinic's settings: the structure catalogue and defaults for new annotations. Stored as JSON in the
 * plan store and editable from the plugin.
 *
 * @param catalogue the structures targets can be placed in
 * @param defaultMarginMm the safety margin of new nerve zones, mm (5 unless set)
 */
public record ClinicSettings(StructureCatalogue catalogue, double defaultMarginMm) {

    /** Default margin of new zones when a clinic has not set one, mm (docs/domain.md §7.2). */
    public static final double DEFAULT_MARGIN_MM = 5.0;

    public ClinicSettings {
        if (catalogue == null) {
            throw new IllegalArgumentException("clinic settings need a catalogue");
        }
        if (!(defaultMarginMm >= 0) || !Double.isFinite(defaultMarginMm)) {
            throw new IllegalArgumentException("the default margin must be a finite number of mm ≥ 0");
        }
    }

    /** The settings of a clinic that has set nothing. */
    public static ClinicSettings defaults() {
        return new ClinicSettings(StructureCatalogue.defaults(), DEFAULT_MARGIN_MM);
    }

    /** These settings with another default margin. */
    public ClinicSettings withDefaultMarginMm(double mm) {
        return new ClinicSettings(catalogue, mm);
    }

    /** These settings with another catalogue. */
    public ClinicSettings withCatalogue(StructureCatalogue newCatalogue) {
        return new ClinicSettings(newCatalogue, defaultMarginMm);
    }
}
