package org.injectionplanner.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.scene.PlanPainter;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.scene.PlanStyle;
import org.injectionplanner.scene.SceneOptions;

/**
 * An annotated frame as exported: the frame at the image's own resolution with the plan scene painted on it.
 *
 * @param frame the DICOM instance and frame
 * @param image the frame's pixels with the plan drawn on them (RGB)
 * @param scene what was drawn; its scale bar carries the frame's calibration (null: nothing on it is calibrated)
 * @param description the image's description as the plan records it ("" if none; no patient identifiers)
 */
public record AnnotatedFrame(ImageRef frame, BufferedImage image, PlanScene scene, String description) {

    /**
     * Decodes a frame and paints the plan's annotations on it, in the current plan's style, nothing selected, the
     * structures named by the clinic's catalogue.
     */
    public static AnnotatedFrame of(ExportedPlan plan, ExportImages images, ImageRef frame) throws ExportException {
        BufferedImage decoded = images.decode(frame);
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        PlanScene scene = PlanScene.of(plan.plan(), plan.report(), frame, rgb.getWidth(), rgb.getHeight(), null,
                PlanStyle.CURRENT, SceneOptions.DEFAULT.withStructures(plan.settings().catalogue()));
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
            PlanPainter.paint(g, scene);
        } finally {
            g.dispose();
        }
        String description = plan.plan().image(frame.sopInstanceUid()).map(PlanImage::description).orElse(null);
        return new AnnotatedFrame(frame, rgb, scene, description == null ? "" : description);
    }

    /** The frame's scale, mm per pixel along x, or null where nothing on it is calibrated. */
    public Double mmPerPixel() {
        PlanScene.ScaleBar bar = scene.scaleBar();
        return bar == null ? null : bar.mm() / bar.lengthPx();
    }

    /** "frame 3 of Transverse L4/L5" or "frame 3". */
    public String caption() {
        return "frame " + frame.frame() + (description.isBlank() ? "" : " of " + description);
    }
}
