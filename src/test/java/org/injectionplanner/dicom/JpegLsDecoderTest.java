package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JPEG-LS decoder on two small files dcmcjpls wrote (kept as test resources, so these tests run
 * without dcmtk): they decode to the test pattern they were made from, and damaged copies of their
 * streams are refused with a message naming the file, the frame, the problem and its byte offset.
 */
class JpegLsDecoderTest {

    /** 8-bit MONOCHROME2, 16 × 24, 2 frames of {@link TestImages#pattern}, lossless, one fragment each. */
    static final String MONO = "jpegls/mono-2-frames.dcm";
    /** 8-bit RGB, 8 × 10, sample interleaved, lossless. */
    static final String RGB = "jpegls/rgb-sample-interleaved.dcm";

    @TempDir
    Path dir;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = JpegLsDecoderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void decodesMonochromeAndSampleInterleavedRgbLosslessly() throws Exception {
        try (DicomFile f = DicomFile.open(write("mono.dcm", resource(MONO)))) {
            assertThat(f.transferSyntax().codec()).isEqualTo(TransferSyntax.Codec.JPEG_LS);
            assertThat(f.frameCount()).isEqualTo(2);
            for (int n = 1; n <= 2; n++) {
                Frame frame = f.frame(n);
                assertThat(frame.type()).isEqualTo(Frame.SampleType.UINT8);
                assertThat(frame.bytes()).isEqualTo(TestImages.pattern(16, 24, false, n - 1));
            }
        }
        try (DicomFile f = DicomFile.open(write("rgb.dcm", resource(RGB)))) {
            Frame frame = f.frame(1);
            assertThat(frame.type()).isEqualTo(Frame.SampleType.RGB8);
            assertThat(frame.bytes()).isEqualTo(TestImages.pattern(8, 10, true, 0));
        }
    }

    @Test
    void framesAreFoundWithoutAnOffsetTableAndAcrossFragments() throws Exception {
        byte[] s1 = monoStream(1);
        byte[] s2 = monoStream(2);
        // no offset table, frame 2 split in two fragments: frames are found by their SOI
        int split = (s2.length / 2) & ~1;
        byte[] file = JpegLsTools.encapsulatedFile(JpegLsTools.LOSSLESS_UID, 16, 24, 1, 8, 8, "MONOCHROME2", 2,
                List.of(s1, Arrays.copyOf(s2, split), Arrays.copyOfRange(s2, split, s2.length)), false);
        try (DicomFile f = DicomFile.open(write("fragments.dcm", file))) {
            assertThat(f.frameCount()).isEqualTo(2);
            assertThat(f.frame(2).bytes()).isEqualTo(TestImages.pattern(16, 24, false, 1));
        }
    }

    @Test
    void presetCodingParametersEqualToTheDefaultsChangeNothingInvalidOnesAreRefused() throws Exception {
        byte[] defaults = {(byte) 0xFF, (byte) 0xF8, 0, 13, 1, 0, (byte) 255, 0, 3, 0, 7, 0, 21, 0, 64};
        byte[] withLse = JpegLsTools.insert(monoStream(1), 2, defaults);
        assertThat(decodeMono(withLse)).isEqualTo(TestImages.pattern(16, 24, false, 0));
        byte[] wrongOrder = defaults.clone();
        wrongOrder[8] = 9; // T1 9 above T2 7
        assertRefused(JpegLsTools.insert(monoStream(1), 2, wrongOrder), "thresholds T1 9, T2 7, T3 21 are invalid");
        byte[] bigMaxVal = defaults.clone();
        bigMaxVal[5] = 1; // MAXVAL 511 for 8-bit samples
        assertRefused(JpegLsTools.insert(monoStream(1), 2, bigMaxVal), "MAXVAL 511 exceeds the 8-bit sample range");
    }

    @Test
    void mappingTablesAreRefusedWithAClearMessage() throws Exception {
        byte[] table = {(byte) 0xFF, (byte) 0xF8, 0, 7, 2, 1, 1, 0, 1, 2};
        assertRefused(JpegLsTools.insert(monoStream(1), 2, table), "mapping tables (LSE 2) are not supported");
        byte[] s = monoStream(1);
        int sos = JpegLsTools.find(s, 0xDA);
        s[sos + 6] = 1; // Tm of the scan's component
        assertRefused(s, "mapping tables are not supported (scan component 1 names table 1)");
    }

    @Test
    void damagedStreamsAreRefusedNamingFileFrameAndOffset() throws Exception {
        byte[] good = monoStream(1);
        int sof = JpegLsTools.find(good, 0xF7);
        int sos = JpegLsTools.find(good, 0xDA);
        assertRefused(Arrays.copyOf(good, good.length / 2), "scan data ends before all samples are decoded");
        assertRefused(patch(good, s -> s[sof + 4] = 17), "sample precision 17 bits");
        assertRefused(patch(good, s -> s[sos + 7] = (byte) 200), "NEAR 200 is too large for MAXVAL 255");
        assertRefused(patch(good, s -> s[sos + 8] = 3), "interleave mode 3");
        assertRefused(patch(good, s -> s[sos + 9] = 2), "point transform 2 is not supported");
        assertRefused(patch(good, s -> s[sof + 1] = (byte) 0xC3), "start-of-frame marker FFC3 is not JPEG-LS");
        assertRefused(patch(good, s -> s[sos + 5] = 9), "scan names component 9, which the frame does not have");
        assertRefused(patch(good, s -> s[sof + 8] = 25),
                "the JPEG-LS stream is 25 × 16 but Columns × Rows say 24 × 16");
        assertRefused(patch(good, s -> s[sof + 11] = 0x21), "sampling factors 21");
        byte[] noFrame = new byte[good.length - (sos - sof)];
        System.arraycopy(good, 0, noFrame, 0, sof);
        System.arraycopy(good, sos, noFrame, sof, good.length - sos);
        assertRefused(noFrame, "start of scan before the JPEG-LS frame header");
        // a restart marker in the scan data of a stream without a restart interval ends the scan early
        byte[] rst = JpegLsTools.insert(good, JpegLsTools.scanData(good) + 20, new byte[] {(byte) 0xFF, (byte) 0xD0});
        assertRefused(rst, "JPEG-LS");
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9},
                "ends (EOI) before its first scan");
    }

    @Test
    void aStreamTooShortForItsLinesIsRefusedBeforeDecoding() throws Exception {
        byte[] s = Arrays.copyOf(monoStream(1), 40);
        DicomException e = refusal(JpegLsTools.encapsulatedFile(JpegLsTools.LOSSLESS_UID, 60000, 24, 1, 8, 8,
                "MONOCHROME2", List.of(patch(s, b -> {
                    int sof = JpegLsTools.find(b, 0xF7);
                    b[sof + 5] = (byte) (60000 >> 8);
                    b[sof + 6] = (byte) 60000;
                }))));
        assertThat(e.getMessage()).contains("40 bytes of JPEG-LS data cannot hold 60000 lines");
    }

    private byte[] monoStream(int frame) throws Exception {
        return JpegLsTools.stream(write("mono-source.dcm", resource(MONO)), frame);
    }

    private byte[] decodeMono(byte[] stream) throws Exception {
        Path file = write("patched.dcm", monoFile(stream));
        try (DicomFile f = DicomFile.open(file)) {
            return f.frame(1).bytes();
        }
    }

    private static byte[] monoFile(byte[] stream) {
        return JpegLsTools.encapsulatedFile(JpegLsTools.LOSSLESS_UID, 16, 24, 1, 8, 8, "MONOCHROME2", List.of(stream));
    }

    private void assertRefused(byte[] stream, String message) throws Exception {
        byte[] file = monoFile(stream);
        DicomException e = refusal(file);
        assertThat(e.getMessage()).contains("damaged.dcm").contains("frame 1").contains(message);
        assertThat(e.offset()).as("byte offset of: %s", e.getMessage()).isBetween(0L, (long) file.length);
    }

    private DicomException refusal(byte[] file) throws Exception {
        Path path = write("damaged.dcm", file);
        try (DicomFile f = DicomFile.open(path)) {
            assertThatThrownBy(() -> f.frame(1)).isInstanceOf(DicomException.class);
            try {
                f.frame(1);
            } catch (DicomException e) {
                return e;
            }
        }
        throw new AssertionError("not refused");
    }

    private static byte[] patch(byte[] s, java.util.function.Consumer<byte[]> change) {
        byte[] copy = s.clone();
        change.accept(copy);
        return copy;
    }
}
