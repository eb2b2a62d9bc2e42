package org.injectionplanner.dicom;

import java.util.function.Function;

/** Turns stored (uncompressed or RLE-decoded) samples into the canonical {@link Frame} form. */
final class PixelDecoder {

    /** Supplies the palette of a PALETTE COLOR image, read only when needed. */
    @FunctionalInterface
    interface PaletteSupplier {
        PaletteColorLut get() throws DicomException;
    }

    private PixelDecoder() {
    }

    /**
     * Decodes one native frame.
     *
     * @param data the frame's stored bytes (words little endian unless {@code bigEndian})
     * @param px the Image Pixel attributes (planar configuration as stored)
     * @param bigEndian true if 16-bit words are big endian
     */
    static Frame fromNative(byte[] data, ImagePixelModule px, boolean bigEndian, PaletteSupplier palette,
            Function<String, DicomException> fail) throws DicomException {
        int pixels = px.rows() * px.columns();
        String pi = px.photometric();
        if (px.isMonochrome() || pi.equals("PALETTE COLOR")) {
            if (px.samplesPerPixel() != 1) {
                throw fail.apply(pi + " with Samples per Pixel " + px.samplesPerPixel());
            }
            Object samples = data;
            if (px.bitsAllocated() == 16) {
                short[] words = new short[pixels];
                for (int i = 0; i < pixels; i++) {
                    int a = data[2 * i] & 0xFF;
                    int b = data[2 * i + 1] & 0xFF;
                    words[i] = (short) (bigEndian ? a << 8 | b : b << 8 | a);
                }
                samples = words;
            }
            return pi.equals("PALETTE COLOR") ? applyPalette(samples, px, palette.get()) : monochrome(samples, px);
        }
        if (pi.equals("YBR_FULL_422") || pi.equals("YBR_PARTIAL_422")) {
            if (!pi.equals("YBR_FULL_422")) {
                throw fail.apply("uncompressed " + pi + " is not supported");
            }
            return new Frame(px.rows(), px.columns(), Frame.SampleType.RGB8, expandYbr422(data, px), null);
        }
        if (px.samplesPerPixel() != 3) {
            throw fail.apply(pi + " with Samples per Pixel " + px.samplesPerPixel());
        }
        byte[] rgb;
        if (px.planarConfiguration() == 1) {
            rgb = new byte[pixels * 3];
            for (int i = 0; i < pixels; i++) {
                rgb[3 * i] = data[i];
                rgb[3 * i + 1] = data[pixels + i];
                rgb[3 * i + 2] = data[2 * pixels + i];
            }
        } else {
            rgb = data.length == pixels * 3 ? data : java.util.Arrays.copyOf(data, pixels * 3);
        }
        switch (pi) {
            case "RGB" -> {
            }
            case "YBR_FULL" -> ColourConversion.ybrToRgb(rgb);
            default -> throw fail.apply("Photometric Interpretation " + pi + " is not supported uncompressed");
        }
        return new Frame(px.rows(), px.columns(), Frame.SampleType.RGB8, rgb, null);
    }

    /** YBR_FULL_422 stores Y0 Y1 Cb Cr for each pair of pixels in a row. */
    private static byte[] expandYbr422(byte[] data, ImagePixelModule px) {
        int pixels = px.rows() * px.columns();
        byte[] ybr = new byte[pixels * 3];
        for (int pair = 0; pair < pixels / 2; pair++) {
            int in = pair * 4;
            int out = pair * 6;
            byte cb = data[in + 2];
            byte cr = data[in + 3];
            ybr[out] = data[in];
            ybr[out + 1] = cb;
            ybr[out + 2] = cr;
            ybr[out + 3] = data[in + 1];
            ybr[out + 4] = cb;
            ybr[out + 5] = cr;
        }
        ColourConversion.ybrToRgb(ybr);
        return ybr;
    }

    /** Monochrome samples as stored: bytes (8-bit) or words (16-bit, signed per Pixel Representation). */
    static Frame monochrome(Object samples, ImagePixelModule px) {
        if (samples instanceof byte[] bytes) {
            if (px.bitsAllocated() == 16) {
                short[] words = new short[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    words[i] = (short) (bytes[i] & 0xFF);
                }
                return monochrome(words, px);
            }
            return new Frame(px.rows(), px.columns(), Frame.SampleType.UINT8, bytes, null);
        }
        short[] words = (short[]) samples;
        if (px.bitsAllocated() == 8) {
            byte[] bytes = new byte[words.length];
            for (int i = 0; i < words.length; i++) {
                bytes[i] = (byte) words[i];
            }
            return new Frame(px.rows(), px.columns(), Frame.SampleType.UINT8, bytes, null);
        }
        Frame.SampleType type = px.pixelRepresentation() == 1 ? Frame.SampleType.INT16 : Frame.SampleType.UINT16;
        return new Frame(px.rows(), px.columns(), type, null, words);
    }

    /**
     * Sign-extends {@code bits}-wide two's complement values held in the low bits of each word, in
     * place: with 13 bits, 0x1830 (6192) becomes -2000.
     */
    static void signExtend(short[] words, int bits) {
        int shift = 32 - bits;
        for (int i = 0; i < words.length; i++) {
            words[i] = (short) ((words[i] << shift) >> shift);
        }
    }

    /** Maps palette indices (8- or 16-bit) to RGB. */
    static Frame applyPalette(Object samples, ImagePixelModule px, PaletteColorLut palette) {
        int[] indices;
        if (samples instanceof byte[] bytes) {
            indices = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                indices[i] = bytes[i] & 0xFF;
            }
        } else {
            short[] words = (short[]) samples;
            indices = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                indices[i] = words[i] & 0xFFFF;
            }
        }
        return new Frame(px.rows(), px.columns(), Frame.SampleType.RGB8, palette.apply(indices), null);
    }
}
