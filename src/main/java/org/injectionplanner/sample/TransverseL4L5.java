package org.injectionplanner.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Transverse (axial) view over the L4 spinous process at the L4–L5 level with a linear probe, midline in
 * the middle of the image: skin, subcutaneous fat with a cutaneous nerve in short axis, the
 * thoracolumbar fascia, the supraspinous ligament capping the spinous-process tip, multifidus and
 * longissimus with the septum between them, and deep to them the laminae and facet joints (bright
 * cortex, acoustic shadow beneath). Depths are those of a lean adult.
 */
final class TransverseL4L5 extends Scene {

    private static final double MIDLINE = 19.0;
    private static final double TIP_DEPTH = 14.8;
    private static final double TIP_RADIUS = 2.3;
    private static final double TIP_HALF_WIDTH = 2.9;
    private static final double LAMINA_START = 3.4;
    private static final double LAMINA_DEPTH = 26.5;
    private static final double FACET_GAP = 12.2;
    private static final double LIGAMENT_HALF_WIDTH = 4.8;
    private static final double FASCIA_DEPTH = 10.3;
    private static final double FASCIA_THICKNESS = 0.9;
    private static final double SEPTUM_TOP = 15.5;
    private static final double SEPTUM_BOTTOM = 11.7;
    private static final long SEED = 0x1445L;

    private final double ligamentThickness;
    private final double lesion;
    private final NerveSection nerve;

    private double u;
    private double a;
    private double boneTop;
    private double boneSlope;
    private double fasciaTop;
    private double ligamentTop;
    private double ligamentBottom;
    private double septumDepth;
    private double septumCos;
    private boolean nerveColumn;

    TransverseL4L5(Probe probe, int session) {
        super(probe);
        ligamentThickness = session == 1 ? 3.6 : 4.1;
        lesion = session == 1 ? 0.6 : 0.2;
        nerve = new NerveSection(MIDLINE + 10.8, 8.1, 2.5, 1.9, 6, SEED);
    }

    @Override
    void column(double u) {
        this.u = u;
        a = Math.abs(u - MIDLINE);
        boneTop = boneDepthMm(u);
        boneSlope = (boneDepthMm(u + 0.02) - boneDepthMm(u - 0.02)) / 0.04;
        double centre = TIP_DEPTH - ligamentThickness / 2 + 0.4;
        double semi = ligamentThickness / 2 + 0.4;
        if (a < LIGAMENT_HALF_WIDTH) {
            double t = a / LIGAMENT_HALF_WIDTH;
            double half = semi * Math.sqrt(1 - t * t);
            ligamentTop = centre - half;
            ligamentBottom = centre + half;
        } else {
            ligamentTop = Double.NaN;
            ligamentBottom = Double.NaN;
        }
        fasciaTop = FASCIA_DEPTH + 1.6 * (Textures.valueNoise(SEED, u / 7.0, 0.5) - 0.5);
        if (a < LIGAMENT_HALF_WIDTH + 1.0) {
            double t = a / (LIGAMENT_HALF_WIDTH + 1.0);
            double capTop = centre - semi * Math.sqrt(1 - t * t);
            fasciaTop = Math.min(fasciaTop, capTop - FASCIA_THICKNESS);
        }
        double nerveDistance = Math.abs(u - nerve.centreU) / nerve.radiusU;
        nerveColumn = nerveDistance < 1;
        double underNerve = nerve.centreD + nerve.radiusD + 0.15;
        if (fasciaTop < underNerve) {
            fasciaTop += (underNerve - fasciaTop) * (1 - Textures.smoothstep(1.0, 1.8, nerveDistance));
        }
        if (a > SEPTUM_BOTTOM && a < SEPTUM_TOP) {
            double t = (SEPTUM_TOP - a) / (SEPTUM_TOP - SEPTUM_BOTTOM);
            double top = FASCIA_DEPTH + FASCIA_THICKNESS;
            double bottom = laminaDepth(SEPTUM_BOTTOM);
            septumDepth = top + (bottom - top) * t * t + 0.3 * Textures.sin(t * 9);
            double slope = (bottom - top) * 2 * t / (SEPTUM_TOP - SEPTUM_BOTTOM);
            septumCos = 1 / Math.sqrt(1 + slope * slope);
        } else {
            septumDepth = Double.NaN;
        }
    }

    @Override
    void sample(double d, Echo out) {
        if (d < SKIN_MM) {
            skin(u, d, out);
            return;
        }
        if (!Double.isNaN(boneTop) && d >= boneTop) {
            bone(d - boneTop, boneSlope, out);
            return;
        }
        if (nerveColumn && nerve.contains(u, d)) {
            out.set(nerve.scatter(u, d), 0, 0);
            return;
        }
        if (d < fasciaTop) {
            out.set(fat(u, d), 0, 0);
            return;
        }
        if (fascia(d, fasciaTop, FASCIA_THICKNESS, u, out)) {
            return;
        }
        if (d >= ligamentTop && d <= ligamentBottom) {
            out.set(ligament(d), 0, 0);
            return;
        }
        boolean multifidus = Double.isNaN(septumDepth) ? a < SEPTUM_BOTTOM : d > septumDepth;
        double m = multifidus ? muscle(u, d, 2.6) : muscle(u + 100, d, 3.2);
        if (!Double.isNaN(septumDepth)) {
            double dist = Math.abs(d - septumDepth) * septumCos;
            m += 0.8 * Math.max(0, 1 - dist / 0.2)
                    * Textures.smoothstep(0.25, 0.5, Textures.valueNoise(SEED + 5, d / 2.0, 0.5));
        }
        double aboveBone = Double.isNaN(boneTop) ? 99 : boneTop - d;
        m *= 1 + 0.25 * Math.max(0, 1 - aboveBone / 1.2);
        out.set(m, 0, 0);
    }

    /** Supraspinous ligament in short axis: stippled fibre bundles, with a hypoechoic focus at session 1. */
    private double ligament(double d) {
        double fibres = Textures.ridge(SEED + 3, u / 1.3, d / 0.32, 5);
        double bundles = Textures.valueNoise(SEED + 4, u / 0.9, d / 0.5);
        double fu = (u - MIDLINE - 1.4) / 1.5;
        double fd = (d - TIP_DEPTH + 2.2) / 0.8;
        double focus = bump(Math.sqrt(fu * fu + fd * fd), 0, 1);
        return (0.7 + 0.5 * bundles + 2.2 * fibres) * (1 - lesion * focus);
    }

    @Override
    double boneDepthMm(double u) {
        double a = Math.abs(u - MIDLINE);
        if (a < TIP_HALF_WIDTH) {
            return TIP_DEPTH + a * a / (2 * TIP_RADIUS);
        }
        if (a < LAMINA_START) {
            double side = TIP_DEPTH + TIP_HALF_WIDTH * TIP_HALF_WIDTH / (2 * TIP_RADIUS);
            return side + (LAMINA_DEPTH - side) * (a - TIP_HALF_WIDTH) / (LAMINA_START - TIP_HALF_WIDTH);
        }
        return laminaDepth(a);
    }

    /** Lamina, facet joint cleft and superior articular process, by distance a (mm) from the midline. */
    private static double laminaDepth(double a) {
        if (a < FACET_GAP - 0.4) {
            double t = a - LAMINA_START;
            return LAMINA_DEPTH + 0.45 * t - 0.012 * t * t + 0.25 * Textures.sin(t * 0.7);
        }
        if (a < FACET_GAP + 0.4) {
            double edge = laminaDepth(FACET_GAP - 0.41);
            return edge + 1.8 * (1 - Math.abs(a - FACET_GAP) / 0.4);
        }
        if (a < 15.6) {
            return 28.6 + 0.32 * (a - 14.2) * (a - 14.2);
        }
        return 28.6 + 0.32 * 1.96 + 1.1 * (a - 15.6);
    }

    @Override
    Map<String, double[]> landmarks() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("skin", new double[] {probe.frameY(0)});
        m.put("bone", point(MIDLINE - 7.5, boneDepthMm(MIDLINE - 7.5)));
        m.put("boneSurface", boneSurfaceRow());
        m.put("spinousProcess", point(MIDLINE, TIP_DEPTH));
        m.put("facetLeft", point(MIDLINE - FACET_GAP, laminaDepth(FACET_GAP - 0.41)));
        m.put("facetRight", point(MIDLINE + FACET_GAP, laminaDepth(FACET_GAP - 0.41)));
        column(MIDLINE);
        m.put("ligament", new double[] {probe.frameX(MIDLINE), probe.frameY(ligamentTop), probe.frameY(TIP_DEPTH)});
        m.put("nerve", new double[] {probe.frameX(nerve.centreU), probe.frameY(nerve.centreD),
                probe.pixelsX(nerve.radiusU), probe.pixelsY(nerve.radiusD)});
        return m;
    }

    private double[] point(double u, double d) {
        return new double[] {probe.frameX(u), probe.frameY(d)};
    }
}
