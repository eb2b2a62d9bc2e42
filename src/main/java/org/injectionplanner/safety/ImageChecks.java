package org.injectionplanner.safety;

import static org.injectionplanner.safety.SafetyCheck.IMAGE_SIDE;
import static org.injectionplanner.safety.SafetyCheck.SERIES_LEVEL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.Target;

/**
 * What a target's image says about it (docs/safety.md §3): its side against the half of a transverse image it
 * lies on, and its level against the levels the image's description names; and, once per image, that the
 * sides cannot be checked where the image's orientation is not known.
 */
final class ImageChecks {

    /**
     * How near the midline, mm, a point's side is not judged (a structure beside the spinous process, a
     * midline set by eye); on an uncalibrated image {@link #MIDLINE_BAND_PX} pixels.
     */
    static final double MIDLINE_BAND_MM = 3;
    static final double MIDLINE_BAND_PX = 10;

    private ImageChecks() {
    }

    /**
     * A left or right target on a transverse image of known sides that lies on the other half from the
     * midline, beyond the band around it: a warning (the side or the image's orientation is wrong).
     */
    static void checkSide(SafetyChecks.Site site, List<Finding> out) {
        Target target = site.target();
        if (target.side() == Side.MIDLINE) {
            return;
        }
        ImageSides sides = site.plan().image(target.image().sopInstanceUid()).map(PlanImage::sides).orElse(null);
        if (sides == null || !sides.transverse()) {
            return;
        }
        double offPx = target.point().x() - sides.midlineX();
        Double mmPerPixel = target.calibration().isCalibrated() ? target.calibration().mmPerPixelX() : null;
        boolean inBand = mmPerPixel == null ? Math.abs(offPx) <= MIDLINE_BAND_PX
                : Math.abs(offPx) * mmPerPixel <= MIDLINE_BAND_MM;
        Side lies = sides.sideAt(target.point().x()).orElseThrow();
        if (inBand || lies == target.side()) {
            return;
        }
        String edge = (offPx < 0 ? sides.leftEdge() : sides.rightEdge()).marker();
        String distance = mmPerPixel == null ? String.format(Locale.ROOT, "%.0f px", Math.abs(offPx))
                : Decimals.floorTenth(Math.abs(offPx) * mmPerPixel) + " mm";
        out.add(site.warning(IMAGE_SIDE, IMAGE_SIDE.key(target.id()), null,
                mmPerPixel == null ? null : Math.abs(offPx) * mmPerPixel, mmPerPixel == null ? null : MIDLINE_BAND_MM,
                mmPerPixel == null ? "" : "mm", "the side is " + target.side().label() + ", but it lies " + distance
                        + " from the midline on the half of the image marked " + edge + " (patient "
                        + lies.label().toLowerCase(Locale.ROOT) + "; image sides " + sides.describe()
                        + "): correct the side or the image's orientation"));
    }

    /** A target whose level the image's description does not name, where it names any: a note. */
    static void checkLevel(SafetyChecks.Site site, List<Finding> out) {
        Target target = site.target();
        if (target.level() == null) {
            return;
        }
        String description = site.plan().image(target.image().sopInstanceUid()).map(PlanImage::description)
                .orElse(null);
        SeriesLevels named = SeriesLevels.of(description);
        if (named.namesAny() && !named.covers(target.level())) {
            out.add(site.note(SERIES_LEVEL, SERIES_LEVEL.key(target.id()), "at " + target.level().label()
                    + " on a series described \"" + description + "\": check the level or the image"));
        }
    }

    /**
     * One note per image of unknown sides that holds left or right targets: their sides cannot be checked
     * against the image. Not per target, and not a warning: most machines leave Patient Orientation empty.
     */
    static void checkUnknownSides(SessionPlan plan, List<Finding> out) {
        Map<String, List<String>> lateral = new LinkedHashMap<>();
        for (Target t : plan.targets()) {
            if (t.side() != Side.MIDLINE && !plan.isToConfirm(t.id()) && plan.image(t.image().sopInstanceUid())
                    .map(i -> i.sides() == null).orElse(false)) {
                lateral.computeIfAbsent(t.image().sopInstanceUid(), k -> new ArrayList<>()).add(AnnotationNames.of(t));
            }
        }
        lateral.forEach((uid, names) -> {
            String description = plan.image(uid).map(PlanImage::description).filter(d -> !d.isBlank())
                    .map(d -> "\"" + d + "\"").orElse(uid);
            out.add(new Finding(Severity.NOTE, IMAGE_SIDE.checkName(), IMAGE_SIDE.key("unknown", uid), null, null,
                    null, null, null, "", "Session: image " + description + " has no patient sides (not in its "
                            + "DICOM header, not set): the side of " + String.join(", ", names) + " cannot be "
                            + "checked against it; set them with Set Image Orientation..."));
        });
    }
}
