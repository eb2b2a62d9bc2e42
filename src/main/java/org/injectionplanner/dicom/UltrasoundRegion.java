package org.injectionplanner.dicom;

import java.util.Locale;

/**
 * One item of the Sequence of Ultrasound Regions (0018,6011), PS3.3 C.8.5.5. Location bounds are
 * inclusive pixel indices (column x, row y); the reference pixel is relative to the region's origin.
 * Values absent from the file are null.
 *
 * @param index position of the item in the sequence, from 0
 * @param x0 Region Location Min X0 (column)
 * @param y0 Region Location Min Y0 (row)
 * @param x1 Region Location Max X1 (column, inclusive)
 * @param y1 Region Location Max Y1 (row, inclusive)
 * @param spatialFormat 0 none, 1 2D, 2 M-mode, 3 spectral, 4 waveform, 5 graphics
 * @param dataType 1 tissue, 2 colour flow, 3 PW Doppler, ... (C.8.5.5.1.2)
 * @param flags Region Flags; bit 0 set = low priority
 * @param referencePixelX0 Reference Pixel X0, relative to x0
 * @param referencePixelY0 Reference Pixel Y0, relative to y0
 * @param unitsX Physical Units X Direction (3 = cm, 4 = seconds, ...)
 * @param unitsY Physical Units Y Direction
 * @param referencePhysicalX Reference Pixel Physical Value X
 * @param referencePhysicalY Reference Pixel Physical Value Y
 * @param physicalDeltaX physical units per +1 pixel in x (may be negative)
 * @param physicalDeltaY physical units per +1 pixel in y (may be negative)
 */
public record UltrasoundRegion(int index, Long x0, Long y0, Long x1, Long y1, Integer spatialFormat,
        Integer dataType, Long flags, Integer referencePixelX0, Integer referencePixelY0, Integer unitsX,
        Integer unitsY, Double referencePhysicalX, Double referencePhysicalY, Double physicalDeltaX,
        Double physicalDeltaY) {

    /** Physical Units value for centimetres. */
    public static final int UNITS_CM = 3;
    /** Region Spatial Format value for 2D (tissue or flow) regions. */
    public static final int FORMAT_2D = 1;

    /** Largest region coordinate taken (Rows and Columns are 16-bit: 65535). */
    public static final long MAX_COORDINATE = 65_535;

    /** Reads one item. */
    public static UltrasoundRegion of(int index, DataSet item) {
        return new UltrasoundRegion(index, asLong(item.getDouble(Tag.REGION_LOCATION_MIN_X0)),
                asLong(item.getDouble(Tag.REGION_LOCATION_MIN_Y0)),
                asLong(item.getDouble(Tag.REGION_LOCATION_MAX_X1)),
                asLong(item.getDouble(Tag.REGION_LOCATION_MAX_Y1)),
                item.getInteger(Tag.REGION_SPATIAL_FORMAT), item.getInteger(Tag.REGION_DATA_TYPE),
                asLong(item.getDouble(Tag.REGION_FLAGS)), item.getInteger(Tag.REFERENCE_PIXEL_X0),
                item.getInteger(Tag.REFERENCE_PIXEL_Y0), item.getInteger(Tag.PHYSICAL_UNITS_X_DIRECTION),
                item.getInteger(Tag.PHYSICAL_UNITS_Y_DIRECTION),
                item.getDouble(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_X),
                item.getDouble(Tag.REFERENCE_PIXEL_PHYSICAL_VALUE_Y),
                item.getDouble(Tag.PHYSICAL_DELTA_X), item.getDouble(Tag.PHYSICAL_DELTA_Y));
    }

    private static Long asLong(Double d) {
        return d == null ? null : Math.round(d);
    }

    /**
     * mm per pixel in x: |Physical Delta X| × 10 when the x units are cm and the result lies in the
     * {@code plausible} range, else null.
     */
    public Double mmPerPixelX(PlausibleScale plausible) {
        return plausibleOrNull(mmPerPixel(unitsX, physicalDeltaX), plausible);
    }

    /** mm per pixel in y, as {@link #mmPerPixelX}. */
    public Double mmPerPixelY(PlausibleScale plausible) {
        return plausibleOrNull(mmPerPixel(unitsY, physicalDeltaY), plausible);
    }

    /** |delta| × 10 when the units are cm and delta is finite and not 0 (the product may overflow), else null. */
    private static Double mmPerPixel(Integer units, Double delta) {
        if (units == null || units != UNITS_CM || delta == null || delta == 0 || !Double.isFinite(delta)) {
            return null;
        }
        return Math.abs(delta) * 10;
    }

    private static Double plausibleOrNull(Double mm, PlausibleScale plausible) {
        return mm != null && plausible.contains(mm) ? mm : null;
    }

    /**
     * True for a 2D region measured in cm on both axes, with a scale in the {@code plausible} range and a
     * plausible location: one that gives mm.
     */
    public boolean isSpatialCm(PlausibleScale plausible) {
        return isCm2d() && problem(plausible) == null;
    }

    private boolean isCm2d() {
        return spatialFormat != null && spatialFormat == FORMAT_2D && mmPerPixel(unitsX, physicalDeltaX) != null
                && mmPerPixel(unitsY, physicalDeltaY) != null;
    }

    /**
     * Why a 2D region in cm gives no scale (its scale lies outside the {@code plausible} range, or its location
     * is implausible), in words naming the region; null when it gives one, or when it is not a 2D region in
     * cm at all.
     */
    public String problem(PlausibleScale plausible) {
        if (!isCm2d()) {
            return null;
        }
        String region = "ultrasound region " + (index + 1);
        for (String axis : new String[] {"X", "Y"}) {
            Double delta = axis.equals("X") ? physicalDeltaX : physicalDeltaY;
            if (!plausible.contains(mmPerPixel(axis.equals("X") ? unitsX : unitsY, delta))) {
                return String.format(Locale.ROOT, "%s: Physical Delta %s of %s cm per pixel is outside the plausible"
                        + " %s", region, axis, delta, plausible);
            }
        }
        if (x0 == null || y0 == null || x1 == null || y1 == null) {
            return region + ": its location (Region Location Min/Max) is missing";
        }
        if (x0 < 0 || y0 < 0 || x1 < x0 || y1 < y0 || x1 > MAX_COORDINATE || y1 > MAX_COORDINATE) {
            return String.format(Locale.ROOT, "%s: location %d,%d to %d,%d is not a rectangle of pixels between 0"
                    + " and %d", region, x0, y0, x1, y1, MAX_COORDINATE);
        }
        return null;
    }

    /** True if Region Flags bit 0 marks the region as low priority. */
    public boolean isLowPriority() {
        return flags != null && (flags & 1) == 1;
    }

    /**
     * True if the point lies in the region. Coordinates are image pixel coordinates with the origin at
     * the top-left corner of the top-left pixel, so the region covers [x0, x1 + 1) × [y0, y1 + 1).
     */
    public boolean contains(double x, double y) {
        if (x0 == null || y0 == null || x1 == null || y1 == null) {
            return false;
        }
        return x >= x0 && x < x1 + 1 && y >= y0 && y < y1 + 1;
    }
}
