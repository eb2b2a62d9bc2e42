package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helpers for JPEG-LS: dcmtk's {@code dcmcjpls}/{@code dcmdjpls} (CharLS) as the reference,
 * native files made in memory, and surgery on JPEG-LS streams (finding scans, inserting segments).
 */
final class JpegLsTools {

    static final Path DCMCJPLS = Path.of("/usr/bin/dcmcjpls");
    static final Path DCMDJPLS = Path.of("/usr/bin/dcmdjpls");
    static final String LOSSLESS_UID = "1.2.840.10008.1.2.4.80";
    static final String NEAR_LOSSLESS_UID = "1.2.840.10008.1.2.4.81";

    private JpegLsTools() {
    }

    static boolean dcmtkPresent() {
        return Files.isExecutable(DCMCJPLS) && Files.isExecutable(DCMDJPLS);
    }

    /** Runs a dcmtk tool; returns null on success, else its exit status and output. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " timed out";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + " exited with " + p.exitValue() + ": "
                + output.strip();
    }

    /** Every frame of {@code a} equals the same frame of {@code b}: type, size and every sample. */
    static void assertSameFrames(Path a, Path b) throws DicomException, IOException {
        try (DicomFile x = DicomFile.open(a); DicomFile y = DicomFile.open(b)) {
            assertThat(x.frameCount()).as("frames of %s", a.getFileName()).isEqualTo(y.frameCount());
            for (int n = 1; n <= x.frameCount(); n++) {
                assertSameFrame(x.frame(n), y.frame(n), a.getFileName() + " frame " + n);
            }
        }
    }

    static void assertSameFrame(Frame ours, Frame reference, String what) {
        assertThat(ours.type()).as("sample type of %s", what).isEqualTo(reference.type());
        assertThat(ours.rows()).as("rows of %s", what).isEqualTo(reference.rows());
        assertThat(ours.columns()).as("columns of %s", what).isEqualTo(reference.columns());
        if (reference.bytes() != null) {
            assertThat(ours.bytes()).as("samples of %s", what).isEqualTo(reference.bytes());
        } else {
            assertThat(ours.shorts()).as("samples of %s", what).isEqualTo(reference.shorts());
        }
    }

    /**
     * A native (Explicit VR Little Endian) ultrasound image.
     *
     * @param pixels samples as stored: bytes for 8 bits, little-endian words for 16 (interleaved RGB)
     */
    static byte[] nativeFile(int rows, int columns, int samples, int bitsAllocated, int bitsStored,
            String photometric, int frames, byte[] pixels) {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        header(b, rows, columns, samples, bitsAllocated, bitsStored, photometric, frames);
        byte[] even = (pixels.length & 1) == 0 ? pixels : java.util.Arrays.copyOf(pixels, pixels.length + 1);
        return b.element(Tag.PIXEL_DATA, bitsAllocated == 16 ? Vr.OW : Vr.OB, even).toByteArray();
    }

    /** A JPEG-LS file holding {@code streams} as its frames, one fragment each, with an offset table. */
    static byte[] encapsulatedFile(String uid, int rows, int columns, int samples, int bitsAllocated,
            int bitsStored, String photometric, List<byte[]> streams) {
        return encapsulatedFile(uid, rows, columns, samples, bitsAllocated, bitsStored, photometric, streams.size(),
                streams, true);
    }

    /** A JPEG-LS file of {@code frames} frames in the given fragments (each padded to even length). */
    static byte[] encapsulatedFile(String uid, int rows, int columns, int samples, int bitsAllocated,
            int bitsStored, String photometric, int frames, List<byte[]> fragments, boolean offsetTable) {
        DicomBytes b = DicomBytes.explicitLittle().preamble().meta(uid);
        header(b, rows, columns, samples, bitsAllocated, bitsStored, photometric, frames);
        List<byte[]> even = new ArrayList<>();
        for (byte[] s : fragments) {
            even.add((s.length & 1) == 0 ? s : java.util.Arrays.copyOf(s, s.length + 1));
        }
        return FuzzSeeds.encapsulated(b, even, offsetTable).toByteArray();
    }

    private static void header(DicomBytes b, int rows, int columns, int samples, int bitsAllocated, int bitsStored,
            String photometric, int frames) {
        b.text(Tag.SOP_CLASS_UID, Vr.UI, frames > 1 ? Uids.US_MULTIFRAME_IMAGE_STORAGE : Uids.US_IMAGE_STORAGE)
                .text(Tag.MODALITY, Vr.CS, "US");
        if (frames > 1) {
            b.text(Tag.FRAME_TIME, Vr.DS, "40");
        }
        b.us(Tag.SAMPLES_PER_PIXEL, samples).text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, photometric);
        if (samples == 3) {
            b.us(Tag.PLANAR_CONFIGURATION, 0);
        }
        if (frames > 1) {
            b.text(Tag.NUMBER_OF_FRAMES, Vr.IS, Integer.toString(frames));
        }
        b.us(Tag.ROWS, rows).us(Tag.COLUMNS, columns).us(Tag.BITS_ALLOCATED, bitsAllocated)
                .us(Tag.BITS_STORED, bitsStored).us(Tag.HIGH_BIT, bitsStored - 1).us(Tag.PIXEL_REPRESENTATION, 0);
    }

    /** Encodes a native file with dcmcjpls and the given options; returns the JPEG-LS file. */
    static Path encode(Path nativeFile, Path out, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(DCMCJPLS.toString());
        command.addAll(options);
        command.add(nativeFile.toString());
        command.add(out.toString());
        String error = run(command);
        assertThat(error).as("dcmcjpls").isNull();
        return out;
    }

    /** The JPEG-LS stream of frame {@code n} of a file. */
    static byte[] stream(Path file, int n) throws DicomException, IOException {
        try (DicomFile f = DicomFile.open(file)) {
            return f.encodedFrame(n);
        }
    }

    /** The offset of the first marker FF {@code code} in a stream, or -1. */
    static int find(byte[] s, int code) {
        for (int i = 0; i + 1 < s.length; i++) {
            if ((s[i] & 0xFF) == 0xFF && (s[i + 1] & 0xFF) == code) {
                return i;
            }
        }
        return -1;
    }

    /** The stream with {@code segment} inserted at {@code at}. */
    static byte[] insert(byte[] s, int at, byte[] segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(s, 0, at);
        out.writeBytes(segment);
        out.write(s, at, s.length - at);
        return out.toByteArray();
    }

    /** The end of a stream's last scan: the offset of its EOI marker (after any fill bytes FF). */
    static int eoi(byte[] s) {
        int end = s.length - 1;
        while (end > 0 && !((s[end - 1] & 0xFF) == 0xFF && (s[end] & 0xFF) == 0xD9)) {
            end--;
        }
        int at = end - 1;
        while (at > 0 && (s[at - 1] & 0xFF) == 0xFF) {
            at--;
        }
        return at;
    }

    /** The offset just after the first scan header (SOS segment). */
    static int scanData(byte[] s) {
        int sos = find(s, 0xDA);
        return sos + 2 + ((s[sos + 2] & 0xFF) << 8 | (s[sos + 3] & 0xFF));
    }
}
