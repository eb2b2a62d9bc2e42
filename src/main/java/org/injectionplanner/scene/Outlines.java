package org.injectionplanner.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.MmScale;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;

/** The outlines a scene draws: zone outlines thinned for drawing, and margin outlines, kept once computed. */
final class Outlines {

    /**
     * How far, in image pixels, a zone's drawn outline may stray from its outline: an ellipse's outline
     * is exact to 0.01 pixel, and every extra vertex makes the antialiased outline dearer to draw.
     */
    static final double DRAWING_TOLERANCE_PX = 0.1;

    /** The most margin outlines kept: every step of dragging a zone's vertex makes a new shape. */
    private static final int MARGINS_KEPT = 512;

    /**
     * Margin outlines by zone shape, margin and scale, least recently used first: computing them is the
     * costly part of building a scene.
     */
    private static final Map<MarginKey, List<List<PixelPoint>>> MARGINS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MarginKey, List<List<PixelPoint>>> eldest) {
            return size() > MARGINS_KEPT;
        }
    };

    private record MarginKey(ZoneShape shape, double marginMm, MmScale scale) {
    }

    private Outlines() {
    }

    /** The outlines {@code marginMm} outside a zone (image pixels), as {@link CalibratedGeometry#marginOutline}. */
    static List<List<PixelPoint>> margin(ZoneShape shape, double marginMm, MmScale scale) {
        synchronized (MARGINS) {
            return MARGINS.computeIfAbsent(new MarginKey(shape, marginMm, scale),
                    k -> CalibratedGeometry.marginOutline(k.shape(), k.marginMm(), k.scale()));
        }
    }

    /**
     * The vertices of a closed outline (image pixels) that keep it within {@code tolerance} pixels
     * (Douglas–Peucker), in order.
     */
    static List<PixelPoint> simplified(List<PixelPoint> ring, double tolerance) {
        int n = ring.size();
        if (n <= 4) {
            return ring;
        }
        boolean[] keep = new boolean[n + 1];
        keep[0] = true;
        keep[n] = true;
        int far = 0;
        for (int i = 1; i < n; i++) {
            if (distance(ring.get(i), ring.get(0)) > distance(ring.get(far), ring.get(0))) {
                far = i;
            }
        }
        keep[far] = true;
        simplify(ring, 0, far, tolerance, keep);
        simplify(ring, far, n, tolerance, keep);
        List<PixelPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(ring.get(i));
            }
        }
        return out;
    }

    /** Marks the vertices between {@code from} and {@code to} (index n meaning vertex 0) to keep. */
    private static void simplify(List<PixelPoint> ring, int from, int to, double tolerance, boolean[] keep) {
        PixelPoint a = ring.get(from);
        PixelPoint b = ring.get(to % ring.size());
        double length = distance(a, b);
        int worst = -1;
        double worstDistance = tolerance;
        for (int i = from + 1; i < to; i++) {
            PixelPoint p = ring.get(i);
            double d = length == 0 ? distance(p, a)
                    : Math.abs((b.x() - a.x()) * (a.y() - p.y()) - (a.x() - p.x()) * (b.y() - a.y())) / length;
            if (d > worstDistance) {
                worst = i;
                worstDistance = d;
            }
        }
        if (worst > 0) {
            keep[worst] = true;
            simplify(ring, from, worst, tolerance, keep);
            simplify(ring, worst, to, tolerance, keep);
        }
    }

    private static double distance(PixelPoint a, PixelPoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
