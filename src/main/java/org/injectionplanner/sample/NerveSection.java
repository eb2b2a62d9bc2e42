package org.injectionplanner.sample;

/**
 * A peripheral nerve in cross-section (short axis): the "honeycomb" pattern of hypoechoic fascicles in a
 * hyperechoic interfascicular epineurium, inside a bright epineurial rim. Shape in tissue millimetres.
 */
final class NerveSection {

    private static final double RIM = 0.14;
    private static final double FASCICLE_SCATTER = 0.10;
    private static final double MATRIX_SCATTER = 1.1;
    private static final double RIM_SCATTER = 1.8;

    final double centreU;
    final double centreD;
    final double radiusU;
    final double radiusD;
    private final double[] fascicleA;
    private final double[] fascicleB;
    private final double[] fascicleR;

    /**
     * A nerve with a central fascicle and a ring of {@code around} fascicles round it.
     *
     * @param centreU centre, tissue u in mm
     * @param centreD centre, depth in mm
     * @param radiusU lateral semi-axis, mm
     * @param radiusD axial semi-axis, mm
     * @param around number of fascicles in the ring round the central one
     * @param seed jitter of the fascicle positions
     */
    NerveSection(double centreU, double centreD, double radiusU, double radiusD, int around, long seed) {
        this.centreU = centreU;
        this.centreD = centreD;
        this.radiusU = radiusU;
        this.radiusD = radiusD;
        fascicleA = new double[1 + around];
        fascicleB = new double[1 + around];
        fascicleR = new double[1 + around];
        fascicleR[0] = 0.29;
        double ring = 0.6;
        double radius = Math.min(0.25, 0.85 * ring * Math.PI / around);
        for (int i = 0; i < around; i++) {
            place(1 + i, ring, 2 * Math.PI * i / around + 0.3, radius, seed);
        }
    }

    private void place(int i, double ring, double angle, double radius, long seed) {
        long h = Textures.hash(seed, i, 17);
        double jitterAngle = Textures.signedHigh(h) * 0.15;
        double jitterRing = Textures.signedLow(h) * 0.04;
        double r = ring + jitterRing;
        fascicleA[i] = r * Textures.sin(angle + jitterAngle + Math.PI / 2);
        fascicleB[i] = r * Textures.sin(angle + jitterAngle);
        fascicleR[i] = radius * (1 + 0.15 * Textures.signedLow(Textures.mix(h)));
    }

    /** True if the point is inside the nerve's outer boundary. */
    boolean contains(double u, double d) {
        double a = (u - centreU) / radiusU;
        double b = (d - centreD) / radiusD;
        return a * a + b * b < 1;
    }

    /** Diffuse scatter amplitude at a point inside the nerve. */
    double scatter(double u, double d) {
        double a = (u - centreU) / radiusU;
        double b = (d - centreD) / radiusD;
        double rho = Math.sqrt(a * a + b * b);
        if (rho > 1 - RIM) {
            return RIM_SCATTER;
        }
        double fascicle = 0;
        for (int i = 0; i < fascicleA.length; i++) {
            double da = a - fascicleA[i];
            double db = b - fascicleB[i];
            double dist = Math.sqrt(da * da + db * db) / fascicleR[i];
            fascicle = Math.max(fascicle, 1 - Textures.smoothstep(0.8, 1.1, dist));
        }
        double matrix = MATRIX_SCATTER * (0.75 + 0.5 * Textures.smoothstep(1 - RIM - 0.15, 1 - RIM, rho));
        return matrix + (FASCICLE_SCATTER - matrix) * fascicle;
    }
}
