package org.injectionplanner.sample;

/**
 * Deterministic building blocks for the synthetic renderer: a stateless hash (SplitMix64's finaliser),
 * lattice value noise, and table-based sine and log2.
 *
 * <p>Everything here is integer arithmetic or IEEE arithmetic on tables filled once with {@link StrictMath},
 * so results are bit-identical on every JVM (unlike {@link Math#sin}, which may use platform intrinsics).
 */
final class Textures {

    private static final int SINE_BITS = 12;
    private static final int SINE_SIZE = 1 << SINE_BITS;
    private static final double[] SINE = new double[SINE_SIZE + 1];
    private static final int LOG_BITS = 10;
    private static final int LOG_SIZE = 1 << LOG_BITS;
    private static final double[] LOG2_MANTISSA = new double[LOG_SIZE + 1];

    static {
        for (int i = 0; i <= SINE_SIZE; i++) {
            SINE[i] = StrictMath.sin(2 * StrictMath.PI * i / SINE_SIZE);
        }
        for (int i = 0; i <= LOG_SIZE; i++) {
            LOG2_MANTISSA[i] = StrictMath.log(1.0 + (double) i / LOG_SIZE) / StrictMath.log(2.0);
        }
    }

    private Textures() {
    }

    /** SplitMix64's output function: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A well-mixed 64-bit hash of a seed and two integer coordinates. */
    static long hash(long seed, long a, long b) {
        return mix(seed + mix(a * 0x9e3779b97f4a7c15L + b * 0xc2b2ae3d27d4eb4fL));
    }

    /** Uniform in [0, 1) from the top 53 bits of a hash. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1) from the high 32 bits of a hash. */
    static double signedHigh(long h) {
        return (int) (h >>> 32) * 0x1.0p-31;
    }

    /** Uniform in [-1, 1) from the low 32 bits of a hash. */
    static double signedLow(long h) {
        return (int) h * 0x1.0p-31;
    }

    /** Smooth value noise in [0, 1] with unit lattice spacing. */
    static double valueNoise(long seed, double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = fade(x - fx);
        double ty = fade(y - fy);
        double v00 = unit(hash(seed, ix, iy));
        double v10 = unit(hash(seed, ix + 1, iy));
        double v01 = unit(hash(seed, ix, iy + 1));
        double v11 = unit(hash(seed, ix + 1, iy + 1));
        double top = v00 + (v10 - v00) * tx;
        double bottom = v01 + (v11 - v01) * tx;
        return top + (bottom - top) * ty;
    }

    /**
     * Thin bright ridges along the 0.5 iso-line of value noise, in [0, 1]; {@code sharpness} is the
     * reciprocal ridge half-width in noise units (larger = thinner lines).
     */
    static double ridge(long seed, double x, double y, double sharpness) {
        double r = Math.abs(valueNoise(seed, x, y) - 0.5) * sharpness;
        return r >= 1 ? 0 : (1 - r) * (1 - r);
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    /** Sine of x (radians), from a table with linear interpolation; absolute error below 2e-7. */
    static double sin(double x) {
        double turns = x * (1 / (2 * Math.PI));
        double t = (turns - Math.floor(turns)) * SINE_SIZE;
        int i = (int) t;
        double f = t - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * f;
    }

    /** Base-2 logarithm of a positive finite v, from a table with linear interpolation. */
    static double log2(double v) {
        int exponent = Math.getExponent(v);
        double mantissa = Math.scalb(v, -exponent);
        double t = (mantissa - 1) * LOG_SIZE;
        int i = (int) t;
        double f = t - i;
        return exponent + LOG2_MANTISSA[i] + (LOG2_MANTISSA[i + 1] - LOG2_MANTISSA[i]) * f;
    }

    /** 0 below {@code edge0}, 1 above {@code edge1}, smooth in between. */
    static double smoothstep(double edge0, double edge1, double x) {
        if (x <= edge0) {
            return 0;
        }
        if (x >= edge1) {
            return 1;
        }
        return fade((x - edge0) / (edge1 - edge0));
    }
}
