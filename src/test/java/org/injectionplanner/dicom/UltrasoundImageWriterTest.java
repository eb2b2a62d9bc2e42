package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by {@link UltrasoundImageWriter} read back exactly and pass dciodvfy and dcmdump. */
public class UltrasoundImageWriterTest {

    @TempDir
    Path dir;

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;

    @Test
    void uncompressedMonochromeRoundTripsExactly() throws Exception {
        Path file = dir.resolve("mono.dcm");
        List<byte[]> frames = List.of(TestImages.pattern(ROWS, COLUMNS, false, 0));
        UltrasoundImageWriter.write(file, TestImages.usHeader("mono"),
                new UltrasoundImageWriter.Image(ROWS, COLUMNS, false, frames, null),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        try (DicomFile read = DicomFile.open(file)) {
            assertThat(read.dataSet().getString(Tag.SOP_CLASS_UID)).isEqualTo(Uids.US_IMAGE_STORAGE);
            assertThat(read.dataSet().getString(Tag.PATIENT_NAME)).isEqualTo("Test^Müller");
            Frame f = read.frame(1);
            assertThat(f.type()).isEqualTo(Frame.SampleType.UINT8);
            assertThat(f.bytes()).isEqualTo(frames.get(0));
            assertThat(read.calibration().regions()).hasSize(1);
            assertThat(read.calibration().mmPerPixelX(read.calibration().regions().get(0))).isEqualTo(0.085);
        }
        assertValid(file);
    }

    @Test
    void writtenFilesGetTheFolderDefaultPermissionsAndLeaveNoTemporaryFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path file = dir.resolve("shared.dcm");
        UltrasoundImageWriter.write(file, TestImages.usHeader("mono"),
                new UltrasoundImageWriter.Image(ROWS, COLUMNS, false,
                        List.of(TestImages.pattern(ROWS, COLUMNS, false, 0)), null),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        Path plain = Files.createFile(dir.resolve("plain"));
        assumeTrue(Files.getPosixFilePermissions(plain).size() > 2,
                "the umask makes new files owner-only here, as createTempFile does: nothing to tell apart");
        assertThat(Files.getPosixFilePermissions(file)).as("as any new file here (the umask), not owner-only")
                .isEqualTo(Files.getPosixFilePermissions(plain));
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("shared.dcm", "plain");
        }
    }

    @Test
    void uncompressedRgbCineRoundTripsExactly() throws Exception {
        Path file = dir.resolve("rgb.dcm");
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frames.add(TestImages.pattern(ROWS, COLUMNS, true, i));
        }
        UltrasoundImageWriter.write(file, TestImages.usHeader("rgb"),
                new UltrasoundImageWriter.Image(ROWS, COLUMNS, true, frames, 33.3),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        try (DicomFile read = DicomFile.open(file)) {
            assertThat(read.dataSet().getString(Tag.SOP_CLASS_UID)).isEqualTo(Uids.US_MULTIFRAME_IMAGE_STORAGE);
            assertThat(read.frameCount()).isEqualTo(3);
            assertThat(read.frameTiming().frameTimeMs()).isEqualTo(33.3);
            for (int i = 0; i < 3; i++) {
                assertThat(read.frame(i + 1).bytes()).isEqualTo(frames.get(i));
            }
        }
        assertValid(file);
    }

    @Test
    void jpegBaselineCineIsYbrFull422AndDecodesClose() throws Exception {
        Path file = dir.resolve("jpeg.dcm");
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(TestImages.pattern(ROWS, COLUMNS, true, i));
        }
        UltrasoundImageWriter.write(file, TestImages.usHeader("jpeg"),
                new UltrasoundImageWriter.Image(ROWS, COLUMNS, true, frames, 40.0),
                UltrasoundImageWriter.Encoding.JPEG_BASELINE);
        try (DicomFile read = DicomFile.open(file)) {
            assertThat(read.transferSyntax().uid()).isEqualTo(TransferSyntax.JPEG_BASELINE_UID);
            assertThat(read.pixels().photometric()).isEqualTo("YBR_FULL_422");
            JpegHeader header = JpegHeader.scan(read.encodedFrame(2));
            assertThat(header.jfif()).isTrue();
            for (int i = 0; i < 4; i++) {
                assertThat(psnr(frames.get(i), read.frame(i + 1).bytes())).isGreaterThan(30);
            }
        }
        assertValid(file);
    }

    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    /** dciodvfy reports no errors and dcmdump parses the file without complaint. */
    public static void assertValid(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dciodvfy")), "dciodvfy (Debian dicom3tools) not installed");
        String dciodvfy = run("/usr/bin/dciodvfy", file.toString());
        List<String> errors = dciodvfy.lines().filter(l -> l.startsWith("Error")).toList();
        assertThat(errors).as("dciodvfy errors:\n" + dciodvfy).isEmpty();
        if (Files.isExecutable(Path.of("/usr/bin/dcmdump"))) {
            String dump = run("/usr/bin/dcmdump", "-q", file.toString());
            assertThat(dump.lines().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList())
                    .as("dcmdump:\n" + dump).isEmpty();
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }
}
