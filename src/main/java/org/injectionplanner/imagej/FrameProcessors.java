package org.injectionplanner.imagej;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import org.injectionplanner.dicom.Frame;

/**
 * Decoded frames as ImageJ processors: 8-bit grey → ByteProcessor, 16-bit → ShortProcessor (signed
 * values offset by 32768, as ImageJ stores signed 16-bit data, with the calibration function set by
 * the caller), RGB → ColorProcessor.
 */
final class FrameProcessors {

    /** ImageJ's offset for signed 16-bit data. */
    static final int SIGNED_OFFSET = 32768;

    private FrameProcessors() {
    }

    static ImageProcessor toProcessor(Frame frame) {
        int w = frame.columns();
        int h = frame.rows();
        return switch (frame.type()) {
            case UINT8 -> new ByteProcessor(w, h, frame.bytes());
            case UINT16 -> new ShortProcessor(w, h, frame.shorts(), null);
            case INT16 -> {
                short[] shifted = new short[frame.shorts().length];
                for (int i = 0; i < shifted.length; i++) {
                    shifted[i] = (short) (frame.shorts()[i] + SIGNED_OFFSET);
                }
                yield new ShortProcessor(w, h, shifted, null);
            }
            case RGB8 -> {
                byte[] rgb = frame.bytes();
                int[] packed = new int[w * h];
                for (int i = 0; i < packed.length; i++) {
                    packed[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8
                            | (rgb[3 * i + 2] & 0xFF);
                }
                yield new ColorProcessor(w, h, packed);
            }
        };
    }

    /** A blank processor of the same kind, for frames not yet decoded. */
    static ImageProcessor blank(Frame.SampleType type, int width, int height) {
        return switch (type) {
            case UINT8 -> new ByteProcessor(width, height);
            case UINT16, INT16 -> new ShortProcessor(width, height);
            case RGB8 -> new ColorProcessor(width, height);
        };
    }

    /** Bytes ImageJ needs to hold one frame of this type. */
    static long bytesPerFrame(Frame.SampleType type, int width, int height) {
        long pixels = (long) width * height;
        return switch (type) {
            case UINT8 -> pixels;
            case UINT16, INT16 -> pixels * 2;
            case RGB8 -> pixels * 4;
        };
    }
}
