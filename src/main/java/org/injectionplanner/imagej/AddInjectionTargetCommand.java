package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;

/**
 * Plugins › Injection Planner › Add Injection Target...: places a target on the current image. Macro
 * keys: {@code x y} (pixels), {@code frame} (1-based), {@code structure} (catalogue id), {@code side}
 * (left, right, midline), {@code level} (e.g. L4/L5, or none), {@code label}.
 */
public final class AddInjectionTargetCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = AnnotatedImages.currentOrError();
        if (imp == null) {
            return;
        }
        TargetFields last = TargetFields.last();
        GenericDialog gd = new GenericDialog("Add Injection Target");
        gd.addNumericField("x", imp.getWidth() / 2.0, 1, 8, "pixels");
        gd.addNumericField("y", imp.getHeight() / 2.0, 1, 8, "pixels");
        gd.addNumericField("frame", imp.getCurrentSlice(), 0);
        TargetFields.addTo(gd, last, AnnotationNames.target(PluginWorkspace.editor().plan().nextTargetNumber()));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        double x = gd.getNextNumber();
        double y = gd.getNextNumber();
        int frame = (int) gd.getNextNumber();
        try {
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("x, y and frame must be numbers");
            }
            TargetFields fields = TargetFields.readFrom(gd);
            Target t = PlanActions.addTarget(imp, frame, new PixelPoint(x, y), fields.structure(), fields.side(),
                    fields.level(), fields.label());
            fields.remember();
            IJ.showStatus("Added T" + t.number() + " " + fields.structure().name()
                    + (t.depthMm() == null ? " (uncalibrated)"
                            : ", depth " + Decimals.ceilTenth(t.depthMm()) + " mm"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** Side names as the dialogs offer them. */
    static String[] sides() {
        return new String[] {"left", "right", "midline"};
    }

    /** Level names as the dialogs offer them, "none" first. */
    static String[] levels() {
        String[] out = new String[SpinalLevel.values().length + 1];
        out[0] = "none";
        for (int i = 0; i < SpinalLevel.values().length; i++) {
            out[i + 1] = SpinalLevel.values()[i].label();
        }
        return out;
    }

    /** The dialog name of a side. */
    static String sideName(Side s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
}
