package org.injectionplanner.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes 8-bit ultrasound images (single frame or cine) under the US Image or US Multi-frame Image
 * SOP class: uncompressed as MONOCHROME2 or RGB (Planar Configuration 0), or JPEG Baseline as
 * YBR_FULL_422 (4:2:2 chroma subsampling, JFIF). Adds the Image Pixel, US Image, Multi-frame and Cine
 * attributes to the caller's header (patient, study, series, equipment, regions...).
 */
public final class UltrasoundImageWriter {

    /** How the pixel data is encoded. */
    public enum Encoding { UNCOMPRESSED, JPEG_BASELINE }

    /**
     * Frames to write.
     *
     * @param rows height in pixels
     * @param columns width in pixels
     * @param rgb true if each frame is RGB interleaved (3 bytes per pixel), false for 8-bit grey
     * @param frames the frames, each rows × columns × (rgb ? 3 : 1) bytes
     * @param frameTimeMs interval between cine frames in ms (required for more than one frame)
     */
    public record Image(int rows, int columns, boolean rgb, List<byte[]> frames, Double frameTimeMs) {

        public Image {
            frames = List.copyOf(frames);
            int expected = rows * columns * (rgb ? 3 : 1);
            for (byte[] f : frames) {
                if (f.length != expected) {
                    throw new IllegalArgumentException("frame of " + f.length + " bytes, expected " + expected);
                }
            }
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("an image needs at least one frame");
            }
            if (frames.size() > 1 && (frameTimeMs == null || !(frameTimeMs > 0))) {
                throw new IllegalArgumentException("a cine needs a positive frame time");
            }
        }
    }

    /** The JDK JPEG writer's quality (0–1) of the JPEG Baseline frames written. */
    static final float JPEG_QUALITY = 0.85f;

    private UltrasoundImageWriter() {
    }

    /**
     * Writes {@code image} with {@code header}'s attributes to {@code file}. The header must hold the
     * SOP Instance UID; the SOP Class UID is set from the frame count.
     */
    public static void write(Path file, DataSet header, Image image, Encoding encoding) throws IOException {
        DataSet ds = header;
        boolean multiFrame = image.frames().size() > 1;
        ds.putString(Tag.SOP_CLASS_UID, Vr.UI, multiFrame ? Uids.US_MULTIFRAME_IMAGE_STORAGE : Uids.US_IMAGE_STORAGE);
        boolean colour = image.rgb() || encoding == Encoding.JPEG_BASELINE;
        ds.putShorts(Tag.SAMPLES_PER_PIXEL, Vr.US, colour ? 3 : 1);
        ds.putShorts(Tag.ROWS, Vr.US, image.rows());
        ds.putShorts(Tag.COLUMNS, Vr.US, image.columns());
        ds.putShorts(Tag.BITS_ALLOCATED, Vr.US, 8);
        ds.putShorts(Tag.BITS_STORED, Vr.US, 8);
        ds.putShorts(Tag.HIGH_BIT, Vr.US, 7);
        ds.putShorts(Tag.PIXEL_REPRESENTATION, Vr.US, 0);
        if (colour) {
            ds.putShorts(Tag.PLANAR_CONFIGURATION, Vr.US, 0);
        }
        if (multiFrame) {
            ds.putString(Tag.NUMBER_OF_FRAMES, Vr.IS, Integer.toString(image.frames().size()));
            ds.putTag(Tag.FRAME_INCREMENT_POINTER, Tag.FRAME_TIME);
            ds.putString(Tag.FRAME_TIME, Vr.DS, decimal(image.frameTimeMs()));
            ds.putString(Tag.RECOMMENDED_DISPLAY_FRAME_RATE, Vr.IS,
                    Long.toString(Math.round(1000 / image.frameTimeMs())));
            ds.putString(Tag.CINE_RATE, Vr.IS, Long.toString(Math.round(1000 / image.frameTimeMs())));
        }
        if (encoding == Encoding.UNCOMPRESSED) {
            ds.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, colour ? "RGB" : "MONOCHROME2");
            ds.putString(Tag.LOSSY_IMAGE_COMPRESSION, Vr.CS, "00");
            int frameLength = image.frames().get(0).length;
            byte[] all = new byte[frameLength * image.frames().size()];
            for (int i = 0; i < image.frames().size(); i++) {
                System.arraycopy(image.frames().get(i), 0, all, i * frameLength, frameLength);
            }
            ds.put(Element.of(Tag.PIXEL_DATA, Vr.OB, all));
            DicomWriter.write(file, ds);
            return;
        }
        List<byte[]> encoded = new ArrayList<>(image.frames().size());
        long compressed = 0;
        for (byte[] frame : image.frames()) {
            byte[] jpeg = ImageIoCodecs.encodeJpegYbr422(frame, image.rows(), image.columns(), image.rgb(),
                    JPEG_QUALITY);
            encoded.add(jpeg);
            compressed += jpeg.length;
        }
        long original = (long) image.rows() * image.columns() * 3 * image.frames().size();
        ds.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "YBR_FULL_422");
        ds.putString(Tag.LOSSY_IMAGE_COMPRESSION, Vr.CS, "01");
        ds.putString(Tag.LOSSY_IMAGE_COMPRESSION_RATIO, Vr.DS, decimal((double) original / compressed));
        ds.putString(Tag.LOSSY_IMAGE_COMPRESSION_METHOD, Vr.CS, "ISO_10918_1");
        DicomWriter.writeEncapsulated(file, ds, TransferSyntax.JPEG_BASELINE_UID, encoded);
    }

    /** A DS value: at most 16 characters. */
    static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.length() > 16 ? String.format(Locale.ROOT, "%.8e", v) : s;
    }
}
