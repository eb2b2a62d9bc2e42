package org.injectionplanner.dicom;

import java.io.IOException;

/**
 * Opens the package-private hot paths of the codec to the JMH benchmarks in
 * {@code org.injectionplanner.bench}. Test scope only; nothing in the plugin depends on it.
 */
public final class CodecAccess {

    private CodecAccess() {
    }

    /** Decodes a lossy JPEG stream with the JDK's reader to its raw interleaved components. */
    public static byte[] decodeJpegComponents(byte[] stream) throws IOException {
        return (byte[]) ImageIoCodecs.decodeJpeg(stream).samples();
    }

    /** {@link ColourConversion#ybrToRgb}: interleaved Y, Cb, Cr to R, G, B in place. */
    public static void ybrToRgb(byte[] pixels) {
        ColourConversion.ybrToRgb(pixels);
    }

    /** {@link RleDecoder#decode}: one RLE Lossless frame to colour-by-plane samples. */
    public static byte[] decodeRle(byte[] frame, int pixels, int samples, int bytesPerSample) throws DicomException {
        return RleDecoder.decode(frame, pixels, samples, bytesPerSample,
                reason -> new DicomException("benchmark", -1, Tag.PIXEL_DATA, reason));
    }

    /** Encodes an RGB frame as baseline JPEG YBR_FULL_422, as {@link UltrasoundImageWriter} does. */
    public static byte[] encodeJpegYbr422(byte[] rgb, int rows, int columns) throws IOException {
        return ImageIoCodecs.encodeJpegYbr422(rgb, rows, columns, true, UltrasoundImageWriter.JPEG_QUALITY);
    }
}
