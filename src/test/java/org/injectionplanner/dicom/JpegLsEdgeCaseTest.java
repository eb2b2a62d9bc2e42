package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG-LS edge cases in the spirit of the T.87 conformance images, encoded by dcmcjpls and decoded by
 * us and by dcmdjpls (CharLS): odd and one-sample sizes in every interleave mode, 12- and 16-bit
 * samples (noise that needs the escape code of the limited-length Golomb code), runs up to the
 * maximum run length and runs that end at or just before the end of a line, restart intervals (a
 * stream spliced from independently encoded stripes, which is what a restart interval means), and
 * CharLS's HP1–HP3 colour transforms (an image transformed forward before encoding, the APP8 segment
 * naming the transform added to the stream). Skipped when dcmtk is absent.
 */
class JpegLsEdgeCaseTest {

    private static final List<List<String>> MODES = List.of(List.of("+il"), List.of("+is"), List.of("+in"),
            List.of("+en", "+md", "2", "+is"), List.of("+en", "+md", "1", "+in"));

    @TempDir
    Path dir;

    private int count;

    @BeforeEach
    void needsDcmtk() {
        assumeTrue(JpegLsTools.dcmtkPresent(), "skipped: dcmtk's dcmcjpls and dcmdjpls are not installed");
    }

    @Test
    void oddAndTinySizesInEveryInterleaveMode() throws Exception {
        int[][] sizes = {{1, 1}, {1, 7}, {7, 1}, {3, 5}, {13, 17}};
        for (int[] size : sizes) {
            for (int samples : new int[] {1, 3}) {
                byte[] pixels = noise(size[0] * size[1] * samples, 8, size[0] * 31 + samples, 40);
                for (List<String> mode : MODES) {
                    roundTrip(size[0], size[1], samples, 8, 8, pixels, mode);
                }
            }
        }
    }

    @Test
    void twelveAndSixteenBitSamples() throws Exception {
        for (int bits : new int[] {12, 16}) {
            byte[] rough = noise(32 * 33, bits, bits, 1 << bits);
            byte[] smooth = noise(32 * 33, bits, bits + 1, 64);
            for (List<String> mode : List.of(List.of("+il"), List.of("+en", "+md", "5"))) {
                roundTrip(32, 33, 1, 16, bits, rough, mode);
                roundTrip(32, 33, 1, 16, bits, smooth, mode);
            }
        }
    }

    @Test
    void runsUpToTheMaximumRunLengthAndEndingAtTheLineEnd() throws Exception {
        // 40000 equal samples a line: the run index climbs to 31, whose runs are 32768 long
        byte[] flat = new byte[4 * 40000];
        Arrays.fill(flat, (byte) 77);
        flat[3 * 40000 + 32768] = 78;
        roundTrip(4, 40000, 1, 8, 8, flat, List.of("+il"));
        // runs that reach the end of the line, stop one sample before it, or start on its last sample
        int rows = 9;
        int columns = 50;
        byte[] runs = noise(rows * columns, 8, 7, 256);
        for (int y = 0; y < rows; y++) {
            int from = y % 3 == 0 ? 10 : y % 3 == 1 ? 20 : columns - 1;
            int to = y % 3 == 1 ? columns - 1 : columns;
            Arrays.fill(runs, y * columns + from, y * columns + to, (byte) (y * 20));
        }
        for (List<String> mode : MODES) {
            roundTrip(rows, columns, 1, 8, 8, runs, mode);
        }
    }

    @Test
    void restartIntervals() throws Exception {
        byte[] mono = noise(24 * 19, 8, 3, 30);
        assertThat(decodeSpliced(24, 19, 1, 8, mono, List.of("+il"))).isEqualTo(mono);
        byte[] rgb = noise(12 * 9 * 3, 8, 4, 30);
        assertThat(decodeSpliced(12, 9, 3, 4, rgb, List.of("+il"))).isEqualTo(rgb);
        assertThat(decodeSpliced(12, 9, 3, 3, rgb, List.of("+is"))).isEqualTo(rgb);
    }

    @Test
    void hpColourTransforms() throws Exception {
        int rows = 20;
        int columns = 23;
        byte[] rgb = noise(rows * columns * 3, 8, 11, 256);
        for (int transform = 1; transform <= 3; transform++) {
            byte[] forward = new byte[rgb.length];
            for (int i = 0; i < rgb.length; i += 3) {
                int r = rgb[i] & 0xFF;
                int g = rgb[i + 1] & 0xFF;
                int b = rgb[i + 2] & 0xFF;
                int[] v = switch (transform) {
                    case 1 -> new int[] {r - g + 128, g, b - g + 128};
                    case 2 -> new int[] {r - g + 128, g, b - ((r + g) >> 1) + 128};
                    default -> {
                        int v2 = (b - g + 128) & 0xFF;
                        int v3 = (r - g + 128) & 0xFF;
                        yield new int[] {g + ((v2 + v3) >> 2) - 64, v2, v3};
                    }
                };
                for (int c = 0; c < 3; c++) {
                    forward[i + c] = (byte) v[c];
                }
            }
            Path encoded = encode(rows, columns, 3, 8, 8, forward, List.of("+il"));
            byte[] app8 = {(byte) 0xFF, (byte) 0xE8, 0, 7, 'm', 'r', 'f', 'x', (byte) transform};
            byte[] stream = JpegLsTools.insert(JpegLsTools.stream(encoded, 1), 2, app8);
            Path file = Files.write(dir.resolve("hp" + transform + ".dcm"), JpegLsTools.encapsulatedFile(
                    JpegLsTools.LOSSLESS_UID, rows, columns, 3, 8, 8, "RGB", List.of(stream)));
            try (DicomFile f = DicomFile.open(file)) {
                assertThat(f.frame(1).bytes()).as("HP%d", transform).isEqualTo(rgb);
            }
        }
    }

    /**
     * Encodes stripes of {@code interval} lines separately and joins their scan data with restart
     * markers under the first stripe's header, its height patched and a DRI segment added.
     */
    private byte[] decodeSpliced(int rows, int columns, int samples, int interval, byte[] pixels,
            List<String> mode) throws Exception {
        int stripeBytes = interval * columns * samples;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int s = 0; s * interval < rows; s++) {
            byte[] stripe = Arrays.copyOfRange(pixels, s * stripeBytes, (s + 1) * stripeBytes);
            byte[] stream = JpegLsTools.stream(encode(interval, columns, samples, 8, 8, stripe, mode), 1);
            int end = JpegLsTools.eoi(stream);
            if (s == 0) {
                byte[] head = Arrays.copyOf(stream, end);
                int sof = JpegLsTools.find(head, 0xF7);
                head[sof + 5] = (byte) (rows >> 8);
                head[sof + 6] = (byte) rows;
                out.writeBytes(JpegLsTools.insert(head, 2, new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, 0,
                    (byte) interval}));
            } else {
                out.writeBytes(new byte[] {(byte) 0xFF, (byte) (0xD0 + (s - 1) % 8)});
                out.write(stream, JpegLsTools.scanData(stream), end - JpegLsTools.scanData(stream));
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        Path file = Files.write(dir.resolve("restart-" + count++ + ".dcm"), JpegLsTools.encapsulatedFile(
                JpegLsTools.LOSSLESS_UID, rows, columns, samples, 8, 8, samples == 3 ? "RGB" : "MONOCHROME2",
                List.of(out.toByteArray())));
        try (DicomFile f = DicomFile.open(file)) {
            return f.frame(1).bytes();
        }
    }

    /** Encodes, decodes with dcmdjpls, and compares: with the reference, and when lossless with the input. */
    private void roundTrip(int rows, int columns, int samples, int bitsAllocated, int bitsStored, byte[] pixels,
            List<String> options) throws Exception {
        Path encoded = encode(rows, columns, samples, bitsAllocated, bitsStored, pixels, options);
        if (encoded == null) {
            return;
        }
        Path reference = dir.resolve("reference-" + count++ + ".dcm");
        String refused = JpegLsTools.run(List.of(JpegLsTools.DCMDJPLS.toString(), encoded.toString(),
                reference.toString()));
        if (refused != null && options.contains("+en") && options.contains("+is")) {
            // dcmtk 3.6.7's CharLS refuses some near-lossless sample-interleaved images it wrote itself
            return;
        }
        assertThat(refused).as("dcmdjpls on %d × %d × %d, %d bits, %s", rows, columns, samples, bitsStored, options)
                .isNull();
        JpegLsTools.assertSameFrames(encoded, reference);
        if (!options.contains("+en")) {
            JpegLsTools.assertSameFrames(encoded, encoded.resolveSibling(encoded.getFileName() + ".native.dcm"));
        }
    }

    /** The JPEG-LS file dcmcjpls makes, or null where it crashes (one-line near-lossless images). */
    private Path encode(int rows, int columns, int samples, int bitsAllocated, int bitsStored, byte[] pixels,
            List<String> options) throws Exception {
        String name = "image-" + count++;
        Path encoded = dir.resolve(name + ".dcm");
        Path nativeFile = Files.write(dir.resolve(name + ".dcm.native.dcm"), JpegLsTools.nativeFile(rows, columns,
                samples, bitsAllocated, bitsStored, samples == 3 ? "RGB" : "MONOCHROME2", 1, pixels));
        List<String> command = new ArrayList<>(List.of(JpegLsTools.DCMCJPLS.toString()));
        command.addAll(options);
        command.addAll(List.of(nativeFile.toString(), encoded.toString()));
        String refused = JpegLsTools.run(command);
        // dcmtk 3.6.7's dcmcjpls crashes on some one-line near-lossless images; nothing else is refused
        if (refused != null && !(rows == 1 && options.contains("+en"))) {
            throw new AssertionError("dcmcjpls refuses " + rows + " × " + columns + " × " + samples + ", "
                    + bitsStored + " bits, " + options + ": " + refused);
        }
        return refused == null ? encoded : null;
    }

    /**
     * Samples of {@code bits} bits (bytes, or little-endian words above 8 bits): a ramp plus noise of
     * the given amplitude, reproducible from {@code seed}.
     */
    private static byte[] noise(int count, int bits, long seed, int amplitude) {
        Random random = new Random(seed);
        int max = (1 << bits) - 1;
        int step = bits > 8 ? 2 : 1;
        byte[] out = new byte[count * step];
        for (int i = 0; i < count; i++) {
            int v = Math.floorMod(i * 7 + random.nextInt(amplitude) - amplitude / 2, max + 1);
            out[i * step] = (byte) v;
            if (step == 2) {
                out[i * step + 1] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
