package org.injectionplanner.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One decoded frame in the canonical form: colour as 8-bit RGB interleaved ({@code bytes}, 3 per
 * pixel), monochrome as stored values ({@code bytes} for 8-bit, {@code shorts} for 16-bit, signed when
 * {@code type} is INT16). Rows run top to bottom, pixels left to right.
 *
 * @param rows height in pixels
 * @param columns width in pixels
 * @param type the sample type
 * @param bytes samples for UINT8 and RGB8, else null
 * @param shorts samples for UINT16 and INT16, else null
 */
public record Frame(int rows, int columns, SampleType type, byte[] bytes, short[] shorts) {

    /** Sample layouts of a decoded frame. */
    public enum SampleType {
        UINT8("uint8", 1), UINT16("uint16", 1), INT16("int16", 1), RGB8("uint8", 3);

        private final String dtype;
        private final int samples;

        SampleType(String dtype, int samples) {
            this.dtype = dtype;
            this.samples = samples;
        }

        /** The numpy dtype name of one sample. */
        public String dtype() {
            return dtype;
        }

        /** Samples per pixel. */
        public int samples() {
            return samples;
        }
    }

    /** Writes the samples in the canonical byte form (16-bit little endian). */
    public void writeTo(OutputStream out) throws IOException {
        if (bytes != null) {
            out.write(bytes);
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(shorts.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(shorts);
        out.write(b.array());
    }
}
