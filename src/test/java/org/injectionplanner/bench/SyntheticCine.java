package org.injectionplanner.bench;

import java.util.SplittableRandom;

/**
 * Deterministic ultrasound-like RGB frames for benchmarks: a black background, a B-mode sector of
 * laterally smeared speckle with bright fascia layers and a pulsating dark vessel, a colour Doppler
 * box over the vessel, a depth scale and a block-letter frame counter. Frame {@code i} depends only on
 * the size and {@code i}, so every run generates the same bytes.
 */
public final class SyntheticCine {

    private static final int TEXTURE = 1024;

    private final int rows;
    private final int columns;
    private final byte[] speckle = new byte[TEXTURE * TEXTURE];

    /**
     * Prepares the speckle texture for frames of the given size.
     *
     * @param rows height in pixels
     * @param columns width in pixels
     */
    public SyntheticCine(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        SplittableRandom random = new SplittableRandom(0x5EED_CAFEL);
        double[] raw = new double[TEXTURE * TEXTURE];
        for (int i = 0; i < raw.length; i++) {
            // Rayleigh-distributed amplitude, as fully developed speckle
            raw[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
        }
        for (int y = 0; y < TEXTURE; y++) {
            for (int x = 0; x < TEXTURE; x++) {
                double sum = 0;
                for (int d = -2; d <= 2; d++) {
                    sum += raw[y * TEXTURE + ((x + d) & (TEXTURE - 1))];
                }
                int v = (int) (sum / 5 * 70);
                speckle[y * TEXTURE + x] = (byte) Math.min(255, v);
            }
        }
    }

    /** Height in pixels. */
    public int rows() {
        return rows;
    }

    /** Width in pixels. */
    public int columns() {
        return columns;
    }

    /**
     * Renders one frame as interleaved RGB, 3 bytes per pixel, rows top to bottom.
     *
     * @param index the frame index, 0-based
     */
    public byte[] frame(int index) {
        byte[] rgb = new byte[rows * columns * 3];
        double apexX = columns / 2.0;
        double apexY = rows * 0.06;
        double innerRadius = rows * 0.08;
        double outerRadius = rows * 0.92;
        double halfAngle = Math.toRadians(36);
        int driftX = (int) Math.round(12 * Math.sin(index * 0.07));
        int driftY = (int) Math.round(6 * Math.sin(index * 0.11));
        double vesselX = columns * 0.55;
        double vesselY = rows * 0.55;
        double pulse = 1 + 0.15 * Math.sin(index * 2 * Math.PI / 25);
        double vesselA = columns * 0.07 * pulse;
        double vesselB = rows * 0.045 * pulse;
        int boxX0 = (int) (columns * 0.42);
        int boxX1 = (int) (columns * 0.68);
        int boxY0 = (int) (rows * 0.42);
        int boxY1 = (int) (rows * 0.68);
        boolean systole = index % 25 < 8;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                double dx = x - apexX;
                double dy = y - apexY;
                double r = Math.sqrt(dx * dx + dy * dy);
                double angle = Math.atan2(dx, dy);
                if (r < innerRadius || r > outerRadius || Math.abs(angle) > halfAngle) {
                    continue;
                }
                int tx = (x + driftX + TEXTURE) & (TEXTURE - 1);
                int ty = (y + driftY + TEXTURE) & (TEXTURE - 1);
                double v = speckle[ty * TEXTURE + tx] & 0xFF;
                double depth = (r - innerRadius) / (outerRadius - innerRadius);
                v *= 1.0 - 0.55 * depth;
                double layer = y + driftY - rows * 0.25 - 10 * Math.sin(x * 0.01);
                if (Math.abs(layer) < 3 || Math.abs(layer - rows * 0.12) < 2) {
                    v = Math.min(255, v * 1.8 + 60);
                }
                double ex = (x - vesselX) / vesselA;
                double ey = (y + driftY - vesselY) / vesselB;
                double e = ex * ex + ey * ey;
                boolean inVessel = e < 1;
                if (inVessel) {
                    v *= 0.12;
                } else if (e < 1.3) {
                    v = Math.min(255, v * 1.6 + 40);
                }
                int grey = (int) Math.min(255, v);
                int i = 3 * (y * columns + x);
                rgb[i] = (byte) grey;
                rgb[i + 1] = (byte) grey;
                rgb[i + 2] = (byte) grey;
                if (inVessel && x >= boxX0 && x < boxX1 && y >= boxY0 && y < boxY1) {
                    int flow = (int) (255 * (1 - e));
                    if (systole) {
                        rgb[i] = (byte) Math.max(grey, 80 + flow * 2 / 3);
                        rgb[i + 1] = (byte) (flow / 4);
                        rgb[i + 2] = (byte) (grey / 4);
                    } else {
                        rgb[i] = (byte) (grey / 4);
                        rgb[i + 1] = (byte) (flow / 3);
                        rgb[i + 2] = (byte) Math.max(grey, 90 + flow * 2 / 3);
                    }
                }
            }
        }
        drawBox(rgb, boxX0, boxY0, boxX1, boxY1, 200, 200, 60);
        drawScale(rgb);
        drawCounter(rgb, index + 1);
        return rgb;
    }

    private void set(byte[] rgb, int x, int y, int r, int g, int b) {
        if (x < 0 || y < 0 || x >= columns || y >= rows) {
            return;
        }
        int i = 3 * (y * columns + x);
        rgb[i] = (byte) r;
        rgb[i + 1] = (byte) g;
        rgb[i + 2] = (byte) b;
    }

    private void drawBox(byte[] rgb, int x0, int y0, int x1, int y1, int r, int g, int b) {
        for (int x = x0; x < x1; x++) {
            set(rgb, x, y0, r, g, b);
            set(rgb, x, y1 - 1, r, g, b);
        }
        for (int y = y0; y < y1; y++) {
            set(rgb, x0, y, r, g, b);
            set(rgb, x1 - 1, y, r, g, b);
        }
    }

    private void drawScale(byte[] rgb) {
        int x = columns - 24;
        for (int y = (int) (rows * 0.06); y < rows * 0.98; y++) {
            set(rgb, x, y, 180, 180, 180);
            if (y % 40 == 0) {
                for (int t = 1; t < 10; t++) {
                    set(rgb, x - t, y, 220, 220, 220);
                }
            } else if (y % 8 == 0) {
                for (int t = 1; t < 4; t++) {
                    set(rgb, x - t, y, 180, 180, 180);
                }
            }
        }
    }

    /** Segments of the digits 0-9: top, upper right, lower right, bottom, lower left, upper left, middle. */
    private static final int[] SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};
    private static final int[] SEGMENT_X = {0, 8, 8, 0, 0, 0, 0};
    private static final int[] SEGMENT_Y = {0, 0, 8, 16, 8, 0, 8};
    private static final boolean[] SEGMENT_HORIZONTAL = {true, false, false, true, false, false, true};

    private void drawCounter(byte[] rgb, int number) {
        String digits = String.format("%04d", number);
        for (int d = 0; d < digits.length(); d++) {
            int mask = SEGMENTS[digits.charAt(d) - '0'];
            for (int s = 0; s < 7; s++) {
                if ((mask & 1 << s) == 0) {
                    continue;
                }
                for (int t = 0; t < 8; t++) {
                    int x = 12 + d * 14 + SEGMENT_X[s] + (SEGMENT_HORIZONTAL[s] ? t : 0);
                    int y = 8 + SEGMENT_Y[s] + (SEGMENT_HORIZONTAL[s] ? 0 : t);
                    set(rgb, x, y, 255, 230, 90);
                    set(rgb, x + 1, y, 255, 230, 90);
                }
            }
        }
    }
}
