package org.injectionplanner.dicom;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriter;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The fuzzer's starting files: every file of the shared corpus ({@code ../shared/dicom-corpus}) when
 * it is there, and small files made here that cover each decoding path, so that fuzzing still means
 * something without the corpus.
 */
final class FuzzSeeds {

    /** The shared corpus, relative to the project directory (where Maven runs the tests). */
    static final Path CORPUS = Path.of("..", "shared", "dicom-corpus");

    private static final String RLE_UID = "1.2.840.10008.1.2.5";
    private static final String J2K_LOSSLESS_UID = "1.2.840.10008.1.2.4.90";
    private static final String JPEG_LOSSLESS_SV1_UID = "1.2.840.10008.1.2.4.70";

    private static List<FuzzSeed> all;

    private FuzzSeeds() {
    }

    /** True if the shared corpus is present. */
    static boolean corpusPresent() {
        return Files.isDirectory(CORPUS);
    }

    /** Generated seeds, then corpus seeds (read once). */
    static synchronized List<FuzzSeed> all() {
        if (all == null) {
            List<FuzzSeed> seeds = new ArrayList<>(generated());
            seeds.addAll(corpus());
            all = List.copyOf(seeds);
        }
        return all;
    }

    /** The corpus files, or none if the corpus is absent. */
    static List<FuzzSeed> corpus() {
        if (!corpusPresent()) {
            return List.of();
        }
        List<FuzzSeed> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList()) {
                seeds.add(FuzzSeed.of(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + CORPUS, e);
        }
        return seeds;
    }

    /** Small files made in memory, one per decoding path. */
    static List<FuzzSeed> generated() {
        List<FuzzSeed> seeds = new ArrayList<>();
        seeds.add(FuzzSeed.of("generated-explicit-mono-cine", explicitMonochromeCine()));
        seeds.add(FuzzSeed.of("generated-implicit-no-meta-16bit", implicitSixteenBit()));
        seeds.add(FuzzSeed.of("generated-big-endian-rgb-planar", bigEndianRgb()));
        seeds.add(FuzzSeed.of("generated-rle-rgb-2-frames", rleRgb()));
        seeds.add(FuzzSeed.of("generated-jpeg-baseline", jpegBaseline()));
        seeds.add(FuzzSeed.of("generated-jpeg-lossless", jpegLosslessFile(TestImages.pattern(8, 16, false, 5), 8, 16)));
        seeds.add(FuzzSeed.of("generated-jpeg-2000", jpeg2000()));
        seeds.add(FuzzSeed.of("jpegls-mono-2-frames", resource(JpegLsDecoderTest.MONO)));
        seeds.add(FuzzSeed.of("jpegls-rgb-sample-interleaved", resource(JpegLsDecoderTest.RGB)));
        seeds.add(FuzzSeed.of("generated-palette-segmented", segmentedPalette()));
        seeds.add(FuzzSeed.of("generated-deflated", deflated()));
        seeds.add(FuzzSeed.of("generated-un-sequences", unSequences()));
        return seeds;
    }

    /** A test resource next to this class (the JPEG-LS seeds, which dcmcjpls wrote). */
    private static byte[] resource(String name) {
        try {
            return JpegLsDecoderTest.resource(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image attributes of an 8-bit image, in the encoding of {@code b}. */
    private static DicomBytes imageHeader(DicomBytes b, int rows, int columns, int samples, String photometric,
            int frames) {
        b.text(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 100")
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_MULTIFRAME_IMAGE_STORAGE)
                .text(Tag.MODALITY, Vr.CS, "US")
                .text(Tag.PATIENT_NAME, Vr.PN, "Fuzz^Seed");
        if (frames > 1) {
            b.text(Tag.FRAME_TIME, Vr.DS, "33.3");
        }
        b.us(Tag.SAMPLES_PER_PIXEL, samples)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, photometric);
        if (samples == 3) {
            b.us(Tag.PLANAR_CONFIGURATION, 0);
        }
        if (frames > 1) {
            b.text(Tag.NUMBER_OF_FRAMES, Vr.IS, Integer.toString(frames));
        }
        return b.us(Tag.ROWS, rows).us(Tag.COLUMNS, columns)
                .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
                .us(Tag.PIXEL_REPRESENTATION, 0);
    }

    /** One ultrasound region in cm, as a defined-length sequence. */
    private static DicomBytes regions(boolean explicit, boolean bigEndian) {
        DicomBytes item = DicomBytes.of(explicit, bigEndian)
                .us(Tag.REGION_SPATIAL_FORMAT, 1)
                .us(Tag.REGION_DATA_TYPE, 1)
                .ul(Tag.REGION_LOCATION_MIN_X0, 0)
                .ul(Tag.REGION_LOCATION_MIN_Y0, 0)
                .ul(Tag.REGION_LOCATION_MAX_X1, 7)
                .ul(Tag.REGION_LOCATION_MAX_Y1, 7)
                .us(Tag.PHYSICAL_UNITS_X_DIRECTION, 3)
                .us(Tag.PHYSICAL_UNITS_Y_DIRECTION, 3)
                .header(Tag.PHYSICAL_DELTA_X, Vr.FD, 8).raw(doubleBytes(0.01, bigEndian))
                .header(Tag.PHYSICAL_DELTA_Y, Vr.FD, 8).raw(doubleBytes(0.01, bigEndian));
        return DicomBytes.of(explicit, bigEndian)
                .header(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, Vr.SQ, item.size() + 8L)
                .item(item.size()).raw(item);
    }

    private static byte[] doubleBytes(double v, boolean bigEndian) {
        long bits = Double.doubleToLongBits(v);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            int shift = bigEndian ? 56 - 8 * i : 8 * i;
            out[i] = (byte) (bits >>> shift);
        }
        return out;
    }

    static byte[] explicitMonochromeCine() {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        imageHeader(b, 8, 8, 1, "MONOCHROME2", 2);
        b.raw(regions(true, false));
        return b.element(Tag.PIXEL_DATA, Vr.OB, TestImages.pattern(8, 16, false, 0)).toByteArray();
    }

    static byte[] implicitSixteenBit() {
        DicomBytes seq = DicomBytes.implicitLittle()
                .header(0x00081115, Vr.SQ, DicomParser.UNDEFINED)
                .item(DicomParser.UNDEFINED)
                .header(0x0008114A, Vr.SQ, DicomParser.UNDEFINED)
                .item(DicomParser.UNDEFINED)
                .text(0x00081155, Vr.UI, "1.2.3.4.5")
                .itemDelimitation()
                .sequenceDelimitation()
                .itemDelimitation()
                .sequenceDelimitation();
        DicomBytes b = DicomBytes.implicitLittle()
                .text(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192")
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .raw(seq)
                .text(Tag.PIXEL_SPACING, Vr.DS, "0.1\\0.1")
                .us(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME1")
                .us(Tag.ROWS, 4).us(Tag.COLUMNS, 4)
                .us(Tag.BITS_ALLOCATED, 16).us(Tag.BITS_STORED, 12).us(Tag.HIGH_BIT, 11)
                .us(Tag.PIXEL_REPRESENTATION, 1);
        int[] words = new int[16];
        for (int i = 0; i < words.length; i++) {
            words[i] = (i * 300 - 2000) & 0xFFFF;
        }
        return b.words(Tag.PIXEL_DATA, Vr.OW, words).toByteArray();
    }

    static byte[] bigEndianRgb() {
        DicomBytes b = DicomBytes.explicitBig().preamble().meta(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        b.text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .text(Tag.PIXEL_SPACING, Vr.DS, "0.2\\0.2")
                .raw(regions(true, true))
                .us(Tag.SAMPLES_PER_PIXEL, 3)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "RGB")
                .us(Tag.PLANAR_CONFIGURATION, 1)
                .us(Tag.ROWS, 4).us(Tag.COLUMNS, 4)
                .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
                .us(Tag.PIXEL_REPRESENTATION, 0);
        return b.element(Tag.PIXEL_DATA, Vr.OB, TestImages.pattern(4, 4, true, 1)).toByteArray();
    }

    static byte[] rleRgb() {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(RLE_UID);
        imageHeader(b, 4, 6, 3, "RGB", 2);
        byte[] f1 = rleFrame(TestImages.pattern(4, 6, true, 0), 24, 3);
        byte[] f2 = rleFrame(TestImages.pattern(4, 6, true, 1), 24, 3);
        return encapsulated(b, List.of(f1, f2), true).toByteArray();
    }

    /** Encapsulated Pixel Data: Basic Offset Table (filled or empty), one fragment per frame. */
    static DicomBytes encapsulated(DicomBytes b, List<byte[]> frames, boolean offsetTable) {
        b.header(Tag.PIXEL_DATA, Vr.OB, DicomParser.UNDEFINED);
        if (offsetTable) {
            b.item(4L * frames.size());
            long offset = 0;
            for (byte[] f : frames) {
                b.u32(offset);
                offset += 8 + f.length;
            }
        } else {
            b.item(0);
        }
        for (byte[] f : frames) {
            b.item(f.length).raw(f);
        }
        return b.sequenceDelimitation();
    }

    /**
     * An RLE frame of interleaved 8-bit samples: one segment per sample plane, each coded as literal
     * runs (and one replicate run when the plane is long enough); padded to even length.
     */
    static byte[] rleFrame(byte[] interleaved, int pixels, int samples) {
        List<byte[]> segments = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            ByteArrayOutputStream seg = new ByteArrayOutputStream();
            int i = 0;
            while (i < pixels) {
                int n = Math.min(128, pixels - i);
                seg.write(n - 1);
                for (int k = 0; k < n; k++) {
                    seg.write(interleaved[(i + k) * samples + s]);
                }
                i += n;
            }
            if ((seg.size() & 1) == 1) {
                seg.write(0x80);
            }
            segments.add(seg.toByteArray());
        }
        DicomBytes frame = DicomBytes.explicitLittle().u32(samples);
        long offset = 64;
        for (int s = 0; s < 15; s++) {
            frame.u32(s < samples ? offset : 0);
            offset += s < samples ? segments.get(s).length : 0;
        }
        for (byte[] seg : segments) {
            frame.raw(seg);
        }
        return frame.toByteArray();
    }

    static byte[] jpegBaseline() {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(TransferSyntax.JPEG_BASELINE_UID);
        imageHeader(b, 16, 16, 3, "YBR_FULL_422", 1);
        try {
            byte[] jpeg = ImageIoCodecs.encodeJpegYbr422(TestImages.pattern(16, 16, true, 0), 16, 16, true,
                    UltrasoundImageWriter.JPEG_QUALITY);
            return encapsulated(b, List.of(even(jpeg)), false).toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG Lossless SV1 file (8-bit monochrome, one frame). */
    static byte[] jpegLosslessFile(byte[] gray, int rows, int columns) {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(JPEG_LOSSLESS_SV1_UID);
        imageHeader(b, rows, columns, 1, "MONOCHROME2", 1);
        return encapsulated(b, List.of(even(jpegLossless(gray, rows, columns))), false).toByteArray();
    }

    /**
     * Encodes 8-bit samples as JPEG Lossless, Process 14, Selection Value 1 (predictor: the sample to
     * the left): one Huffman table giving each difference category 0..8 a 4-bit code.
     */
    static byte[] jpegLossless(byte[] gray, int rows, int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0, 11, 8, (byte) (rows >> 8), (byte) rows,
            (byte) (columns >> 8), (byte) columns, 1, 1, 0x11, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, 28, 0x00});
        for (int length = 1; length <= 16; length++) {
            out.write(length == 4 ? 9 : 0);
        }
        for (int category = 0; category <= 8; category++) {
            out.write(category);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0x00, 1, 0, 0});
        long bits = 0;
        int count = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int sample = gray[y * columns + x] & 0xFF;
                int prediction = x > 0 ? gray[y * columns + x - 1] & 0xFF
                        : y > 0 ? gray[(y - 1) * columns] & 0xFF : 128;
                int diff = sample - prediction;
                int category = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
                int extra = diff >= 0 ? diff : (diff - 1) & ((1 << category) - 1);
                bits = bits << 4 | category;
                count += 4;
                bits = bits << category | extra;
                count += category;
                while (count >= 8) {
                    int b = (int) (bits >>> (count - 8)) & 0xFF;
                    out.write(b);
                    if (b == 0xFF) {
                        out.write(0);
                    }
                    count -= 8;
                }
            }
        }
        if (count > 0) {
            int b = (int) ((bits << (8 - count)) | ((1 << (8 - count)) - 1)) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    static byte[] jpeg2000() {
        return jpeg2000(8, 16);
    }

    /** A JPEG 2000 Lossless file (JP2 from jai-imageio's writer, 8-bit monochrome, one frame). */
    static byte[] jpeg2000(int rows, int columns) {
        return jpeg2000File(rows, columns, jpeg2000Stream(rows, columns));
    }

    /** A JPEG 2000 Lossless file holding {@code stream} as its one frame. */
    static byte[] jpeg2000File(int rows, int columns, byte[] stream) {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(J2K_LOSSLESS_UID);
        imageHeader(b, rows, columns, 1, "MONOCHROME2", 1);
        return encapsulated(b, List.of(even(stream)), false).toByteArray();
    }

    /** The test pattern as JPEG 2000 (JP2 from jai-imageio's writer, lossless, 8-bit monochrome). */
    static byte[] jpeg2000Stream(int rows, int columns) {
        return jpeg2000Stream(rows, columns, false);
    }

    /** As {@link #jpeg2000Stream(int, int)}, with an EPH marker after every packet header if asked. */
    static byte[] jpeg2000Stream(int rows, int columns, boolean eph) {
        BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pattern = TestImages.pattern(rows, columns, false, 2);
        img.getRaster().setDataElements(0, 0, columns, rows, pattern);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        J2KImageWriter writer = new J2KImageWriter(new J2KImageWriterSpi());
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            J2KImageWriteParam param = new J2KImageWriteParam();
            param.setEPH(eph);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] even(byte[] b) {
        return (b.length & 1) == 0 ? b : Arrays.copyOf(b, b.length + 1);
    }

    /** 256-entry segmented palette: discrete, linear and indirect segments (16-bit words). */
    static int[] segmentedLut(int end) {
        return new int[] {0, 2, 0, 0x1000, 1, 126, end, 2, 1, 0, 0, 1, 126, 0};
    }

    static byte[] segmentedPalette() {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        imageHeader(b, 4, 4, 1, "PALETTE COLOR", 1);
        int[] tags = {Tag.RED_PALETTE_LUT_DESCRIPTOR, Tag.GREEN_PALETTE_LUT_DESCRIPTOR,
            Tag.BLUE_PALETTE_LUT_DESCRIPTOR};
        for (int tag : tags) {
            b.us(tag, 256, 0, 16);
        }
        b.words(Tag.SEGMENTED_RED_PALETTE_LUT_DATA, Vr.OW, segmentedLut(0xFFFF));
        b.words(Tag.SEGMENTED_GREEN_PALETTE_LUT_DATA, Vr.OW, segmentedLut(0x8000));
        b.words(Tag.SEGMENTED_BLUE_PALETTE_LUT_DATA, Vr.OW, segmentedLut(0x0100));
        return b.element(Tag.PIXEL_DATA, Vr.OB, TestImages.pattern(4, 4, false, 3)).toByteArray();
    }

    static byte[] deflated() {
        DicomBytes body = DicomBytes.explicitLittle();
        imageHeader(body, 8, 8, 1, "MONOCHROME2", 1);
        body.raw(regions(true, false)).element(Tag.PIXEL_DATA, Vr.OB, TestImages.pattern(8, 8, false, 4));
        return DicomBytes.explicitLittle().preamble().meta(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(DicomBytes.deflate(body.toByteArray(), false)).toByteArray();
    }

    static byte[] unSequences() {
        DicomBytes implicitItem = DicomBytes.implicitLittle().text(0x00100020, Vr.LO, "ID-1");
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .text(0x00090010, Vr.LO, "FUZZ")
                .header(0x00091000, Vr.UN, DicomParser.UNDEFINED)
                .item(DicomParser.UNDEFINED).raw(implicitItem).itemDelimitation()
                .sequenceDelimitation()
                .header(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, Vr.UN, implicitItem.size() + 8L)
                .item(implicitItem.size()).raw(implicitItem);
        imageHeader(b, 2, 2, 1, "MONOCHROME2", 1);
        return b.element(Tag.PIXEL_DATA, Vr.OB, new byte[] {1, 2, 3, 4}).toByteArray();
    }
}
