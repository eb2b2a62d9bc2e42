package org.injectionplanner.order;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the probe lies on the back for an image (docs/ordering.md §2.1). The plan holds no orientation
 * field, so it is read from the image's description (the DICOM series description the plan keeps, e.g.
 * "Transverse L4-L5 midline").
 */
public enum ProbeOrientation {
    /** Across the spine (axial, short axis). */
    TRANSVERSE,
    /** Along the spine (sagittal, parasagittal, long axis). */
    LONGITUDINAL,
    /** Not known: the cost model prices no change to or from it. */
    UNKNOWN;

    private static final Pattern TRANSVERSE_WORDS = Pattern.compile("\\b(transverse|axial|short[- ]axis)\\b");
    private static final Pattern LONGITUDINAL_WORDS =
            Pattern.compile("\\b(longitudinal|sagittal|parasagittal|long[- ]axis)\\b");

    /**
     * The orientation an image description names: a whole word "transverse", "axial" or "short axis" is
     * transverse; "longitudinal", "sagittal", "parasagittal" or "long axis" is longitudinal (any case).
     * A description that names both, neither, or is null is {@link #UNKNOWN}.
     */
    public static ProbeOrientation fromDescription(String description) {
        if (description == null) {
            return UNKNOWN;
        }
        String text = description.toLowerCase(Locale.ROOT);
        boolean transverse = TRANSVERSE_WORDS.matcher(text).find();
        boolean longitudinal = LONGITUDINAL_WORDS.matcher(text).find();
        if (transverse == longitudinal) {
            return UNKNOWN;
        }
        return transverse ? TRANSVERSE : LONGITUDINAL;
    }

    /** Whether turning the probe from one orientation to the other is a change: both known and different. */
    static boolean changes(ProbeOrientation from, ProbeOrientation to) {
        return from != UNKNOWN && to != UNKNOWN && from != to;
    }
}
