package org.injectionplanner.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Longitudinal (craniocaudal) view along the long posterior sacroiliac ligament (LPSL) with a linear probe,
 * cranial to the left: skin, subcutaneous fat, the thoracolumbar/gluteal fascia and a thin muscle layer,
 * the LPSL as a fibrillar band running from just below the posterior superior iliac spine (PSIS, the bony
 * hump on the left) caudally over the dorsal sacrum, the ilium–sacrum cleft, multifidus over the sacrum,
 * and a middle cluneal nerve in short axis with a small companion vessel just deep to the ligament.
 * Depths are those of a lean adult.
 */
final class PosteriorSacroiliac extends Scene {

    private static final double PSIS_U = 7.0;
    private static final double PSIS_DEPTH = 15.2;
    private static final double PSIS_CURVATURE = 20.0;
    private static final double ILIUM_END = 18.6;
    private static final double SACRUM_START = 21.4;
    private static final double SACRUM_DEPTH = 27.2;
    private static final double CLEFT_DEPTH = 30.0;
    private static final double LIGAMENT_START = 7.0;
    private static final double LIGAMENT_DEPTH = 14.35;
    private static final double LIGAMENT_SLOPE = 0.24;
    private static final double FASCIA_DEPTH = 7.2;
    private static final double FASCIA_THICKNESS = 0.9;
    private static final double FIBRE_PERIOD = 0.6;
    private static final double VESSEL_U = 29.2;
    private static final double VESSEL_D = 22.9;
    private static final double VESSEL_R = 1.1;
    private static final long SEED = 0x5117L;

    private final double ligamentThickness;
    private final double lesion;
    private final double fibreRegularity;
    private final NerveSection nerve;

    private double u;
    private double boneTop;
    private double boneSlope;
    private double fasciaTop;
    private double ligamentCentre;
    private double ligamentTop;
    private double ligamentBottom;
    private boolean nerveColumn;
    private boolean vesselColumn;

    PosteriorSacroiliac(Probe probe, int session) {
        super(probe);
        ligamentThickness = session == 1 ? 3.0 : 3.5;
        lesion = session == 1 ? 0.6 : 0.2;
        fibreRegularity = session == 1 ? 0.45 : 0.75;
        nerve = new NerveSection(25.3, 22.3, 2.0, 1.5, 5, SEED);
    }

    @Override
    void column(double u) {
        this.u = u;
        boneTop = boneDepthMm(u);
        boneSlope = (boneDepthMm(u + 0.02) - boneDepthMm(u - 0.02)) / 0.04;
        fasciaTop = FASCIA_DEPTH + 1.4 * (Textures.valueNoise(SEED, u / 6.0, 0.5) - 0.5);
        ligamentCentre = LIGAMENT_DEPTH + LIGAMENT_SLOPE * (u - LIGAMENT_START);
        if (u >= LIGAMENT_START) {
            double thickness = ligamentThickness * Textures.smoothstep(LIGAMENT_START - 1.0, 15.0, u);
            ligamentTop = ligamentCentre - thickness / 2;
            ligamentBottom = Math.min(ligamentCentre + thickness / 2, boneTop);
        } else {
            ligamentTop = Double.NaN;
            ligamentBottom = Double.NaN;
        }
        nerveColumn = Math.abs(u - nerve.centreU) < nerve.radiusU;
        vesselColumn = Math.abs(u - VESSEL_U) < VESSEL_R * 1.3;
    }

    @Override
    void sample(double d, Echo out) {
        if (d < SKIN_MM) {
            skin(u, d, out);
            return;
        }
        if (!Double.isNaN(boneTop) && d >= boneTop) {
            bone(d - boneTop, boneSlope, out);
            if (u > ILIUM_END && u < SACRUM_START) {
                out.specular *= 0.12;
            }
            return;
        }
        if (d < fasciaTop) {
            out.set(fat(u, d), 0, 0);
            return;
        }
        if (fascia(d, fasciaTop, FASCIA_THICKNESS, u, out)) {
            return;
        }
        if (nerveColumn && nerve.contains(u, d)) {
            out.set(nerve.scatter(u, d), 0, 0);
            return;
        }
        if (vesselColumn && vessel(d, out)) {
            return;
        }
        if (d >= ligamentTop && d <= ligamentBottom) {
            out.set(ligament(d), 0.25 * fibreRegularity, 0);
            return;
        }
        if (d < ligamentTop || Double.isNaN(ligamentTop)) {
            double along = u * 0.985 + d * 0.17;
            double across = d * 0.985 - u * 0.17;
            out.set(muscle(along, across, 4.5), 0, 0);
            return;
        }
        if (u > ILIUM_END && u < SACRUM_START + 0.5) {
            out.set(interosseous(d), 0, 0);
            return;
        }
        if (u >= SACRUM_START) {
            double s = muscle(u + 200, d, 4.0);
            s *= 1 + 0.3 * Math.max(0, 1 - (boneTop - d) / 1.2);
            out.set(s, 0, 0);
            return;
        }
        out.set(0.55 * fat(u, d) + 0.2, 0, 0);
    }

    /**
     * The LPSL in long axis: parallel bright fibrils following the band; hypoechoic and less regular at
     * session 1 near its iliac attachment.
     */
    private double ligament(double d) {
        double across = d - ligamentCentre;
        double warp = 0.35 * Textures.valueNoise(SEED + 5, u / 3.0, across / 1.5);
        double stripe = 0.5 + 0.5 * Textures.sin(2 * Math.PI * (across + warp) / FIBRE_PERIOD);
        double continuity = Textures.valueNoise(SEED + 6, u / 2.2, across / 0.5);
        double fibrils = stripe * stripe * stripe * stripe
                * (0.4 + 0.6 * Textures.smoothstep(0.25, 0.6, continuity + fibreRegularity * 0.3));
        double fu = (u - 12.5) / 2.6;
        double fd = across / 1.0;
        double focus = bump(Math.sqrt(fu * fu + fd * fd), 0, 1);
        double base = 0.45 + 0.3 * Textures.valueNoise(SEED + 7, u / 1.5, d / 0.6);
        return (base + 2.6 * fibrils) * (1 - lesion * focus);
    }

    /** Dorsal interosseous ligament filling the ilium–sacrum cleft: coarse, disorganised echoes. */
    private double interosseous(double d) {
        return 0.2 + 0.5 * Textures.ridge(SEED + 8, u / 1.2, d / 1.6, 6)
                + 0.2 * Textures.valueNoise(SEED + 9, u / 0.8, d / 0.8);
    }

    /**
     * A small artery in short axis: anechoic lumen (posterior enhancement) with a bright wall, and
     * refraction shadows below its lateral edges.
     */
    private boolean vessel(double d, Echo out) {
        double du = u - VESSEL_U;
        double dd = d - VESSEL_D;
        double r = Math.sqrt(du * du + dd * dd) / VESSEL_R;
        if (r > 1.35) {
            return false;
        }
        double edge = r == 0 ? 0 : Math.abs(du) / (r * VESSEL_R);
        double edgeShadow = 70 * Textures.smoothstep(0.7, 0.95, edge) * bump(r, 1.05, 0.3);
        if (r < 0.88) {
            out.set(0.015, 0, -3.0);
        } else if (r < 1.02) {
            out.set(1.3, 0.25, edgeShadow);
        } else {
            out.set(0.3, 0, edgeShadow);
        }
        return true;
    }

    @Override
    double boneDepthMm(double u) {
        if (u < ILIUM_END) {
            double t = u - PSIS_U;
            return PSIS_DEPTH + t * t / PSIS_CURVATURE;
        }
        double iliumEdge = PSIS_DEPTH + (ILIUM_END - PSIS_U) * (ILIUM_END - PSIS_U) / PSIS_CURVATURE;
        if (u < ILIUM_END + 0.7) {
            return iliumEdge + (CLEFT_DEPTH - iliumEdge) * (u - ILIUM_END) / 0.7;
        }
        if (u < SACRUM_START - 0.8) {
            return CLEFT_DEPTH;
        }
        if (u < SACRUM_START) {
            return CLEFT_DEPTH + (SACRUM_DEPTH - CLEFT_DEPTH) * (u - SACRUM_START + 0.8) / 0.8;
        }
        double t = u - SACRUM_START;
        return SACRUM_DEPTH - 0.12 * t - 0.9 * bump(u, 30.5, 3.0) + 0.25 * Textures.sin(t * 0.9);
    }

    @Override
    Map<String, double[]> landmarks() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("skin", new double[] {probe.frameY(0)});
        m.put("bone", point(32.0, boneDepthMm(32.0)));
        m.put("boneSurface", boneSurfaceRow());
        m.put("psis", point(PSIS_U, PSIS_DEPTH));
        m.put("joint", point((ILIUM_END + SACRUM_START) / 2, CLEFT_DEPTH));
        column(16.0);
        m.put("ligament", new double[] {probe.frameX(16.0), probe.frameY(ligamentTop), probe.frameY(ligamentBottom)});
        m.put("nerve", new double[] {probe.frameX(nerve.centreU), probe.frameY(nerve.centreD),
                probe.pixelsX(nerve.radiusU), probe.pixelsY(nerve.radiusD)});
        m.put("vessel", new double[] {probe.frameX(VESSEL_U), probe.frameY(VESSEL_D), probe.pixelsX(VESSEL_R)});
        return m;
    }

    private double[] point(double u, double d) {
        return new double[] {probe.frameX(u), probe.frameY(d)};
    }
}
