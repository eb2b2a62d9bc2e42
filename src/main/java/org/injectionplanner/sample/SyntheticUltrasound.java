package org.injectionplanner.sample;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A deterministic synthetic B-mode ultrasound renderer for the project's demo studies: 8-bit grey frames
 * of a linear-probe image of the low back, with speckle, attenuation, time-gain compensation, acoustic
 * shadows behind bone and enhancement behind fluid.
 *
 * <p>How a frame is made: each view is a small analytic model of the anatomy in millimetres that gives,
 * for every point, the mean amplitude of diffuse scatterers, the strength of specular reflectors (bone
 * cortex, fascia) and the extra attenuation (bone, fluid). Random complex scatterers are weighted by that
 * amplitude and by the round-trip transmission down the column (the beam of a linear probe runs straight
 * down), convolved with an anisotropic point-spread function (wider laterally than axially), and the
 * envelope is log-compressed to grey. Part of the scatterer field is tied to the tissue, so it moves with
 * the probe drift and breathing of a cine; the rest is drawn anew for every frame.
 *
 * <p>Coordinates everywhere are frame pixel coordinates: origin at the top-left corner of the top-left
 * pixel, x to the right, y down; the centre of pixel (i, j) is (i + 0.5, j + 0.5).
 *
 * <p>Every result is a pure function of its arguments: pseudo-random numbers come from a stateless hash,
 * and transcendental functions from tables filled with {@link StrictMath}, so frames are byte-identical
 * on every run and JVM.
 */
public final class SyntheticUltrasound {

    /** The views of the demo study. */
    public enum View {
        /** Transverse view over the L4 spinous process at the L4–L5 level; image left is patient's right. */
        TRANSVERSE_L4_L5,
        /** Longitudinal view along the long posterior sacroiliac ligament; image left is cranial. */
        LONGITUDINAL_POSTERIOR_SACROILIAC
    }

    /**
     * Geometry of the imaging area inside the frame: pixel bounds (inclusive) of the B-mode image and its
     * scale. Rows below the skin line y0 are depth.
     *
     * @param width frame width, pixels
     * @param height frame height, pixels
     * @param x0 first column of the image area (left edge of the image at x = x0)
     * @param y0 first row of the image area; the skin surface is the top edge of this row (y = y0)
     * @param x1 last column of the image area, inclusive
     * @param y1 last row of the image area, inclusive
     * @param mmPerPixel size of a pixel in mm, the same along x and y
     */
    public record Layout(int width, int height, int x0, int y0, int x1, int y1, double mmPerPixel) {
    }

    private static final Layout LAYOUT = new Layout(800, 600, 188, 22, 610, 577, 0.09);

    /** Columns of the burned-in depth scale, right of the image area. */
    private static final int SCALE_LINE = 6;
    private static final int SCALE_TICK_FROM = 3;
    private static final int SCALE_TICK_TO = 10;
    private static final byte SCALE_LINE_GREY = (byte) 96;
    private static final byte SCALE_TICK_GREY = (byte) 176;

    /** Point-spread function: Gaussian standard deviations in pixels. */
    private static final double PSF_LATERAL_SIGMA = 2.3;
    private static final double PSF_AXIAL_SIGMA = 1.0;
    private static final float[] LATERAL_KERNEL = gaussian(PSF_LATERAL_SIGMA, 7);
    private static final float[] AXIAL_KERNEL = gaussian(PSF_AXIAL_SIGMA, 3);
    /**
     * Incoherent smoothing of the echo power (as spatial compounding and speckle reduction on scanners
     * do): softens the speckle's dark nulls without blurring structures much.
     */
    private static final float[] SMOOTH_LATERAL_KERNEL = gaussian(1.1, 3);
    private static final float[] SMOOTH_AXIAL_KERNEL = gaussian(0.8, 2);
    /** Weights of the tissue-anchored and the per-frame scatterers (squares sum to 1). */
    private static final double ANCHORED = 0.8;
    private static final double FRESH = 0.6;
    /** Scales uniform [-1, 1) scatterers so that, after the PSF, each quadrature has unit variance. */
    private static final double SPECKLE_NORM = 1 / Math.sqrt(sumOfSquares(LATERAL_KERNEL)
            * sumOfSquares(AXIAL_KERNEL) / 3);
    /** Electronic noise floor, in units of the scatter amplitude. */
    private static final double NOISE_FLOOR = 0.01;

    /** Display map: envelope in dB to grey. */
    private static final double DB_LOW = -44;
    private static final double DB_RANGE = 68;
    private static final double GREY_GAMMA = 1.6;
    private static final int DB_STEPS = 16;
    private static final byte[] GREY_MAP = greyMap();
    /** Residual depth gain after time-gain compensation (focal-zone gain, slight deep fall-off), per row. */
    private static final double[] DEPTH_GAIN = depthGain();

    private SyntheticUltrasound() {
    }

    /**
     * The layout used for every frame: 800 × 600 frame, linear-probe image 423 × 556 pixels at
     * 0.09 mm/pixel (38.07 mm wide, 50.04 mm deep), centred horizontally, skin line at y = 22.
     */
    public static Layout layout() {
        return LAYOUT;
    }

    /**
     * Renders one 8-bit grey frame, row-major, width × height bytes (index y × width + x). Pixels outside
     * the image area are 0 except the burned-in depth scale: a thin grey vertical line 6 pixels right of
     * the image area with a tick every 10 mm of depth (0 mm at the skin line).
     *
     * @param view which anatomy
     * @param session 1 for the first session, 2 for the follow-up four weeks later: the probe sits a few
     *     mm away and the ligament is slightly thicker and more homogeneous
     * @param frameIndex 0-based frame of a cine (0 for single frames); frames of a cine show slight
     *     continuous motion (probe drift up to 0.7 mm, breathing up to 0.4 mm at depth) and partly new
     *     speckle
     * @param seed base seed of the speckle; the anatomy does not depend on it
     * @return a new array of {@code layout().width() * layout().height()} bytes
     * @throws IllegalArgumentException if session is not 1 or 2 or frameIndex is negative
     * @throws NullPointerException if view is null
     */
    public static byte[] render(View view, int session, int frameIndex, long seed) {
        Probe probe = probe(view, session, frameIndex);
        Scene scene = scene(view, session, probe);
        int w = LAYOUT.x1() - LAYOUT.x0() + 1;
        int h = LAYOUT.y1() - LAYOUT.y0() + 1;
        float[] re = new float[w * h];
        float[] im = new float[w * h];
        long anchoredSeed = Textures.hash(seed, view.ordinal() + 1, session);
        long frameSeed = Textures.hash(anchoredSeed, frameIndex, 0x5eedL);
        scatter(scene, probe, anchoredSeed, frameSeed, re, im, w, h);
        float[] tmp = new float[w * h];
        convolveAxial(re, tmp, w, h, AXIAL_KERNEL);
        convolveLateral(tmp, re, w, h, LATERAL_KERNEL);
        convolveAxial(im, tmp, w, h, AXIAL_KERNEL);
        convolveLateral(tmp, im, w, h, LATERAL_KERNEL);
        for (int i = 0; i < re.length; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
        }
        convolveAxial(re, tmp, w, h, SMOOTH_AXIAL_KERNEL);
        convolveLateral(tmp, re, w, h, SMOOTH_LATERAL_KERNEL);
        byte[] frame = new byte[LAYOUT.width() * LAYOUT.height()];
        compress(re, frame, w, h);
        drawDepthScale(frame);
        return frame;
    }

    /**
     * Anatomical landmarks of a frame in frame pixel coordinates (see the class comment); they follow the
     * probe position of the session and the motion of the cine, and do not depend on the seed. Keys:
     * <ul>
     * <li>{@code skin}: {y} of the skin line.
     * <li>{@code bone}: {x, y}, a point on the top of a bone surface facing the probe (a lamina in the
     *     transverse view, the dorsal sacrum in the sacroiliac view).
     * <li>{@code boneSurface}: one y per frame column (array length = frame width, index = x), the top of
     *     the bone surface at the column centre; NaN where there is no bone or outside the image area.
     * <li>{@code ligament}: {x, yTop, yBottom}, the ligament band's upper and lower surfaces at column x
     *     (the supraspinous ligament over the spinous-process tip; the long posterior sacroiliac ligament
     *     in its middle).
     * <li>{@code nerve}: {x, y, rx, ry}, centre and lateral/axial semi-axes of the nerve in short axis.
     * <li>transverse view only: {@code spinousProcess} {x, y} of the tip; {@code facetLeft} and
     *     {@code facetRight} {x, y} of the facet joint clefts (image left and right).
     * <li>sacroiliac view only: {@code psis} {x, y} of the top of the posterior superior iliac spine;
     *     {@code joint} {x, y} of the floor of the ilium–sacrum cleft; {@code vessel} {x, y, r}, centre and
     *     radius of the small artery beside the nerve.
     * </ul>
     *
     * @param view which anatomy
     * @param session 1 or 2, as for {@link #render}
     * @param frameIndex 0-based frame of the cine, as for {@link #render}
     * @return an unmodifiable map in the order above; the arrays are fresh copies
     * @throws IllegalArgumentException if session is not 1 or 2 or frameIndex is negative
     * @throws NullPointerException if view is null
     */
    public static Map<String, double[]> landmarks(View view, int session, int frameIndex) {
        Probe probe = probe(view, session, frameIndex);
        return Collections.unmodifiableMap(scene(view, session, probe).landmarks());
    }

    private static Probe probe(View view, int session, int frameIndex) {
        Objects.requireNonNull(view, "view");
        if (session != 1 && session != 2) {
            throw new IllegalArgumentException("session must be 1 or 2, was " + session);
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frameIndex must not be negative, was " + frameIndex);
        }
        double sessionShiftMm = session == 1 ? 0 : view == View.TRANSVERSE_L4_L5 ? -2.4 : 2.8;
        double driftMm = 0.7 * Textures.sin(2 * Math.PI * frameIndex / 120.0);
        double breathing = 0.004 * (1 - Textures.sin(2 * Math.PI * frameIndex / 40.0 + Math.PI / 2));
        return new Probe(LAYOUT, sessionShiftMm + driftMm, breathing);
    }

    private static Scene scene(View view, int session, Probe probe) {
        return switch (view) {
            case TRANSVERSE_L4_L5 -> new TransverseL4L5(probe, session);
            case LONGITUDINAL_POSTERIOR_SACROILIAC -> new PosteriorSacroiliac(probe, session);
        };
    }

    /**
     * Fills the in-phase and quadrature scatterer fields (column-major, index x × h + y): scene amplitude
     * × round-trip transmission × depth gain × random scatterers, plus specular reflectors and the
     * electronic noise floor.
     */
    private static void scatter(Scene scene, Probe probe, long anchoredSeed, long frameSeed, float[] re,
            float[] im, int w, int h) {
        Echo echo = new Echo();
        double mmPerPixel = LAYOUT.mmPerPixel();
        long shiftPx = Math.round(probe.shiftMm() / mmPerPixel);
        double squeeze = 1 - probe.compression();
        long noiseSeed = Textures.mix(frameSeed + 1);
        for (int x = 0; x < w; x++) {
            scene.column(probe.tissueU(LAYOUT.x0() + x));
            double transmission = 1;
            double lastStepDb = 0;
            double lastFactor = 1;
            for (int y = 0; y < h; y++) {
                scene.sample(probe.tissueD(LAYOUT.y0() + y), echo);
                long tissueRow = Math.round((y + 0.5) * squeeze - 0.5);
                long anchored = Textures.hash(anchoredSeed, x - shiftPx, tissueRow);
                long fresh = Textures.hash(frameSeed, x, y);
                long noise = Textures.hash(noiseSeed, x, y);
                double ni = ANCHORED * Textures.signedHigh(anchored) + FRESH * Textures.signedHigh(fresh);
                double nq = ANCHORED * Textures.signedLow(anchored) + FRESH * Textures.signedLow(fresh);
                double gain = transmission * DEPTH_GAIN[y];
                double diffuse = gain * echo.scatter * SPECKLE_NORM;
                int i = x * h + y;
                re[i] = (float) (diffuse * ni + gain * echo.specular
                        + NOISE_FLOOR * SPECKLE_NORM * Textures.signedHigh(noise));
                im[i] = (float) (diffuse * nq + NOISE_FLOOR * SPECKLE_NORM * Textures.signedLow(noise));
                double stepDb = echo.attenuationDbPerMm * mmPerPixel;
                if (stepDb != lastStepDb) {
                    lastStepDb = stepDb;
                    lastFactor = StrictMath.pow(10, -stepDb / 20);
                }
                transmission = Math.max(1e-6, transmission * lastFactor);
            }
        }
    }

    /** Column-major axial (y) convolution with edge replication. */
    private static void convolveAxial(float[] src, float[] dst, int w, int h, float[] kernel) {
        int r = kernel.length / 2;
        for (int x = 0; x < w; x++) {
            int base = x * h;
            for (int y = 0; y < h; y++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = Math.min(h - 1, Math.max(0, y + k));
                    sum += kernel[k + r] * src[base + yy];
                }
                dst[base + y] = sum;
            }
        }
    }

    /** Column-major lateral (x) convolution with edge replication. */
    private static void convolveLateral(float[] src, float[] dst, int w, int h, float[] kernel) {
        int r = kernel.length / 2;
        for (int x = 0; x < w; x++) {
            int base = x * h;
            for (int y = 0; y < h; y++) {
                dst[base + y] = 0;
            }
            for (int k = -r; k <= r; k++) {
                int from = Math.min(w - 1, Math.max(0, x + k)) * h;
                float weight = kernel[k + r];
                for (int y = 0; y < h; y++) {
                    dst[base + y] += weight * src[from + y];
                }
            }
        }
    }

    /** Log compression of the echo power and grey map into the image area of the frame. */
    private static void compress(float[] power, byte[] frame, int w, int h) {
        double dbPerLog2 = 10 * StrictMath.log10(2);
        int last = GREY_MAP.length - 1;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                int i = x * h + y;
                double db = Textures.log2(power[i] + 1e-12) * dbPerLog2;
                int step = (int) ((db - DB_LOW) * DB_STEPS);
                frame[(LAYOUT.y0() + y) * LAYOUT.width() + LAYOUT.x0() + x] =
                        GREY_MAP[Math.min(last, Math.max(0, step))];
            }
        }
    }

    /** A thin grey line right of the image area with a tick every 10 mm of depth from the skin line. */
    private static void drawDepthScale(byte[] frame) {
        int width = LAYOUT.width();
        for (int y = LAYOUT.y0(); y <= LAYOUT.y1(); y++) {
            frame[y * width + LAYOUT.x1() + SCALE_LINE] = SCALE_LINE_GREY;
        }
        for (int mm = 0; ; mm += 10) {
            int y = (int) Math.floor(LAYOUT.y0() + mm / LAYOUT.mmPerPixel());
            if (y > LAYOUT.y1()) {
                break;
            }
            for (int x = LAYOUT.x1() + SCALE_TICK_FROM; x <= LAYOUT.x1() + SCALE_TICK_TO; x++) {
                frame[y * width + x] = SCALE_TICK_GREY;
            }
        }
    }

    private static float[] gaussian(double sigma, int radius) {
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += StrictMath.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) (StrictMath.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        return k;
    }

    private static double sumOfSquares(float[] k) {
        double s = 0;
        for (float v : k) {
            s += (double) v * v;
        }
        return s;
    }

    private static byte[] greyMap() {
        byte[] map = new byte[(int) (DB_RANGE * DB_STEPS) + 1];
        for (int i = 0; i < map.length; i++) {
            double t = (double) i / (map.length - 1);
            map[i] = (byte) Math.round(255 * StrictMath.pow(t, GREY_GAMMA));
        }
        return map;
    }

    private static double[] depthGain() {
        int h = LAYOUT.y1() - LAYOUT.y0() + 1;
        double[] gain = new double[h];
        for (int y = 0; y < h; y++) {
            double d = (y + 0.5) * LAYOUT.mmPerPixel();
            double focus = (d - 24) / 12;
            double db = 1.5 * StrictMath.exp(-focus * focus) - 0.12 * Math.max(0, d - 32);
            gain[y] = StrictMath.pow(10, db / 20);
        }
        return gain;
    }
}
