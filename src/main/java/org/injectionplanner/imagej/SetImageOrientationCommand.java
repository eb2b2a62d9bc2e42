package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.injectionplanner.plan.EditBatch;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;

/**
 * Plugins › Injection Planner › Plan › Set Image Orientation...: which way the active image's left and right
 * edges face in the patient (R / L on a transverse image, CRAN / CAUD on a longitudinal one), where the
 * patient's midline lies on a transverse image, and who says so; "unknown" clears it. Set for every instance of
 * the image's series, as one undoable edit. Macro keys: {@code left}, {@code right} (R, L, CRAN, CAUD or
 * unknown), {@code midline} (pixel x of the midline, e.g. the spinous process; transverse only),
 * {@code physician}.
 */
public final class SetImageOrientationCommand implements PlugIn {

    private static final String UNKNOWN = "unknown";
    private static final String[] EDGES = {"R", "L", "CRAN", "CAUD", UNKNOWN};

    @Override
    public void run(String arg) {
        ImagePlus imp = AnnotatedImages.currentOrError();
        if (imp == null) {
            return;
        }
        SessionPlan plan = PluginWorkspace.editor().plan();
        ImageSides now = current(imp, plan);
        GenericDialog gd = new GenericDialog("Set Image Orientation");
        gd.addMessage("Which way the edges of \"" + imp.getTitle() + "\" face in the patient (the top is the skin):\n"
                + "R / L on a transverse image, CRAN / CAUD on a longitudinal one. Now: "
                + (now == null ? "not known" : now.describe()));
        gd.addChoice("left edge", EDGES, now == null ? UNKNOWN : now.leftEdge().marker());
        gd.addChoice("right edge", EDGES, now == null ? UNKNOWN : now.rightEdge().marker());
        gd.addNumericField("midline x (transverse)", now != null && now.midlineX() != null ? now.midlineX()
                : imp.getWidth() / 2.0, 1, 8, "px, e.g. the spinous process");
        gd.addStringField("physician", PluginSettings.defaultAuthor(plan), 24);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        try {
            ImageSides sides = sides(gd.getNextChoice(), gd.getNextChoice(), gd.getNextNumber(), gd.getNextString(),
                    imp.getWidth());
            EditBatch batch = new EditBatch(plan);
            for (PlanImage image : instances(imp).values()) {
                batch.add(PlanEdits.setImageSides(image, sides));
            }
            PluginWorkspace.editor().batch(sides == null ? "Clear image orientation"
                    : "Set image orientation " + sides.leftEdge().marker() + "/" + sides.rightEdge().marker(),
                    batch.edits());
            IJ.showStatus("\"" + imp.getTitle() + "\": " + (sides == null ? "orientation not known"
                    : sides.describe()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** The sides the dialog's answers give, or null for "unknown" on both edges. */
    private static ImageSides sides(String left, String right, double midlineX, String physician, int width) {
        if (left.equals(UNKNOWN) && right.equals(UNKNOWN)) {
            return null;
        }
        if (left.equals(UNKNOWN) || right.equals(UNKNOWN)) {
            throw new IllegalArgumentException("give both edges of the image, or \"unknown\" for both (left edge "
                    + left + ", right edge " + right + ")");
        }
        PatientDirection l = PatientDirection.parse(left);
        if (PatientDirection.parse(right) != l.opposite()) {
            throw new IllegalArgumentException("the right edge must face the opposite of the left edge: left "
                    + l.marker() + " needs right " + l.opposite().marker() + ", not " + right);
        }
        if (l.transverse() && !(Double.isFinite(midlineX) && midlineX >= 0 && midlineX <= width)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the midline x must lie on the image, 0 to %d px, got %s", width, midlineX));
        }
        return new ImageSides(l, l.transverse() ? midlineX : null, ImageSides.Source.PHYSICIAN, physician);
    }

    /** The sides the plan records for the image's current slice, or null. */
    private static ImageSides current(ImagePlus imp, SessionPlan plan) {
        return plan.image(AnnotatedImages.refFor(imp, imp.getCurrentSlice()).sopInstanceUid())
                .map(PlanImage::sides).orElse(null);
    }

    /** The plan records of the image's instances (one for a single-file image or cine), by SOP Instance UID. */
    private static Map<String, PlanImage> instances(ImagePlus imp) {
        Map<String, PlanImage> images = new LinkedHashMap<>();
        for (int slice = 1; slice <= imp.getStackSize(); slice++) {
            String uid = AnnotatedImages.refFor(imp, slice).sopInstanceUid();
            if (!images.containsKey(uid)) {
                images.put(uid, AnnotatedImages.planImage(imp, slice));
            }
        }
        return images;
    }
}
