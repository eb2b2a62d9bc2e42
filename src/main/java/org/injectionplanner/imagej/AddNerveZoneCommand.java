package org.injectionplanner.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.ZoneKind;

/**
 * Plugins › Injection Planner › Add Nerve Zone...: draws a needle-avoidance zone on the current image.
 * Macro keys: {@code points} as {@code x1,y1;x2,y2;...} (a polygon) or {@code ellipse} as
 * {@code cx,cy,rx,ry[,angle]} (pixels, angle in degrees), {@code frame}, {@code kind} (nerve, vessel,
 * bone, other), {@code name}, {@code margin} (mm).
 */
public final class AddNerveZoneCommand implements PlugIn {

    static final String[] KINDS = java.util.Arrays.stream(ZoneKind.values())
            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);

    @Override
    public void run(String arg) {
        ImagePlus imp = AnnotatedImages.currentOrError();
        if (imp == null) {
            return;
        }
        GenericDialog gd = new GenericDialog("Add Nerve Zone");
        gd.addStringField("points", "", 40);
        gd.addStringField("ellipse", "", 20);
        gd.addMessage("Polygon: x1,y1;x2,y2;... in pixels, or ellipse: cx,cy,rx,ry[,angle°]");
        gd.addNumericField("frame", imp.getCurrentSlice(), 0);
        gd.addChoice("kind", KINDS, "nerve");
        gd.addStringField("name", "", 24);
        gd.addNumericField("margin", PluginWorkspace.get().settings().defaultMarginMm(), 1, 6, "mm");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String points = gd.getNextString().trim();
        String ellipse = gd.getNextString().trim();
        int frame = (int) gd.getNextNumber();
        ZoneKind kind = ZoneKind.parse(gd.getNextChoice());
        String name = gd.getNextString().trim();
        double margin = gd.getNextNumber();
        try {
            if (gd.invalidNumber()) {
                throw new IllegalArgumentException("frame and margin must be numbers");
            }
            ZoneShape shape = parseShape(points, ellipse);
            NerveZone z = PlanActions.addZone(imp, frame, shape, kind, name, margin);
            IJ.showStatus("Added Z" + z.number() + " " + name
                    + (z.calibration().isCalibrated() ? "" : " (uncalibrated: margin cannot be drawn)"));
        } catch (IllegalArgumentException | IllegalStateException e) {
            CommandErrors.show(e.getMessage());
        }
    }

    /** A polygon from "x1,y1;x2,y2;..." or an ellipse from "cx,cy,rx,ry[,angle]" (exactly one given). */
    static ZoneShape parseShape(String points, String ellipse) {
        if (points.isEmpty() == ellipse.isEmpty()) {
            throw new IllegalArgumentException("give either points (x1,y1;x2,y2;...) or an ellipse "
                    + "(cx,cy,rx,ry[,angle])");
        }
        if (!ellipse.isEmpty()) {
            double[] v = numbers(ellipse, "ellipse");
            if (v.length != 4 && v.length != 5) {
                throw new IllegalArgumentException("ellipse needs cx,cy,rx,ry or cx,cy,rx,ry,angle; got '"
                        + ellipse + "'");
            }
            return new EllipseShape(new PixelPoint(v[0], v[1]), v[2], v[3], v.length == 5 ? v[4] : 0);
        }
        List<PixelPoint> vertices = new ArrayList<>();
        for (String pair : points.split(";")) {
            double[] v = numbers(pair, "points");
            if (v.length != 2) {
                throw new IllegalArgumentException("each point needs x,y; got '" + pair.trim() + "'");
            }
            vertices.add(new PixelPoint(v[0], v[1]));
        }
        return new PolygonShape(vertices);
    }

    private static double[] numbers(String text, String field) {
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + parts[i].trim() + "' is not a number");
            }
        }
        return out;
    }

    /** The macro form of a shape: "points=[...]" or "ellipse=[...]". */
    static String macroShape(ZoneShape shape) {
        if (shape instanceof EllipseShape e) {
            return String.format(Locale.ROOT, "ellipse=%.2f,%.2f,%.2f,%.2f,%.2f", e.centre().x(), e.centre().y(),
                    e.radiusX(), e.radiusY(), e.angleDeg());
        }
        StringBuilder sb = new StringBuilder("points=[");
        List<PixelPoint> v = ((PolygonShape) shape).vertices();
        for (int i = 0; i < v.size(); i++) {
            sb.append(i > 0 ? ";" : "").append(String.format(Locale.ROOT, "%.2f,%.2f", v.get(i).x(), v.get(i).y()));
        }
        return sb.append(']').toString();
    }
}
