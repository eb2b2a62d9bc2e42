package org.injectionplanner.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How pixel distances of one image become millimetres: its ultrasound regions, and Pixel Spacing
 * (0028,0030) as the fallback only when there are no regions (docs/design.md §3). A scale outside the
 * plausible range ({@link UltrasoundRegion#MIN_MM_PER_PIXEL} to {@link UltrasoundRegion#MAX_MM_PER_PIXEL}
 * mm per pixel) is no scale: that region, or the Pixel Spacing, leaves the image uncalibrated.
 *
 * @param regions every item of the Sequence of Ultrasound Regions, in file order
 * @param pixelSpacingRowMm Pixel Spacing between rows (y) in mm, or null (absent or implausible)
 * @param pixelSpacingColumnMm Pixel Spacing between columns (x) in mm, or null (absent or implausible)
 */
public record UltrasoundCalibration(List<UltrasoundRegion> regions, Double pixelSpacingRowMm,
        Double pixelSpacingColumnMm) {

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
    }

    /** Reads the regions and Pixel Spacing of a data set. */
    public static UltrasoundCalibration of(DataSet ds) {
        List<UltrasoundRegion> regions = new ArrayList<>();
        List<DataSet> items = ds.getSequence(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS);
        for (int i = 0; i < items.size(); i++) {
            regions.add(UltrasoundRegion.of(i, items.get(i)));
        }
        double[] spacing = ds.getDoubles(Tag.PIXEL_SPACING);
        boolean validSpacing = spacing.length >= 2 && UltrasoundRegion.isPlausibleMmPerPixel(spacing[0])
                && UltrasoundRegion.isPlausibleMmPerPixel(spacing[1]);
        return new UltrasoundCalibration(regions, validSpacing ? spacing[0] : null,
                validSpacing ? spacing[1] : null);
    }

    /**
     * The region that contains all the points and gives mm (2D, cm on both axes), preferring
     * high-priority regions; empty if there is none. Points are (x, y) pairs in image pixel
     * coordinates (origin at the top-left corner of the top-left pixel).
     */
    public Optional<UltrasoundRegion> regionContaining(double[] xs, double[] ys) {
        UltrasoundRegion lowPriorityMatch = null;
        for (UltrasoundRegion r : regions) {
            if (!r.isSpatialCm() || !containsAll(r, xs, ys)) {
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
                    .map(r -> new Scale(r.mmPerPixelX(), r.mmPerPixelY(), Source.ULTRASOUND_REGION, r));
        }
        if (pixelSpacingRowMm != null) {
            return Optional.of(new Scale(pixelSpacingColumnMm, pixelSpacingRowMm, Source.PIXEL_SPACING, null));
        }
        return Optional.empty();
    }

    /** The regions that give mm (2D, cm on both axes, plausible). */
    public List<UltrasoundRegion> spatialRegions() {
        return regions.stream().filter(UltrasoundRegion::isSpatialCm).toList();
    }

    /** Why the regions' scales were refused (implausible scale or location), one line per region. */
    public List<String> problems() {
        return regions.stream().map(UltrasoundRegion::problem).filter(Objects::nonNull).toList();
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
        return imageRegion().map(main -> spatialRegions().stream().anyMatch(r -> !sameScale(r, main))).orElse(false);
    }

    private static double areaPixels(UltrasoundRegion r) {
        if (r.x0() == null || r.x1() == null || r.y0() == null || r.y1() == null) {
            return 0;
        }
        return (double) (r.x1() - r.x0() + 1) * (r.y1() - r.y0() + 1);
    }

    private static boolean sameScale(UltrasoundRegion a, UltrasoundRegion b) {
        return Math.abs(a.mmPerPixelX() - b.mmPerPixelX()) <= 1e-9 * b.mmPerPixelX()
                && Math.abs(a.mmPerPixelY() - b.mmPerPixelY()) <= 1e-9 * b.mmPerPixelY();
    }
}
