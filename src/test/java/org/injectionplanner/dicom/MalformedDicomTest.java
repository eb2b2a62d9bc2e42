package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Hand-built malformed files (docs/dicom.md §5): each fails with a {@link DicomException} naming the
 * file and, where they are known, the byte offset and the tag — or, for the defects the reader
 * tolerates, is read with a warning.
 */
class MalformedDicomTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static DicomBytes explicitFile(String transferSyntax) {
        return DicomBytes.explicitLittle().preamble().meta(transferSyntax);
    }

    private static DicomException readFails(byte[] bytes, String name) {
        DicomException e = catchThrowableOfType(DicomException.class, () -> DicomFile.read(bytes, name));
        assertThat(e).as("reading %s should fail with a DicomException", name).isNotNull();
        assertThat(e.getMessage()).startsWith(name + ": ");
        return e;
    }

    private static DicomException frameFails(DicomFile file, int number) {
        DicomException e = catchThrowableOfType(DicomException.class, () -> file.frame(number));
        assertThat(e).as("decoding frame %d of %s should fail with a DicomException", number, file.name())
                .isNotNull();
        assertThat(e.getMessage()).startsWith(file.name() + ": ");
        assertThat(e.tag()).isEqualTo(Tag.PIXEL_DATA);
        assertThat(e.getMessage()).contains("tag (7FE0,0010)");
        return e;
    }

    private static String at(long offset) {
        return "at byte offset " + offset;
    }

    @Test
    void elementLengthBeyondTheEndOfTheFileNamesFileOffsetAndTag() {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        int elementStart = b.size();
        byte[] bytes = b.header(Tag.PATIENT_NAME, Vr.LO, 0xFFF0).raw("ABC".getBytes(StandardCharsets.US_ASCII))
                .toByteArray();

        DicomException e = readFails(bytes, "long-lo.dcm");

        assertThat(e.offset()).isEqualTo(elementStart);
        assertThat(e.tag()).isEqualTo(Tag.PATIENT_NAME);
        assertThat(e.getMessage()).contains("value length 65520 exceeds the 3 bytes remaining",
                at(elementStart), "tag (0010,0010)");
    }

    @Test
    void implicitLengthBeyondTheEndOfTheFileNamesFileOffsetAndTag() {
        DicomBytes b = DicomBytes.implicitLittle().text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        int elementStart = b.size();
        byte[] bytes = b.header(Tag.PATIENT_ID, Vr.LO, 0x7FFFFFFFL).raw(new byte[10]).toByteArray();

        DicomException e = readFails(bytes, "long-implicit.dcm");

        assertThat(e.offset()).isEqualTo(elementStart);
        assertThat(e.getMessage()).contains("value length 2147483647 exceeds the 10 bytes remaining",
                at(elementStart), "tag (0010,0020)");
    }

    /** Runs {@code task} in a thread with a 256 KiB stack: deep input must not mean deep recursion. */
    private static Throwable onSmallStack(ThrowingRunnable task) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static byte[] nested(DicomBytes b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.header(0x00081115, Vr.SQ, DicomParser.UNDEFINED).item(DicomParser.UNDEFINED);
        }
        for (int i = 0; i < depth; i++) {
            b.itemDelimitation().sequenceDelimitation();
        }
        return b.toByteArray();
    }

    @Test
    void sequencesNested5000DeepFailNamingTheDepthNotWithAStackOverflow() throws Exception {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int start = b.size();
        byte[] bytes = nested(b, 5000);

        Throwable thrown = onSmallStack(() -> DicomFile.read(bytes, "deep.dcm"));

        assertThat(thrown).isInstanceOf(DicomException.class);
        DicomException e = (DicomException) thrown;
        long expectedOffset = start + 64 * 20 + 12;
        assertThat(e.getMessage()).startsWith("deep.dcm: ")
                .contains("sequences nested deeper than 64 levels", at(expectedOffset), "tag (0008,1115)");
    }

    @Test
    void implicitSequencesNested5000DeepFailNamingTheDepth() throws Exception {
        byte[] bytes = nested(DicomBytes.implicitLittle(), 5000);

        Throwable thrown = onSmallStack(() -> DicomFile.read(bytes, "deep-implicit.dcm"));

        assertThat(thrown).isInstanceOf(DicomException.class)
                .hasMessageContaining("sequences nested deeper than 64 levels")
                .hasMessageContaining(at(64 * 16 + 8));
    }

    @Test
    void definedLengthSequencesNested5000DeepFailNamingTheDepth() throws Exception {
        byte[] body = DicomBytes.explicitLittle().text(0x00081155, Vr.UI, "1.2").toByteArray();
        for (int i = 0; i < 5000; i++) {
            body = DicomBytes.explicitLittle().header(0x00081115, Vr.SQ, body.length + 8L).item(body.length)
                    .raw(body).toByteArray();
        }
        byte[] bytes = body;

        Throwable thrown = onSmallStack(() -> DicomFile.read(bytes, "deep-defined.dcm"));

        assertThat(thrown).isInstanceOf(DicomException.class)
                .hasMessageContaining("sequences nested deeper than 64 levels");
    }

    @Test
    void undefinedLengthObOutsidePixelDataIsReadAsItems() throws Exception {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(0x00090010, Vr.LO, "VENDOR")
                .header(0x00091010, Vr.OB, DicomParser.UNDEFINED)
                .item(4).raw(new byte[] {1, 2, 3, 4})
                .sequenceDelimitation()
                .text(Tag.PATIENT_ID, Vr.LO, "AFTER");

        DicomFile file = DicomFile.read(b.toByteArray(), "ob-undefined.dcm");

        assertThat(file.dataSet().get(0x00091010).bulk().length()).isEqualTo(4);
        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("AFTER");
    }

    @Test
    void undefinedLengthObOutsidePixelDataWithoutItemsNamesItsTag() {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(0x00090010, Vr.LO, "VENDOR")
                .header(0x00091010, Vr.OB, DicomParser.UNDEFINED);
        int valueStart = b.size();
        byte[] bytes = b.raw("GARBAGE-GARBAGE-".getBytes(StandardCharsets.US_ASCII)).toByteArray();

        DicomException e = readFails(bytes, "ob-undefined-raw.dcm");

        assertThat(e.tag()).isEqualTo(0x00091010);
        assertThat(e.getMessage()).contains(at(valueStart), "tag (0009,1010)",
                "undefined-length value of (0009,1010)").doesNotContain("Pixel Data");
    }

    private static DicomBytes monochrome16(DicomBytes b, int rows, int columns, String frames) {
        b.text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        if (frames != null) {
            b.text(Tag.NUMBER_OF_FRAMES, Vr.IS, frames);
        }
        return b.us(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .us(Tag.ROWS, rows).us(Tag.COLUMNS, columns)
                .us(Tag.BITS_ALLOCATED, 16).us(Tag.BITS_STORED, 16).us(Tag.HIGH_BIT, 15)
                .us(Tag.PIXEL_REPRESENTATION, 0);
    }

    @Test
    void pixelDataClaiming3GiBKeepsTheMetadataAndFailsTheFrame() throws Exception {
        DicomBytes b = monochrome16(explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), 256, 256, null)
                .text(Tag.PATIENT_ID, Vr.LO, "P-3GIB")
                .header(Tag.PIXEL_DATA, Vr.OW, 3L * 1024 * 1024 * 1024);
        byte[] bytes = b.raw(new byte[100_000 - b.size()]).toByteArray();

        DicomFile file = DicomFile.read(bytes, "3gib.dcm");

        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("P-3GIB");
        assertThat(file.pixels().rows()).isEqualTo(256);
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("declares 3221225472 bytes"));
        assertThat(file.frameCount()).isEqualTo(1);
        DicomException e = frameFails(file, 1);
        long pixelData = file.dataSet().get(Tag.PIXEL_DATA).valueOffset();
        assertThat(e.offset()).isEqualTo(pixelData);
        assertThat(e.getMessage()).contains("frame 1 is incomplete", at(pixelData));
    }

    @Test
    void numberOfFramesBeyondThePixelDataIsCappedToTheFramesPresent() throws Exception {
        DicomBytes b = monochrome16(explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), 4, 4, "2147483647")
                .header(Tag.PIXEL_DATA, Vr.OW, 80).raw(new byte[80]);

        DicomFile file = DicomFile.read(b.toByteArray(), "many-frames.dcm");

        assertThat(file.frameCount()).isEqualTo(3);
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("Number of Frames is 2147483647"));
        assertThat(file.frame(2).shorts()).hasSize(16);
        assertThat(frameFails(file, 3).getMessage()).contains("frame 3 is incomplete");
        assertThat(frameFails(file, 4).getMessage()).contains("frame 4 requested, the file has 3");
    }

    private static byte[] tinyJpeg() throws IOException {
        byte[] jpeg = ImageIoCodecs.encodeJpegYbr422(TestImages.pattern(16, 16, true, 0), 16, 16, true,
                UltrasoundImageWriter.JPEG_QUALITY);
        return (jpeg.length & 1) == 0 ? jpeg : Arrays.copyOf(jpeg, jpeg.length + 1);
    }

    private static void patchJpegSize(byte[] jpeg, int rows, int columns) {
        for (int i = 0; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (rows >>> 8);
                jpeg[i + 6] = (byte) rows;
                jpeg[i + 7] = (byte) (columns >>> 8);
                jpeg[i + 8] = (byte) columns;
                return;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }

    private static byte[] encapsulatedFile(String transferSyntax, int rows, int columns, int samples,
            String photometric, byte[] frame) {
        DicomBytes b = explicitFile(transferSyntax)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .us(Tag.SAMPLES_PER_PIXEL, samples)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, photometric)
                .us(Tag.PLANAR_CONFIGURATION, 0)
                .us(Tag.ROWS, rows).us(Tag.COLUMNS, columns)
                .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
                .us(Tag.PIXEL_REPRESENTATION, 0);
        return FuzzSeeds.encapsulated(b, List.of(frame), false).toByteArray();
    }

    @Test
    void hugeRowsAndColumnsWithATinyJpegFrameFail() throws Exception {
        byte[] jpeg = tinyJpeg();
        DicomFile file = DicomFile.read(encapsulatedFile(TransferSyntax.JPEG_BASELINE_UID, 60000, 60000, 3,
                "YBR_FULL_422", jpeg), "huge-jpeg.dcm");

        assertThat(frameFails(file, 1).getMessage()).contains("60000 × 60000 pixels is too large");
    }

    @Test
    void hugeJpegFrameWhoseHeaderAgreesWithRowsAndColumnsFailsBeforeDecoding() throws Exception {
        byte[] jpeg = tinyJpeg();
        patchJpegSize(jpeg, 8000, 8000);
        DicomFile file = DicomFile.read(encapsulatedFile(TransferSyntax.JPEG_BASELINE_UID, 8000, 8000, 3,
                "YBR_FULL_422", jpeg), "huge-jpeg-agreeing.dcm");

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));

        assertThat(e.getMessage()).contains("frame 1 of 8000 × 8000 pixels (192000000 bytes) cannot come from "
                + jpeg.length + " bytes");
        assertThat(e.offset()).isEqualTo(file.dataSet().get(Tag.PIXEL_DATA).bulk().fragments().get(0).offset());
    }

    @Test
    void jpegFrameSmallerThanRowsAndColumnsFails() throws Exception {
        DicomFile file = DicomFile.read(encapsulatedFile(TransferSyntax.JPEG_BASELINE_UID, 4000, 4000, 3,
                "YBR_FULL_422", tinyJpeg()), "jpeg-mismatch.dcm");

        assertThat(frameFails(file, 1).getMessage())
                .contains("the JPEG stream is 16 × 16 but Columns × Rows say 4000 × 4000");
    }

    private static byte[] rleFrame() {
        return FuzzSeeds.rleFrame(TestImages.pattern(4, 6, true, 0), 24, 3);
    }

    private static void putLe32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void rleSegmentOffsetOutsideTheFrameFails() throws Exception {
        byte[] frame = rleFrame();
        putLe32(frame, 8, 0x7FFFFFF0L);
        DicomFile file = DicomFile.read(encapsulatedFile("1.2.840.10008.1.2.5", 4, 6, 3, "RGB", frame), "rle-bad.dcm");

        assertThat(frameFails(file, 1).getMessage()).contains("RLE segment 1", "outside the frame");
    }

    @Test
    void rleSegmentOffsetsInsideTheHeaderOrDecreasingFail() throws Exception {
        byte[] early = rleFrame();
        putLe32(early, 4, 8);
        byte[] decreasing = rleFrame();
        putLe32(decreasing, 12, 70);
        byte[] countless = rleFrame();
        putLe32(countless, 0, 0xFFFFFFFFL);

        for (byte[] frame : List.of(early, decreasing, countless)) {
            DicomFile file = DicomFile.read(encapsulatedFile("1.2.840.10008.1.2.5", 4, 6, 3, "RGB", frame), "rle.dcm");
            assertThat(frameFails(file, 1).getMessage()).contains("RLE");
        }
    }

    @Test
    void hugeRowsAndColumnsWithATinyRleFrameFailBeforeAllocating() throws Exception {
        DicomFile file = DicomFile.read(encapsulatedFile("1.2.840.10008.1.2.5", 4000, 4000, 3, "RGB", rleFrame()),
                "rle-huge.dcm");

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));

        assertThat(e.getMessage()).contains("cannot come from");
    }

    private static byte[] paletteFile(Vr descriptorVr, int[] descriptor, int[] segmented) {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .us(Tag.SAMPLES_PER_PIXEL, 1)
                .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "PALETTE COLOR")
                .us(Tag.ROWS, 4).us(Tag.COLUMNS, 4)
                .us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8).us(Tag.HIGH_BIT, 7)
                .us(Tag.PIXEL_REPRESENTATION, 0)
                .words(Tag.RED_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .words(Tag.GREEN_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .words(Tag.BLUE_PALETTE_LUT_DESCRIPTOR, descriptorVr, descriptor)
                .words(Tag.SEGMENTED_RED_PALETTE_LUT_DATA, Vr.OW, segmented)
                .words(Tag.SEGMENTED_GREEN_PALETTE_LUT_DATA, Vr.OW, segmented)
                .words(Tag.SEGMENTED_BLUE_PALETTE_LUT_DATA, Vr.OW, segmented);
        return b.element(Tag.PIXEL_DATA, Vr.OB, new byte[16]).toByteArray();
    }

    @Test
    void segmentedPaletteIsExpanded() throws Exception {
        DicomFile file = DicomFile.read(paletteFile(Vr.US, new int[] {256, 0, 16}, FuzzSeeds.segmentedLut(0xFFFF)),
                "palette.dcm");

        assertThat(file.frame(1).bytes()).hasSize(48);
    }

    @Test
    void segmentedPaletteWhoseIndirectSegmentPointsAtItselfFails() throws Exception {
        DicomFile file = DicomFile.read(paletteFile(Vr.US, new int[] {256, 0, 16}, new int[] {0, 1, 5, 2, 1, 3, 0}),
                "palette-loop.dcm");

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));

        assertThat(e.getMessage()).contains("segmented palette");
    }

    @Test
    void segmentedPaletteWithExponentialIndirectSegmentsFailsQuickly() throws Exception {
        DicomFile file = DicomFile.read(paletteFile(Vr.US, new int[] {256, 0, 16}, FuzzMutation.fanOut(20)),
                "palette-fan-out.dcm");

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));

        assertThat(e.getMessage()).contains("segmented palette");
    }

    @Test
    void segmentedPaletteWithAnIndirectOffsetOutsideTheTableFails() throws Exception {
        DicomFile file = DicomFile.read(paletteFile(Vr.US, new int[] {256, 0, 16},
                new int[] {0, 1, 5, 2, 1, 0xFFFF, 0x7FFF}), "palette-outside.dcm");

        assertThat(frameFails(file, 1).getMessage()).contains("points outside the table");
    }

    @Test
    void paletteDescriptorWithANegativeOrZeroSizeFails() throws Exception {
        for (int[] descriptor : List.of(new int[] {0xFFFF, 0, 16}, new int[] {0x8000, 0, 16})) {
            DicomFile file = DicomFile.read(paletteFile(Vr.SS, descriptor, FuzzSeeds.segmentedLut(0xFFFF)),
                    "palette-negative.dcm");
            assertThat(frameFails(file, 1).getMessage()).contains("invalid Red Palette Color Lookup Table Descriptor");
        }
    }

    private static DicomBytes deflatedBody() {
        return DicomBytes.explicitLittle()
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .text(Tag.PATIENT_ID, Vr.LO, "DEFLATED")
                .text(Tag.STUDY_DESCRIPTION, Vr.LO, "x".repeat(400))
                .text(Tag.SERIES_DESCRIPTION, Vr.LO, "y".repeat(400));
    }

    @Test
    void truncatedDeflateStreamFails() {
        byte[] compressed = DicomBytes.deflate(deflatedBody().toByteArray(), false);
        DicomBytes b = explicitFile(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        int dataStart = b.size();
        byte[] bytes = b.raw(Arrays.copyOf(compressed, compressed.length / 2)).toByteArray();

        DicomException e = readFails(bytes, "deflate-truncated.dcm");

        assertThat(e.getMessage()).contains("deflated data set", "truncated", at(bytes.length));
        assertThat(e.offset()).isGreaterThanOrEqualTo(dataStart);
    }

    @Test
    void corruptDeflateStreamFails() {
        byte[] bytes = explicitFile(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x13, 0x37, 0x00, 0x00, 0x00}).toByteArray();

        assertThat(readFails(bytes, "deflate-corrupt.dcm").getMessage()).contains("deflated data set is corrupt");
    }

    @Test
    void zlibHeadedDeflateIsReadWithAWarning() throws Exception {
        byte[] bytes = explicitFile(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(DicomBytes.deflate(deflatedBody().toByteArray(), true)).toByteArray();

        DicomFile file = DicomFile.read(bytes, "zlib.dcm");

        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("DEFLATED");
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("zlib header"));
    }

    @Test
    void zlibHeadedDeflateWithABadChecksumFails() {
        byte[] zlib = DicomBytes.deflate(deflatedBody().toByteArray(), true);
        zlib[zlib.length - 1] ^= 0x55;
        byte[] bytes = explicitFile(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).raw(zlib).toByteArray();

        assertThat(readFails(bytes, "zlib-bad.dcm").getMessage()).contains("deflated data set is corrupt");
    }

    @Test
    void deflateBombFailsBeforeItFillsTheHeap() {
        DicomBytes body = DicomBytes.explicitLittle().text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .header(0x00091010, Vr.OB, 0xFFFFFFF0L);
        Deflater deflater = new Deflater(9, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        byte[] zeros = new byte[1 << 20];
        deflater.setInput(body.toByteArray());
        for (int mib = 0; mib < 128; mib++) {
            while (!deflater.needsInput()) {
                compressed.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.setInput(zeros);
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        byte[] bytes = explicitFile(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(compressed.toByteArray()).toByteArray();

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> readFails(bytes, "bomb.dcm"));

        assertThat(e.getMessage()).contains("deflated data set inflates to more than");
    }

    @Test
    void straySequenceDelimitationAtTopLevelEndsTheDataSetWithAWarning() throws Exception {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        int stray = b.size();
        byte[] bytes = b.sequenceDelimitation().text(Tag.PATIENT_ID, Vr.LO, "IGNORED").toByteArray();

        DicomFile file = DicomFile.read(bytes, "stray.dcm");

        assertThat(file.dataSet().getString(Tag.SOP_CLASS_UID)).isEqualTo(Uids.US_IMAGE_STORAGE);
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("stray Sequence Delimitation at byte "
                + stray));
    }

    @Test
    void straySequenceDelimitationInsideAnItemFailsNamingTheOffset() {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .header(0x00081115, Vr.SQ, DicomParser.UNDEFINED).item(DicomParser.UNDEFINED)
                .text(0x00081155, Vr.UI, "1.2");
        int stray = b.size();
        byte[] bytes = b.sequenceDelimitation().sequenceDelimitation().toByteArray();

        DicomException e = readFails(bytes, "stray-in-item.dcm");

        assertThat(e.getMessage()).contains("Sequence Delimitation", at(stray));
    }

    private static DicomBytes bareDataSet(DicomBytes b) {
        return b.text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .text(Tag.PATIENT_ID, Vr.LO, "BARE")
                .us(Tag.ROWS, 2).us(Tag.COLUMNS, 2);
    }

    @Test
    void dicmAtByte128WithoutFileMetaIsReadAsABareDataSet() throws Exception {
        for (DicomBytes b : List.of(DicomBytes.implicitLittle(), DicomBytes.explicitLittle())) {
            byte[] bytes = bareDataSet(b.preamble()).toByteArray();

            DicomFile file = DicomFile.read(bytes, "dicm-no-meta.dcm");

            assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("BARE");
            assertThat(file.transferSyntax().explicitVr()).isEqualTo(b.explicit());
            assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("'DICM' at byte 128"));
        }
    }

    @Test
    void bareDataSetWithDicmAtByte128IsReadFromTheStart() throws Exception {
        DicomBytes b = DicomBytes.implicitLittle().text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        int valueStart = b.size() + 8;
        String text = "x".repeat(128 - valueStart) + "DICM and more";
        byte[] bytes = b.text(Tag.STUDY_DESCRIPTION, Vr.LO, text).text(Tag.PATIENT_ID, Vr.LO, "BARE").toByteArray();

        DicomFile file = DicomFile.read(bytes, "dicm-in-data.dcm");

        assertThat(file.dataSet().getString(Tag.STUDY_DESCRIPTION)).isEqualTo(text);
        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("BARE");
    }

    @Test
    void noPreambleImplicitAndExplicitAreRead() throws Exception {
        for (DicomBytes b : List.of(DicomBytes.implicitLittle(), DicomBytes.explicitLittle())) {
            DicomFile file = DicomFile.read(bareDataSet(b).toByteArray(), "no-preamble.dcm");

            assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("BARE");
            assertThat(file.dataSet().getInt(Tag.ROWS, 0)).isEqualTo(2);
            assertThat(file.transferSyntax().explicitVr()).isEqualTo(b.explicit());
            assertThat(file.meta().size()).isZero();
        }
    }

    @Test
    void noPreambleTruncatedFailsNamingOffsetAndTag() {
        for (DicomBytes b : List.of(DicomBytes.implicitLittle(), DicomBytes.explicitLittle())) {
            bareDataSet(b);
            int start = b.size();
            byte[] bytes = b.text(Tag.STUDY_DESCRIPTION, Vr.LO, "TRUNCATED TEXT").toByteArray();
            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 4);

            DicomException e = readFails(truncated, "no-preamble-truncated.dcm");

            assertThat(e.getMessage()).contains(at(start), "tag (0008,1030)");
        }
    }

    @Test
    void rleSegmentsTooShortForRowsAndColumnsFailBeforeAllocating() throws Exception {
        DicomFile file = DicomFile.read(encapsulatedFile("1.2.840.10008.1.2.5", 4, 4000, 3, "RGB", rleFrame()),
                "rle-short.dcm");

        assertThat(frameFails(file, 1).getMessage()).contains("RLE segment 1 holds", "too few for 16000 pixels");
    }

    @Test
    void shortTrailingZeroPaddingIsAccepted() throws Exception {
        byte[] data = bareDataSet(explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).toByteArray();
        byte[] bytes = Arrays.copyOf(data, data.length + 100);

        DicomFile file = DicomFile.read(bytes, "zero-padded.dcm");

        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("BARE");
    }

    @Test
    void longTrailingZeroPaddingIsReadInLinearTime() {
        byte[] data = bareDataSet(explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).toByteArray();
        byte[] bytes = Arrays.copyOf(data, data.length + 8_000_000);

        DicomFile file = assertTimeoutPreemptively(QUICKLY, () -> DicomFile.read(bytes, "zeros.dcm"));

        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("BARE");
    }

    @Test
    void longZeroRunBeforeGarbageFailsInLinearTime() {
        byte[] data = bareDataSet(explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).toByteArray();
        byte[] bytes = Arrays.copyOf(data, data.length + 8_000_000);
        bytes[bytes.length - 1] = 1;

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> readFails(bytes, "zeros-then-1.dcm"));

        assertThat(e.offset()).isLessThanOrEqualTo(bytes.length);
        assertThat(e.getMessage()).contains("tag (0000,0000)");
    }

    @Test
    void warningsAreCapped() throws Exception {
        DicomBytes b = explicitFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE);
        for (int i = 0; i < 100_000; i++) {
            b.itemDelimitation();
        }

        DicomFile file = DicomFile.read(b.toByteArray(), "many-warnings.dcm");

        assertThat(file.warnings()).hasSize(DicomParser.MAX_WARNINGS + 1);
        assertThat(file.warnings().get(DicomParser.MAX_WARNINGS)).isEqualTo("... and 99900 more warnings");
    }

    @Test
    void unElementThatIsNotASequenceKeepsTheByteOrderOfBigEndianFiles() throws Exception {
        byte[] bytes = DicomBytes.explicitBig().preamble().meta(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)
                .text(Tag.SOP_CLASS_UID, Vr.UI, Uids.US_IMAGE_STORAGE)
                .element(Tag.SEQUENCE_OF_ULTRASOUND_REGIONS, Vr.UN,
                        "NOT A SEQUENCE!!".getBytes(StandardCharsets.US_ASCII))
                .text(Tag.PATIENT_ID, Vr.LO, "AFTER-UN")
                .us(Tag.ROWS, 2)
                .toByteArray();

        DicomFile file = DicomFile.read(bytes, "un-big.dcm");

        assertThat(file.dataSet().getString(Tag.PATIENT_ID)).isEqualTo("AFTER-UN");
        assertThat(file.dataSet().getInt(Tag.ROWS, 0)).isEqualTo(2);
        assertThat(file.warnings()).anySatisfy(w -> assertThat(w).contains("does not parse as a sequence"));
    }

    @Test
    void jpegLosslessSeedDecodesExactly() throws Exception {
        byte[] pattern = TestImages.pattern(8, 16, false, 5);

        DicomFile file = DicomFile.read(FuzzSeeds.jpegLosslessFile(pattern, 8, 16), "lossless.dcm");

        assertThat(file.frame(1).bytes()).isEqualTo(pattern);
    }

    @Test
    void jpegLosslessFrameWithAHugeFirstStartOfFrameFailsBeforeDecoding() throws Exception {
        byte[] jpeg = FuzzSeeds.jpegLossless(TestImages.pattern(8, 16, false, 5), 8, 16);
        byte[] hugeSof = {(byte) 0xFF, (byte) 0xC3, 0, 11, 8, 0x75, 0x30, 0x75, 0x30, 1, 1, 0x11, 0};
        byte[] twoSofs = new byte[jpeg.length + hugeSof.length];
        System.arraycopy(jpeg, 0, twoSofs, 0, 2);
        System.arraycopy(hugeSof, 0, twoSofs, 2, hugeSof.length);
        System.arraycopy(jpeg, 2, twoSofs, 2 + hugeSof.length, jpeg.length - 2);
        DicomBytes b = explicitFile("1.2.840.10008.1.2.4.70")
                .us(Tag.SAMPLES_PER_PIXEL, 1).text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .us(Tag.ROWS, 8).us(Tag.COLUMNS, 16).us(Tag.BITS_ALLOCATED, 8).us(Tag.BITS_STORED, 8);
        byte[] frame = (twoSofs.length & 1) == 0 ? twoSofs : Arrays.copyOf(twoSofs, twoSofs.length + 1);
        DicomFile file = DicomFile.read(FuzzSeeds.encapsulated(b, List.of(frame), false).toByteArray(),
                "two-sofs.dcm");

        DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));

        assertThat(e.getMessage()).contains("the JPEG stream is 30000 × 30000 but Columns × Rows say 16 × 8");
    }

    /** A generated JPEG 2000 file with a field of its SIZ marker segment replaced. */
    private static byte[] jpeg2000With(int rows, int columns, int sizOffset, byte[] value) {
        byte[] bytes = FuzzSeeds.jpeg2000(rows, columns);
        for (int i = 0; i + 4 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0x4F && (bytes[i + 2] & 0xFF) == 0xFF
                    && (bytes[i + 3] & 0xFF) == 0x51) {
                System.arraycopy(value, 0, bytes, i + sizOffset, value.length);
                return bytes;
            }
        }
        throw new AssertionError("no SIZ marker");
    }

    @Test
    void jpeg2000WithMoreThan65535TilesFailsBeforeDecoding() throws Exception {
        byte[] onePixelTiles = jpeg2000With(256, 512, 24, new byte[] {0, 0, 0, 1, 0, 0, 0, 1});
        byte[] zeroSizeTiles = jpeg2000With(256, 512, 24, new byte[8]);

        for (byte[] bytes : List.of(onePixelTiles, zeroSizeTiles)) {
            DicomFile file = DicomFile.read(bytes, "j2k-tiles.dcm");
            DicomException e = assertTimeoutPreemptively(QUICKLY, () -> frameFails(file, 1));
            assertThat(e.getMessage()).contains("tiling makes more than 65535 tiles");
        }
    }

    @Test
    void jpeg2000PacketDataRunningIntoTheEndDoesNotLoop() throws Exception {
        byte[] bytes = FuzzSeeds.jpeg2000();
        int eoc = -1;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
                eoc = i;
            }
        }
        Arrays.fill(bytes, eoc - 3, eoc, (byte) 0xFF);
        DicomFile file = DicomFile.read(bytes, "j2k-runs-out.dcm");

        assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                assertThat(file.frame(1).bytes()).hasSize(128);
            } catch (DicomException e) {
                assertThat(e.getMessage()).startsWith("j2k-runs-out.dcm: ");
            }
        });
    }

    @Test
    void jpeg2000CodestreamFilledWithFfBytesDoesNotLoop() throws Exception {
        byte[] whole = FuzzSeeds.jpeg2000(64, 64);
        int soc = indexOfSiz(whole);
        int end = whole.length - 8;
        for (int cut = 1; cut < 16; cut++) {
            byte[] bytes = whole.clone();
            Arrays.fill(bytes, soc + (end - soc) * cut / 16, end, (byte) 0xFF);
            DicomFile file = DicomFile.read(bytes, "j2k-ff.dcm");
            assertTimeoutPreemptively(QUICKLY, () -> {
                try {
                    assertThat(file.frame(1).bytes()).hasSize(64 * 64);
                } catch (DicomException e) {
                    assertThat(e.getMessage()).startsWith("j2k-ff.dcm: ");
                }
            });
        }
    }

    @Test
    void truncatedJpeg2000CodestreamDoesNotLoop() throws Exception {
        byte[] stream = FuzzSeeds.jpeg2000Stream(64, 64);
        int soc = indexOfSiz(stream);
        for (int cut = 1; cut < 16; cut++) {
            int length = soc + (stream.length - soc) * cut / 16;
            byte[] bytes = FuzzSeeds.jpeg2000File(64, 64, Arrays.copyOf(stream, length));
            DicomFile file = DicomFile.read(bytes, "j2k-truncated.dcm");
            assertTimeoutPreemptively(QUICKLY, () -> {
                try {
                    assertThat(file.frame(1).bytes()).hasSize(64 * 64);
                } catch (DicomException e) {
                    assertThat(e.getMessage()).startsWith("j2k-truncated.dcm: ");
                }
            });
        }
    }

    @Test
    void jpeg2000DecoderErrorsBecomeDicomExceptions() throws Exception {
        byte[] stream = FuzzSeeds.jpeg2000Stream(16, 16, true);
        int eph = -1;
        for (int i = indexOfSiz(stream); i + 1 < stream.length && eph < 0; i++) {
            if ((stream[i] & 0xFF) == 0xFF && (stream[i + 1] & 0xFF) == 0x92) {
                eph = i;
            }
        }
        assertThat(eph).as("an EPH marker").isPositive();
        stream[eph + 1] = 0x12;
        DicomFile file = DicomFile.read(FuzzSeeds.jpeg2000File(16, 16, stream), "j2k-eph.dcm");

        assertThat(frameFails(file, 1).getMessage()).contains("cannot be decoded", "EPH");
    }

    private static int indexOfSiz(byte[] bytes) {
        for (int i = 0; i + 4 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0x4F && (bytes[i + 2] & 0xFF) == 0xFF
                    && (bytes[i + 3] & 0xFF) == 0x51) {
                return i;
            }
        }
        throw new AssertionError("no SIZ marker");
    }

    @Test
    void jpeg2000WithMoreComponentsThanSamplesPerPixelFails() throws Exception {
        DicomFile file = DicomFile.read(jpeg2000With(8, 16, 40, new byte[] {0x40, 0}), "j2k-components.dcm");

        assertThat(frameFails(file, 1).getMessage())
                .contains("the JPEG 2000 codestream has 16384 components but Samples per Pixel is 1");
    }

    @Test
    void tooShortToBeDicomFails() {
        assertThatThrownBy(() -> DicomFile.read(new byte[] {8, 0, 5}, "tiny.dcm"))
                .isInstanceOf(DicomException.class).hasMessageStartingWith("tiny.dcm: ");
    }
}
