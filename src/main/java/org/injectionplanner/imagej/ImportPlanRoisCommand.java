package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.ZoneKind;

/**
 * Plugins › Injection Planner › Import Plan Annotations from ROIs: turns the ROI Manager's ROIs (or,
 * when it is empty, the current image's own overlay) into plan annotations on the current image: points
 * become targets, closed shapes become zones, each on the frame of its ROI. Macro keys: {@code structure
 * side level} for the new targets, {@code kind margin} for the new zones.
 */
public final class ImportPlanRoisCommand implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = AnnotatedImages.currentOrError();
        if (imp == null) {
            return;
        }
        List<Roi> rois = sourceRois(imp);
        if (rois.isEmpty()) {
            IJ.error(OpenUltrasoundStudyCommand.TITLE, "No ROIs to import: add points or closed shapes to the"
                    + " ROI Manager or to the image's overlay first.");
            return;
        }
        GenericDialog gd = new GenericDialog("Import Plan Annotations from ROIs");
        gd.addMessage(rois.size() + " ROIs: points become targets, closed shapes become zones.");
        TargetFields.addTo(gd, TargetFields.last(), "");
        gd.addChoice("kind", AddNerveZoneCommand.KINDS, "nerve");
        gd.addNumericField("margin", PluginWorkspace.get().settings().defaultMarginMm(), 1, 6, "mm");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        TargetFields fields = TargetFields.readFrom(gd);
        ZoneKind kind = ZoneKind.parse(gd.getNextChoice());
        double margin = gd.getNextNumber();
        int targets = 0;
        int zones = 0;
        int skipped = 0;
        try {
            for (Roi roi : rois) {
                int frame = PlanRois.frameOf(roi, imp, imp.getCurrentSlice());
                if (roi.getType() == Roi.POINT) {
                    for (PixelPoint p : PlanRois.points(roi)) {
                        PlanActions.addTarget(imp, frame, p, fields.structure(), fields.side(), fields.level(),
                                fields.label());
                        targets++;
                    }
                    continue;
                }
                ZoneShape shape = PlanRois.shape(roi);
                if (shape == null) {
                    skipped++;
                    continue;
                }
                PlanActions.addZone(imp, frame, shape, kind, roi.getName() == null ? "" : roi.getName(), margin);
                zones++;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            IJ.error(OpenUltrasoundStudyCommand.TITLE, e.getMessage());
        }
        IJ.showStatus("Imported " + targets + " targets and " + zones + " zones"
                + (skipped > 0 ? "; " + skipped + " lines or texts skipped" : ""));
    }

    private static List<Roi> sourceRois(ImagePlus imp) {
        List<Roi> rois = new ArrayList<>();
        RoiManager rm = RoiManager.getInstance();
        if (rm != null && rm.getCount() > 0) {
            rois.addAll(List.of(rm.getRoisAsArray()));
            return rois;
        }
        Overlay ov = imp.getOverlay();
        if (ov != null) {
            for (Roi r : ov.toArray()) {
                if (r.getProperty(PlanOverlay.MARK) == null && r.getProperty(RegionOverlay.MARK) == null) {
                    rois.add(r);
                }
            }
        }
        return rois;
    }
}
