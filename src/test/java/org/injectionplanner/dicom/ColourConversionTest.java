package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table-driven YCbCr to RGB conversion gives exactly the double-precision equations. */
class ColourConversionTest {

    private static final double CR_TO_R = 1.402;
    private static final double CB_TO_G = 0.114 * 1.772 / 0.587;
    private static final double CR_TO_G = 0.299 * 1.402 / 0.587;
    private static final double CB_TO_B = 1.772;

    /** PS3.3 C.7.6.3.1.2 in double precision, rounded half up and clipped, term by term as written. */
    private static int reference(double v) {
        double rounded = Math.floor(v + 0.5);
        return rounded < 0 ? 0 : rounded > 255 ? 255 : (int) rounded;
    }

    @Test
    void everyYCbCrTripleMatchesTheEquations() {
        byte[] row = new byte[256 * 256 * 3];
        for (int cb = 0; cb < 256; cb++) {
            int i = 0;
            for (int y = 0; y < 256; y++) {
                for (int cr = 0; cr < 256; cr++) {
                    row[i++] = (byte) y;
                    row[i++] = (byte) cb;
                    row[i++] = (byte) cr;
                }
            }
            ColourConversion.ybrToRgb(row);
            i = 0;
            for (int y = 0; y < 256; y++) {
                for (int cr = 0; cr < 256; cr++) {
                    int r = reference(y + CR_TO_R * (cr - 128));
                    int g = reference(y - CB_TO_G * (cb - 128) - CR_TO_G * (cr - 128));
                    int b = reference(y + CB_TO_B * (cb - 128));
                    if ((row[i] & 0xFF) != r || (row[i + 1] & 0xFF) != g || (row[i + 2] & 0xFF) != b) {
                        assertThat(new int[] {row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF})
                                .as("Y %d Cb %d Cr %d", y, cb, cr)
                                .containsExactly(r, g, b);
                    }
                    i += 3;
                }
            }
        }
    }

    @Test
    void aTrailingPartialPixelIsLeftAlone() {
        byte[] pixels = {(byte) 128, (byte) 128, (byte) 128, 7, 9};
        ColourConversion.ybrToRgb(pixels);
        assertThat(pixels).containsExactly((byte) 128, (byte) 128, (byte) 128, (byte) 7, (byte) 9);
    }
}
