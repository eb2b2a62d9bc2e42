package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.plugin.tool.PlugInTool;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.ZoneKind;
import org.injectionplanner.scene.PlanStyle;

/**
 * The Nerve Zone tool: click vertices and double-click (or click the first vertex) to close a polygon;
 * drag to draw an ellipse; Alt-drag to draw freehand; drag a vertex of a polygon zone (or the inside
 * of an ellipse) to edit it; Delete removes the selected zone. Each action records its equivalent
 * command line for the Macro Recorder.
 */
public final class NerveZoneTool extends PlugInTool {

    static final String NAME = "Nerve Zone";

    private final List<PixelPoint> clicked = new ArrayList<>();
    private PixelPoint pressAt;
    private List<PixelPoint> freehand;
    private boolean dragged;
    private NerveZone editing;
    private int editingVertex = -1;
    private ZoneShape editedShape;

    @Override
    public String getToolName() {
        return NAME;
    }

    @Override
    public String getToolIcon() {
        return "C07bP1f5a8ff6fdb8e68f1fL0000";
    }

    @Override
    public void mousePressed(ImagePlus imp, MouseEvent e) {
        if (!ToolSupport.begin(imp)) {
            return;
        }
        PixelPoint p = ToolSupport.imagePoint(imp, e);
        pressAt = p;
        dragged = false;
        editing = null;
        editedShape = null;
        freehand = e.isAltDown() ? new ArrayList<>(List.of(p)) : null;
        if (clicked.isEmpty() && freehand == null) {
            Optional<NerveZone> vertexZone = vertexAt(imp, p);
            if (vertexZone.isPresent()) {
                editing = vertexZone.get();
                PluginWorkspace.select(editing.id());
                return;
            }
            Optional<NerveZone> inside = ToolSupport.zoneAt(imp, p);
            if (inside.isPresent() && inside.get().shape() instanceof EllipseShape) {
                editing = inside.get();
                editingVertex = -1;
                PluginWorkspace.select(editing.id());
                return;
            }
        }
        e.consume();
    }

    @Override
    public void mouseDragged(ImagePlus imp, MouseEvent e) {
        PixelPoint p = ToolSupport.imagePoint(imp, e);
        dragged = true;
        if (editing != null) {
            editedShape = edited(editing.shape(), p);
            UUID zone = editing.id();
            ZoneShape shape = editedShape;
            ToolSupport.showPreview(imp, () -> PlanActions.withZoneReshaped(imp, zone, shape), zone);
        } else if (freehand != null) {
            freehand.add(p);
            imp.setRoi(rubberBand(freehand, Roi.POLYLINE));
        } else if (clicked.isEmpty() && pressAt != null) {
            imp.setRoi(rubberBand(ellipse(pressAt, p).outline(), Roi.POLYGON));
        }
        e.consume();
    }

    @Override
    public void mouseReleased(ImagePlus imp, MouseEvent e) {
        PixelPoint p = ToolSupport.imagePoint(imp, e);
        if (editing != null) {
            if (dragged && editedShape != null) {
                commitReshape(imp, editing, editedShape);
            }
            editing = null;
            return;
        }
        if (freehand != null && dragged) {
            List<PixelPoint> points = thin(freehand, ToolSupport.pickDistance(imp) / 2);
            freehand = null;
            imp.deleteRoi();
            if (points.size() >= 3) {
                finish(imp, new PolygonShape(points));
            }
            return;
        }
        if (clicked.isEmpty() && dragged && pressAt != null) {
            imp.deleteRoi();
            EllipseShape shape = ellipse(pressAt, p);
            if (shape.radiusX() > 1 && shape.radiusY() > 1) {
                finish(imp, shape);
            }
            return;
        }
        boolean closes = e.getClickCount() >= 2 || clicked.size() >= 3
                && Math.hypot(clicked.get(0).x() - p.x(), clicked.get(0).y() - p.y()) <= ToolSupport.pickDistance(imp);
        if (closes && clicked.size() >= 3) {
            List<PixelPoint> vertices = new ArrayList<>(clicked);
            clicked.clear();
            imp.deleteRoi();
            finish(imp, new PolygonShape(vertices));
            return;
        }
        if (e.getClickCount() < 2) {
            clicked.add(p);
            imp.setRoi(rubberBand(clicked, Roi.POLYLINE));
        }
    }

    private static EllipseShape ellipse(PixelPoint a, PixelPoint b) {
        return new EllipseShape(new PixelPoint((a.x() + b.x()) / 2, (a.y() + b.y()) / 2),
                Math.abs(b.x() - a.x()) / 2, Math.abs(b.y() - a.y()) / 2, 0);
    }

    private static PolygonRoi rubberBand(List<PixelPoint> points, int type) {
        float[] xs = new float[points.size()];
        float[] ys = new float[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) points.get(i).x();
            ys[i] = (float) points.get(i).y();
        }
        PolygonRoi roi = new PolygonRoi(xs, ys, type);
        roi.setStrokeColor(PlanStyle.CURRENT.zone());
        return roi;
    }

    /** Drops freehand points closer than {@code minDistance} to the previous kept one. */
    private static List<PixelPoint> thin(List<PixelPoint> points, double minDistance) {
        List<PixelPoint> out = new ArrayList<>();
        for (PixelPoint p : points) {
            PixelPoint last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || Math.hypot(last.x() - p.x(), last.y() - p.y()) >= minDistance) {
                out.add(p);
            }
        }
        return out;
    }

    private Optional<NerveZone> vertexAt(ImagePlus imp, PixelPoint p) {
        double limit = ToolSupport.pickDistance(imp);
        int slice = imp.getCurrentSlice();
        for (NerveZone z : PluginWorkspace.editor().plan().zones()) {
            if (AnnotatedImages.sliceOf(imp, z.image()) != slice || !(z.shape() instanceof PolygonShape poly)) {
                continue;
            }
            for (int i = 0; i < poly.vertices().size(); i++) {
                PixelPoint v = poly.vertices().get(i);
                if (Math.hypot(v.x() - p.x(), v.y() - p.y()) <= limit) {
                    editingVertex = i;
                    return Optional.of(z);
                }
            }
        }
        return Optional.empty();
    }

    private ZoneShape edited(ZoneShape shape, PixelPoint p) {
        if (shape instanceof PolygonShape poly && editingVertex >= 0) {
            List<PixelPoint> v = new ArrayList<>(poly.vertices());
            v.set(editingVertex, p);
            return new PolygonShape(v);
        }
        EllipseShape el = (EllipseShape) shape;
        double dx = p.x() - pressAt.x();
        double dy = p.y() - pressAt.y();
        return new EllipseShape(new PixelPoint(el.centre().x() + dx, el.centre().y() + dy), el.radiusX(),
                el.radiusY(), el.angleDeg());
    }

    private static void commitReshape(ImagePlus imp, NerveZone zone, ZoneShape shape) {
        try {
            PlanActions.reshapeZone(imp, zone.id(), shape);
            ToolSupport.record("Edit Plan Annotation...", "annotation=Z" + zone.number() + " "
                    + AddNerveZoneCommand.macroShape(shape));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            PluginWorkspace.refreshOverlays();
            IJ.showStatus(ex.getMessage());
        }
    }

    private static void finish(ImagePlus imp, ZoneShape shape) {
        int slice = imp.getCurrentSlice();
        GenericDialog gd = new GenericDialog("Nerve Zone");
        gd.addChoice("kind", AddNerveZoneCommand.KINDS, "nerve");
        gd.addStringField("name", "", 24);
        gd.addNumericField("margin", PluginWorkspace.get().settings().defaultMarginMm(), 1, 6, "mm");
        gd.showDialog();
        if (gd.wasCanceled()) {
            PluginWorkspace.refreshOverlays();
            return;
        }
        try {
            ZoneKind kind = ZoneKind.parse(gd.getNextChoice());
            String name = gd.getNextString().trim();
            double margin = gd.getNextNumber();
            NerveZone z = PlanActions.addZone(imp, slice, shape, kind, name, margin);
            PluginWorkspace.select(z.id());
            ToolSupport.record("Add Nerve Zone...", AddNerveZoneCommand.macroShape(shape)
                    + String.format(Locale.ROOT, " frame=%d kind=%s name=[%s] margin=%.1f", slice,
                    kind.name().toLowerCase(Locale.ROOT), name, margin));
        } catch (IllegalArgumentException | IllegalStateException ex) {
            CommandErrors.show(ex.getMessage());
        }
    }
}
