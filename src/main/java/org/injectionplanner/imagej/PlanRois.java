package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.AnnotationNames;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * Plan annotations as ImageJ ROIs and back: a RoiSet.zip the ROI Manager opens, where every ROI keeps
 * its frame (T position and an {@code injectionplanner.frame} property, which survive ImageJ's ROI
 * encoding where a PointRoi's plain slice position does not), and the conversion of ROIs drawn with
 * ImageJ's own tools into targets (points) and zones (closed shapes).
 */
final class PlanRois {

    static final String PROP_KIND = "injectionplanner.kind";
    static final String PROP_FRAME = "injectionplanner.frame";
    static final String PROP_SOP = "injectionplanner.sopInstanceUID";

    private PlanRois() {
    }

    /** The plan's annotations as ROIs, targets first, in plan order. */
    static List<Roi> toRois(SessionPlan plan) {
        List<Roi> rois = new ArrayList<>();
        for (Target t : plan.targets()) {
            PointRoi roi = new PointRoi(t.point().x(), t.point().y());
            roi.setName(AnnotationNames.of(t) + " " + t.label());
            describe(roi, "target", t.id().toString(), t.image().frame(), t.image().sopInstanceUid());
            rois.add(roi);
        }
        for (NerveZone z : plan.zones()) {
            List<PixelPoint> outline = z.shape().outline();
            float[] xs = new float[outline.size()];
            float[] ys = new float[outline.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) outline.get(i).x();
                ys[i] = (float) outline.get(i).y();
            }
            PolygonRoi roi = new PolygonRoi(xs, ys, Roi.POLYGON);
            roi.setName(AnnotationNames.of(z) + " " + z.name());
            describe(roi, "zone", z.id().toString(), z.image().frame(), z.image().sopInstanceUid());
            roi.setProperty("injectionplanner.marginMm", Double.toString(z.marginMm()));
            rois.add(roi);
        }
        return rois;
    }

    private static void describe(Roi roi, String kind, String id, int frame, String sop) {
        roi.setPosition(0, 0, frame);
        roi.setProperty(PlanOverlay.PROP_ID, id);
        roi.setProperty(PROP_KIND, kind);
        roi.setProperty(PROP_FRAME, Integer.toString(frame));
        roi.setProperty(PROP_SOP, sop);
    }

    /** Writes ROIs as a RoiSet.zip (the ROI Manager's format). */
    static void writeZip(List<Roi> rois, Path zip) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip));
                ZipOutputStream out = new ZipOutputStream(file)) {
            int i = 1;
            for (Roi roi : rois) {
                String name = String.format("%04d-%s.roi", i++, roi.getName().replaceAll("[^A-Za-z0-9._-]+", "_"));
                out.putNextEntry(new ZipEntry(name));
                out.write(RoiEncoder.saveAsByteArray(roi));
                out.closeEntry();
            }
        }
    }

    /** The frame a ROI belongs to: its T position, else its slice position, else {@code current}. */
    static int frameOf(Roi roi, ImagePlus imp, int current) {
        String stored = roi.getProperty(PROP_FRAME);
        if (stored != null && stored.matches("\\d+")) {
            return Integer.parseInt(stored);
        }
        if (roi.getTPosition() > 0) {
            return roi.getTPosition();
        }
        if (roi.getPosition() > 0) {
            return roi.getPosition();
        }
        return current;
    }

    /** The points of a point ROI, in pixel coordinates. */
    static List<PixelPoint> points(Roi roi) {
        FloatPolygon p = roi.getFloatPolygon();
        List<PixelPoint> out = new ArrayList<>();
        for (int i = 0; i < p.npoints; i++) {
            out.add(new PixelPoint(p.xpoints[i], p.ypoints[i]));
        }
        return out;
    }

    /** A closed ROI (rectangle, oval, polygon, freehand, ellipse) as a zone shape; null for others. */
    static ZoneShape shape(Roi roi) {
        if (!roi.isArea()) {
            return null;
        }
        FloatPolygon p = roi.getFloatPolygon();
        List<PixelPoint> vertices = new ArrayList<>();
        for (int i = 0; i < p.npoints; i++) {
            PixelPoint v = new PixelPoint(p.xpoints[i], p.ypoints[i]);
            if (vertices.isEmpty() || !vertices.get(vertices.size() - 1).equals(v)) {
                vertices.add(v);
            }
        }
        if (vertices.size() > 1 && vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
            vertices.remove(vertices.size() - 1);
        }
        return vertices.size() >= 3 ? new PolygonShape(vertices) : null;
    }
}
