package org.injectionplanner.dicom;

/**
 * The time between frames of a cine, from Frame Time (0018,1063), else Frame Time Vector (0018,1065),
 * else Cine Rate (0018,0040), else Recommended Display Frame Rate (0008,2144) (docs/dicom.md §1.3).
 *
 * @param frameTimeMs nominal interval between frames in ms, or null if unknown
 * @param frameTimeVectorMs per-frame intervals in ms (first is 0), or an empty array
 * @param source the attribute the timing came from, or null if unknown
 */
public record FrameTiming(Double frameTimeMs, double[] frameTimeVectorMs, String source) {

    /** Reads the timing of a data set with {@code frames} frames. */
    public static FrameTiming of(DataSet ds, int frames) {
        Double frameTime = ds.getDouble(Tag.FRAME_TIME);
        if (frameTime != null && frameTime > 0 && Double.isFinite(frameTime)) {
            return new FrameTiming(frameTime, new double[0], "Frame Time");
        }
        double[] vector = ds.getDoubles(Tag.FRAME_TIME_VECTOR);
        if (vector.length > 1) {
            double sum = 0;
            for (int i = 1; i < vector.length; i++) {
                sum += vector[i];
            }
            double mean = sum / (vector.length - 1);
            if (mean > 0 && Double.isFinite(mean)) {
                return new FrameTiming(mean, vector, "Frame Time Vector");
            }
        }
        Double cineRate = ds.getDouble(Tag.CINE_RATE);
        if (cineRate != null && cineRate > 0 && Double.isFinite(cineRate)) {
            return new FrameTiming(1000 / cineRate, new double[0], "Cine Rate");
        }
        Double displayRate = ds.getDouble(Tag.RECOMMENDED_DISPLAY_FRAME_RATE);
        if (displayRate != null && displayRate > 0 && Double.isFinite(displayRate)) {
            return new FrameTiming(1000 / displayRate, new double[0], "Recommended Display Frame Rate");
        }
        return new FrameTiming(null, new double[0], null);
    }

    /** Frames per second, or null if unknown. */
    public Double framesPerSecond() {
        return frameTimeMs == null ? null : 1000 / frameTimeMs;
    }
}
