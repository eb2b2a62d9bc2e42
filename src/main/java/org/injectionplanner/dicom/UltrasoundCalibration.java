package org.injectionplanner.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How pixel distances of one image become millimetres: its ultrasound regions, and Pixel Spacing
 * (0028,0030) as the fallback only when there are no regions (docs/design.md §3). A scale outside the
 * {@code plausible} range is no scale: that region, or the Pixel Spacing, leaves the image uncalibrated.
 * Read with {@link PlausibleScale#DEFAULT}; {@link #within} decides under a clinic's range.
 *
 * @param regions every item of the Sequence of Ultrasound Regions, in file order
 * @param pixelSpacingRowMm Pixel Spacing between rows (y) in mm as the file gives it, or null (absent, not
 *        positive or not finite); {@link #pixelSpacing()} is it when plausible
 * @param pixelSpacingColumnMm Pixel Spacing between columns (x) in mm, as {@code pixelSpacingRowMm}
 * @param plausible the range of mm per pixel taken as a scale
 */
public record UltrasoundCalibration(List<UltrasoundRegion> regions, Double pixelSpacingRowMm,
        Double pixelSpacingColumnMm, PlausibleScale plausible) {

    /** Where a scale came from. */
    public enum Source { ULTRASOUND_REGION, PIXEL_SPACING }

    /**
     * A scale that applies to a measurement.
     *
     * @param mmPerPixelX mm per pixel along x (columns)
     * @param mmPerPixelY mm per pixel along y (rows)
     * @param source where it came from
     * @param region the region it came from, or null for Pixel Spacing
     */
    public record Scale(double mmPerPixelX, double mmPerPixelY, Source source, UltrasoundRegion region) {
    }

    public UltrasoundCalibration {
        regions = List.copyOf(regions);
        if ((pixelSpacingRowMm == null) != (pixelSpacingColumnMm == null)) {
            throw new IllegalArgumentException("Pixel Spacing needs both a row and a column spacing");
        }
    }

    /** Reads the regions and Pixel Spacing of a data set, to be decided under {@link PlausibleScale#DEFAULT}. */
    public static UltrasoundCalibration of(DataSet ds) {
        List<UltrasoundRegion> regions = new ArrayList<>();
        List<DataSet> items = ds.getSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS);
        for (int i = 0; i < items.size(); i++) {
            regions.add(UltrasoundRegion.of(i, items.get(i)));
        }
        double[] spacing = ds.getDoubles(Tag.PIXEL_SPACING);
        boolean given = spacing.length >= 2 && positiveFinite(spacing[0]) && positiveFinite(spacing[1]);
        return new UltrasoundCalibration(regions, given ? spacing[0] : null, given ? spacing[1] : null,
                PlausibleScale.DEFAULT);
    }

    private static boolean positiveFinite(double d) {
        return d > 0 && Double.isFinite(d);
    }

    /** This calibration decided under {@code range} instead. */
    public UltrasoundCalibration within(PlausibleScale range) {
        return new UltrasoundCalibration(regions, pixelSpacingRowMm, pixelSpacingColumnMm, range);
    }

    /**
     * Pixel Spacing as {row, column} mm when the file gives it and both lie in the {@code plausible} range;
     * else empty.
     */
    public Optional<double[]> pixelSpacing() {
        return pixelSpacingRowMm != null && plausible.contains(pixelSpacingRowMm)
                && plausible.contains(pixelSpacingColumnMm)
                ? Optional.of(new double[] {pixelSpacingRowMm, pixelSpacingColumnMm}) : Optional.empty();
    }

    /** mm per pixel in x of {@code r} under the {@code plausible} range, or null. */
    public Double mmPerPixelX(UltrasoundRegion r) {
        return r.mmPerPixelX(plausible);
    }

    /** mm per pixel in y of {@code r} under the {@code plausible} range, or null. */
    public Double mmPerPixelY(UltrasoundRegion r) {
        return r.mmPerPixelY(plausible);
    }

    /** True if {@code r} gives mm under the {@code plausible} range ({@link UltrasoundRegion#isSpatialCm}). */
    public boolean isSpatial(UltrasoundRegion r) {
        return r.isSpatialCm(plausible);
    }

    /** Why {@code r} gives no mm under the {@code plausible} range, or null ({@link UltrasoundRegion#problem}). */
    public String problem(UltrasoundRegion r) {
        return r.problem(plausible);
    }

    /**
     * The region that contains all the points and gives mm (2D, cm on both axes), preferring
     * high-priority regions; empty if there is none. Points are (x, y) pairs in image pixel
     * coordinates (origin at the top-left corner of the top-left pixel).
     */
    public Optional<UltrasoundRegion> regionContaining(double[] xs, double[] ys) {
        UltrasoundRegion lowPriorityMatch = null;
        for (UltrasoundRegion r : regions) {
            if (!isSpatial(r) || !containsAll(r, xs, ys)) {
                continue;
            }
            if (!r.isLowPriority()) {
                return Optional.of(r);
            }
            if (lowPriorityMatch == null) {
                lowPriorityMatch = r;
            }
        }
        return Optional.ofNullable(lowPriorityMatch);
    }

    private static boolean containsAll(UltrasoundRegion r, double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            if (!r.contains(xs[i], ys[i])) {
                return false;
            }
        }
        return xs.length > 0;
    }

    /**
     * The scale for a measurement through these points: the containing region's; Pixel Spacing when
     * the image has no regions at all; otherwise empty (uncalibrated: never guessed).
     */
    public Optional<Scale> scaleFor(double[] xs, double[] ys) {
        if (!regions.isEmpty()) {
            return regionContaining(xs, ys)
                    .map(r -> new Scale(mmPerPixelX(r), mmPerPixelY(r), Source.ULTRASOUND_REGION, r));
        }
        return pixelSpacing().map(s -> new Scale(s[1], s[0], Source.PIXEL_SPACING, null));
    }

    /** The regions that give mm (2D, cm on both axes, plausible). */
    public List<UltrasoundRegion> spatialRegions() {
        return regions.stream().filter(this::isSpatial).toList();
    }

    /** Why the regions' scales were refused (implausible scale or location), one line per region. */
    public List<String> problems() {
        return regions.stream().map(this::problem).filter(Objects::nonNull).toList();
    }

    /**
     * The region that holds the image: the largest of the {@link #spatialRegions()} (by its pixel
     * extent; a region without bounds counts as empty, the first wins a tie); empty if none gives mm.
     * A viewer with one scale per image shows this region's.
     */
    public Optional<UltrasoundRegion> imageRegion() {
        return spatialRegions().stream().max(Comparator.comparingDouble(UltrasoundCalibration::areaPixels));
    }

    /** True if the spatial regions do not all have the scale of {@link #imageRegion()} (to 1 part in 10⁹). */
    public boolean spatialScalesDiffer() {
        return imageRegion().map(main -> spatialRegions().stream().anyMatch(r -> !sameScale(r, main)))
                .orElse(false);
    }

    private static double areaPixels(UltrasoundRegion r) {
        if (r.x0() == null || r.x1() == null || r.y0() == null || r.y1() == null) {
            return 0;
        }
        return (double) (r.x1() - r.x0() + 1) * (r.y1() - r.y0() + 1);
    }

    private boolean sameScale(UltrasoundRegion a, UltrasoundRegion b) {
        return Math.abs(mmPerPixelX(a) - mmPerPixelX(b)) <= 1e-9 * mmPerPixelX(b)
                && Math.abs(mmPerPixelY(a) - mmPerPixelY(b)) <= 1e-9 * mmPerPixelY(b);
    }
}
