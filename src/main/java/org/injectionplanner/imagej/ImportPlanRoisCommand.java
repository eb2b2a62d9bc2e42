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
import org.injectionplanner.plan.EditBatch;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.ProtocolPreset;
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
            CommandErrors.show("No ROIs to import: add points or closed shapes to the"
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
        try {
            Imported done = importRois(PluginWorkspace.editor(), imp, rois, fields, kind, margin,
                    PluginWorkspace.get().settings().defaultPreset());
            IJ.showStatus("Imported " + done.targets() + " targets and " + done.zones() + " zones"
                    + (done.skipped() > 0 ? "; " + done.skipped() + " lines or texts skipped" : ""));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /**
     * What an import added.
     *
     * @param targets targets added (one per point of the point ROIs)
     * @param zones zones added (one per closed shape)
     * @param skipped ROIs that are neither (lines, texts)
     */
    record Imported(int targets, int zones, int skipped) {
    }

    /**
     * Adds the ROIs to the editor's plan as targets (each point of a point ROI, with its injection from
     * {@code preset}) and zones (each closed shape), each on its ROI's frame, as ONE undoable edit: all or
     * nothing. Lines and texts are skipped.
     *
     * @throws IllegalArgumentException naming the first ROI that cannot become an annotation (e.g. a point off
     *     the image or a self-crossing outline); nothing is added then
     * @throws IllegalStateException if the plan is signed (nothing is added)
     */
    static Imported importRois(PlanEditor editor, ImagePlus imp, List<Roi> rois, TargetFields fields, ZoneKind kind,
            double marginMm, ProtocolPreset preset) {
        EditBatch batch = new EditBatch(editor.plan());
        int targets = 0;
        int zones = 0;
        int skipped = 0;
        for (int i = 0; i < rois.size(); i++) {
            Roi roi = rois.get(i);
            try {
                int frame = PlanRois.frameOf(roi, imp, imp.getCurrentSlice());
                if (roi.getType() == Roi.POINT) {
                    for (PixelPoint p : PlanRois.points(roi)) {
                        PlanActions.addTarget(batch, imp, frame, p, fields.structure(), fields.side(), fields.level(),
                                fields.label(), preset);
                        targets++;
                    }
                    continue;
                }
                ZoneShape shape = PlanRois.shape(roi);
                if (shape == null) {
                    skipped++;
                    continue;
                }
                PlanActions.addZone(batch, imp, frame, shape, kind, roi.getName() == null ? "" : roi.getName(),
                        marginMm);
                zones++;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ROI " + (i + 1) + " of " + rois.size()
                        + (roi.getName() == null ? "" : " \"" + roi.getName() + "\"") + " (" + roi.getTypeAsString()
                        + "): " + e.getMessage() + ". Nothing was imported.", e);
            }
        }
        if (!batch.isEmpty()) {
            editor.batch("Import " + targets + " targets and " + zones + " zones from ROIs", batch.edits());
        }
        return new Imported(targets, zones, skipped);
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
