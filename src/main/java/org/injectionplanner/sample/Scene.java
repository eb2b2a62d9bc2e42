package org.injectionplanner.sample;

import java.util.Arrays;
import java.util.Map;

/**
 * The anatomy of one view in tissue millimetres (u along the skin, d below it; see {@link Probe}), and
 * the textures shared by the views: skin, subcutaneous fat, fascia, muscle, cortical bone.
 *
 * <p>A scene is evaluated column by column: {@link #column(double)} once per image column, then
 * {@link #sample(double, Echo)} for each depth in that column. Instances are not thread-safe.
 */
abstract class Scene {

    /** Depth of the dermis–fat boundary, mm. */
    static final double SKIN_MM = 1.8;

    private static final long FAT_SEED = 0x5eed_fa7L;
    private static final long MUSCLE_SEED = 0x5eed_3a5cL;
    private static final long SKIN_SEED = 0x5eed_5c1dL;

    final Probe probe;

    Scene(Probe probe) {
        this.probe = probe;
    }

    /** Prepares the per-column quantities at tissue position u (mm). */
    abstract void column(double u);

    /** Fills {@code out} for depth d (mm) in the current column. */
    abstract void sample(double d, Echo out);

    /** Depth (mm) of the top of the bone surface at tissue position u, or NaN where there is no bone. */
    abstract double boneDepthMm(double u);

    /** Named landmarks in frame pixel coordinates (see {@link SyntheticUltrasound#landmarks}). */
    abstract Map<String, double[]> landmarks();

    /** Frame y (pixels) of the bone surface for every frame column, NaN where there is none. */
    final double[] boneSurfaceRow() {
        SyntheticUltrasound.Layout layout = probe.layout();
        double[] ys = new double[layout.width()];
        Arrays.fill(ys, Double.NaN);
        for (int x = layout.x0(); x <= layout.x1(); x++) {
            double b = boneDepthMm(probe.tissueU(x));
            ys[x] = Double.isNaN(b) ? Double.NaN : probe.frameY(b);
        }
        return ys;
    }

    /** Skin: the bright entry echo, then echogenic dermis. */
    static void skin(double u, double d, Echo out) {
        if (d < 0.22) {
            out.set(1.6, 1.0, 0);
        } else {
            double texture = Textures.valueNoise(SKIN_SEED, u / 0.7, d / 0.35);
            out.set(1.2 * (0.7 + 0.6 * texture), 0, 0);
        }
    }

    /** Subcutaneous fat: hypoechoic lobules separated by thin echogenic septa, mostly parallel to skin. */
    static double fat(double u, double d) {
        double lobule = Textures.valueNoise(FAT_SEED + 1, u / 3.5, d / 1.4);
        double septa = Textures.ridge(FAT_SEED, u / 8.0, d / 1.2, 10);
        double breaks = Textures.smoothstep(0.3, 0.6, Textures.valueNoise(FAT_SEED + 3, u / 3.0, d / 1.0));
        double fine = Textures.ridge(FAT_SEED + 2, u / 3.0, d / 0.6, 8);
        return 0.12 * (0.6 + 0.8 * lobule) + 1.1 * septa * (0.35 + 0.65 * breaks) + 0.25 * fine * breaks;
    }

    /**
     * Skeletal muscle: hypoechoic with echogenic fibro-fatty septa. {@code along} and {@code across} are
     * coordinates (mm) along and across the fibres (or, in short axis, the longer and shorter extent of
     * the fascicle bundles); {@code stretch} is how much longer the septa run along than across.
     */
    static double muscle(double along, double across, double stretch) {
        double bundle = Textures.valueNoise(MUSCLE_SEED + 1, along / 6.0, across / 2.0);
        double septa = Textures.ridge(MUSCLE_SEED, along / (1.6 * stretch), across / 1.6, 9);
        double breaks = Textures.smoothstep(0.35, 0.65,
                Textures.valueNoise(MUSCLE_SEED + 3, along / (0.8 * stretch), across / 0.8));
        double fine = Textures.ridge(MUSCLE_SEED + 2, along / (0.5 * stretch), across / 0.5, 7);
        double specks = Textures.smoothstep(0.72, 0.9, Textures.valueNoise(MUSCLE_SEED + 4, along / 0.4, across / 0.3));
        return 0.08 * (0.7 + 0.6 * bundle) + 0.85 * septa * (0.3 + 0.7 * breaks) + 0.18 * fine * breaks
                + 0.3 * specks;
    }

    /**
     * A fascial sheet: two thin bright laminae at depths top and top + thickness, with specular
     * component. Sets {@code out} and returns true if d is inside the sheet; otherwise leaves it alone.
     */
    static boolean fascia(double d, double top, double thickness, double u, Echo out) {
        if (d < top || d > top + thickness) {
            return false;
        }
        double t = (d - top) / thickness;
        double lamina = Math.max(bump(t, 0.22, 0.2), bump(t, 0.78, 0.2));
        double continuity = 0.35 + 0.9 * Textures.valueNoise(FAT_SEED + 7, u / 2.5, top);
        out.set(0.55 + 1.3 * lamina * continuity, 0.35 * lamina * continuity, 0);
        return true;
    }

    /**
     * Cortical bone at {@code depthBelowSurface} (mm, ≥ 0) under a surface with the given slope (mm of
     * depth per mm lateral): a bright specular line whose strength falls with the angle to the beam, then
     * near-total attenuation (acoustic shadow).
     */
    static void bone(double depthBelowSurface, double slope, Echo out) {
        double cos2 = 1 / (1 + slope * slope);
        double facing = 0.03 + 0.97 * cos2 * cos2 * cos2;
        double line = Math.max(0, 1 - depthBelowSurface / 0.55);
        out.set(0.9, 25.0 * facing * line * line, 48 * Textures.smoothstep(0.05, 0.4, depthBelowSurface));
    }

    /** A smooth bump of height 1 at c with half-width w (zero beyond). */
    static double bump(double x, double c, double w) {
        double t = (x - c) / w;
        if (t <= -1 || t >= 1) {
            return 0;
        }
        double s = 1 - t * t;
        return s * s;
    }
}
