package org.injectionplanner.scene;

import java.util.List;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.StructureCatalogue;

/**
 * What a scene shows besides the plan's annotations, and how much its labels say.
 *
 * @param detail how much the labels say
 * @param orientation which patient side the image's left and right edges face, or null where unknown
 *        (no side markers are drawn)
 * @param calibration the frame's calibration (its ultrasound region's mm per pixel and skin line), or null
 *        to take it from the calibrated annotations on the frame; gives the depth ruler and the scale bar
 * @param cine the cine's frames, or null for a single frame (no frame strip)
 * @param priorSites earlier sessions' sites to show on the frame, their labels laid out with the plan's
 * @param structures the catalogue that names the targets' structures in full labels (the clinic's)
 */
public record SceneOptions(LabelDetail detail, ImageOrientation orientation, MeasuredCalibration calibration,
        CineFrames cine, List<PlanScene.PriorSite> priorSites, StructureCatalogue structures) {

    /** Full labels naming structures by the built-in catalogue, nothing else known. */
    public static final SceneOptions DEFAULT = new SceneOptions(LabelDetail.FULL, null, null, null, List.of(),
            StructureCatalogue.defaults());

    public SceneOptions {
        if (detail == null || structures == null) {
            throw new IllegalArgumentException("a scene needs a label detail and a structure catalogue");
        }
        priorSites = priorSites == null ? List.of() : List.copyOf(priorSites);
    }

    /**
     * The frames of a cine, for the strip that shows which hold annotations.
     *
     * @param count the cine's frames
     * @param current the frame drawn, 1-based
     * @param annotated the frames holding annotations of the plan, 1-based
     */
    public record CineFrames(int count, int current, List<Integer> annotated) {

        public CineFrames {
            annotated = List.copyOf(annotated);
            if (count < 1 || current < 1 || current > count
                    || annotated.stream().anyMatch(f -> f < 1 || f > count)) {
                throw new IllegalArgumentException("cine frames out of range: " + count + " frames, current "
                        + current + ", annotated " + annotated);
            }
        }
    }

    /** These options with {@code detail}. */
    public SceneOptions withDetail(LabelDetail d) {
        return new SceneOptions(d, orientation, calibration, cine, priorSites, structures);
    }

    /** These options with {@code o}. */
    public SceneOptions withOrientation(ImageOrientation o) {
        return new SceneOptions(detail, o, calibration, cine, priorSites, structures);
    }

    /** These options with the frame's calibration {@code c}. */
    public SceneOptions withCalibration(MeasuredCalibration c) {
        return new SceneOptions(detail, orientation, c, cine, priorSites, structures);
    }

    /** These options with the cine's frames {@code c}. */
    public SceneOptions withCine(CineFrames c) {
        return new SceneOptions(detail, orientation, calibration, c, priorSites, structures);
    }

    /** These options with the earlier sessions' sites {@code sites}. */
    public SceneOptions withPriorSites(List<PlanScene.PriorSite> sites) {
        return new SceneOptions(detail, orientation, calibration, cine, sites, structures);
    }

    /** These options naming structures by {@code catalogue}. */
    public SceneOptions withStructures(StructureCatalogue catalogue) {
        return new SceneOptions(detail, orientation, calibration, cine, priorSites, catalogue);
    }
}
