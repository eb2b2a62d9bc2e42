package org.injectionplanner.plan;

import java.util.Locale;
import java.util.Optional;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;
import org.injectionplanner.geometry.PixelPoint;

/**
 * The skin entry of an in-plane needle beyond the end of a linear probe (docs/safety.md §3, {@code off-image}).
 * An in-plane needle enters the skin beyond the probe's end and shows in the image only from where it meets the
 * beam, so its entry lies off the image. A linear probe's image is a flat rectangle whose top row is the skin
 * line and whose scale holds beyond its side edges: the entry is placed on the skin line, beside the target's
 * ultrasound region, at the region's scale, and the path keeps that region's calibration (extrapolated). A
 * sector or curved probe's image is not flat and is refused. Pixel coordinates as docs/design.md §3.
 */
public final class OffImageEntry {

    /** Largest distance from the probe's end, mm, taken: past the longest needle of the presets and more. */
    public static final double MAX_OFFSET_MM = 150;

    /** The end of the probe the needle enters beyond: the image's left or right edge. */
    public enum ProbeEnd {
        LEFT, RIGHT;

        /** "left" or "right". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses "left" or "right" (any case). */
        public static ProbeEnd parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            for (ProbeEnd end : values()) {
                if (end.name().equals(t)) {
                    return end;
                }
            }
            throw new IllegalArgumentException("unknown probe end '" + text + "': use left or right");
        }
    }

    private OffImageEntry() {
    }

    /**
     * The path of {@code target} from the skin {@code offsetMm} beyond {@code end} of the probe.
     *
     * @param us the calibration of the target's image
     * @param transducerType the image's Transducer Type (0018,6031), or null where the header has none
     * @throws IllegalArgumentException naming the reason when the target is not in a calibrated ultrasound region
     *     with a skin line, the probe is not linear, or the offset is not more than 0 and at most
     *     {@link #MAX_OFFSET_MM}
     */
    public static NeedlePath beyondEnd(Target target, UltrasoundCalibration us, String transducerType, ProbeEnd end,
            double offsetMm) {
        if (!(offsetMm > 0 && offsetMm <= MAX_OFFSET_MM)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the distance from the probe end must be "
                    + "more than 0 and at most %s mm, got %s", Decimals.text(MAX_OFFSET_MM, 1), offsetMm));
        }
        UltrasoundRegion region = regionOf(target, us, transducerType);
        MeasuredCalibration cal = target.calibration();
        double edge = end == ProbeEnd.LEFT ? region.x0() : region.x1() + 1;
        double dx = offsetMm / cal.mmPerPixelX();
        return new NeedlePath(new PixelPoint(end == ProbeEnd.LEFT ? edge - dx : edge + dx, cal.skinLineY()), cal,
                edge);
    }

    /**
     * The path of {@code target} from a point clicked beside its ultrasound region (left of its left edge or
     * right of its right edge, at any height): the entry on the skin line at the click's distance from the
     * probe's end. Empty where the click is not beside the target's region (an ordinary entry), or the target
     * is not calibrated in an ultrasound region.
     *
     * @throws IllegalArgumentException as {@link #beyondEnd} when the click is beside the region but the entry
     *     cannot be extrapolated (the probe is not linear, the region has no skin line)
     */
    public static Optional<NeedlePath> fromClick(Target target, UltrasoundCalibration us, String transducerType,
            PixelPoint click) {
        MeasuredCalibration cal = target.calibration();
        if (cal.source() != MeasuredCalibration.Source.ULTRASOUND_REGION || cal.regionIndex() == null) {
            return Optional.empty();
        }
        Optional<UltrasoundRegion> region = us.regions().stream().filter(r -> r.index() == cal.regionIndex())
                .findFirst();
        if (region.isEmpty() || region.get().x0() == null || region.get().x1() == null) {
            return Optional.empty();
        }
        double left = region.get().x0() - click.x();
        double right = click.x() - (region.get().x1() + 1);
        if (left > 0) {
            return Optional.of(beyondEnd(target, us, transducerType, ProbeEnd.LEFT, left * cal.mmPerPixelX()));
        }
        if (right > 0) {
            return Optional.of(beyondEnd(target, us, transducerType, ProbeEnd.RIGHT, right * cal.mmPerPixelX()));
        }
        return Optional.empty();
    }

    /** The target's region, after checking an entry can be extrapolated from it. */
    private static UltrasoundRegion regionOf(Target target, UltrasoundCalibration us, String transducerType) {
        String name = AnnotationNames.of(target);
        if (transducerType != null && !transducerType.isBlank()
                && !transducerType.trim().equalsIgnoreCase("LINEAR")) {
            throw new IllegalArgumentException("the image was taken with a " + transducerType.trim() + " probe "
                    + "(Transducer Type): its image is a sector, not a flat rectangle, so an entry beyond the image "
                    + "cannot be extrapolated; place the entry on the image");
        }
        MeasuredCalibration cal = target.calibration();
        if (cal.source() != MeasuredCalibration.Source.ULTRASOUND_REGION || cal.regionIndex() == null
                || cal.skinLineY() == null) {
            throw new IllegalArgumentException(name + " is not in a calibrated ultrasound region with a skin line: "
                    + "an entry beyond the image needs the region's scale");
        }
        return us.regions().stream().filter(r -> r.index() == cal.regionIndex() && r.x0() != null && r.x1() != null)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(name + "'s ultrasound region "
                        + (cal.regionIndex() + 1) + " is not in this image: open the target's image"));
    }
}
