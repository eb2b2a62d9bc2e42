package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the JPEG-LS decoder against dcmtk's CharLS: every sample study and every corpus image is
 * made native, re-encoded with {@code dcmcjpls} (lossless; near-lossless with NEAR 1, 2 and 5; line,
 * sample and no interleave; custom thresholds in an LSE segment), and our decoding of each JPEG-LS
 * file must equal, sample for sample, our (native) reading of what {@code dcmdjpls} makes of the same
 * file. Skipped with a message when dcmtk or the corpus is absent.
 */
class JpegLsConformanceTest {

    private static final Path SAMPLES = Path.of("sample-dicom");

    /** An encoding to test: a name and dcmcjpls options. */
    record Variant(String name, List<String> options) {
        boolean nearLossless() {
            return options.contains("+en");
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("lossless, line interleave", List.of("+il")),
            new Variant("lossless, sample interleave", List.of("+is")),
            new Variant("lossless, no interleave", List.of("+in")),
            new Variant("NEAR 1", List.of("+en", "+md", "1")),
            new Variant("NEAR 2, sample interleave", List.of("+en", "+md", "2", "+is")),
            new Variant("NEAR 5, no interleave", List.of("+en", "+md", "5", "+in")),
            new Variant("LSE thresholds 5 9 30, RESET 32", List.of("+t1", "5", "+t2", "9", "+t3", "30", "+rs", "32")));

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicNode> reencodedFilesDecodeAsDcmdjplsDecodesThem() throws IOException {
        assumeTrue(JpegLsTools.dcmtkPresent(), "skipped: dcmtk's dcmcjpls and dcmdjpls are not installed");
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(folder("sample studies", SAMPLES));
        Path corpus = FuzzSeeds.CORPUS;
        if (Files.isDirectory(corpus)) {
            nodes.add(folder("shared dicom-corpus", corpus));
        } else {
            nodes.add(DynamicTest.dynamicTest("shared dicom-corpus", () -> abort("skipped: the corpus "
                    + corpus.toAbsolutePath().normalize() + " is absent")));
        }
        return nodes.stream();
    }

    private static DynamicContainer folder(String label, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
        List<DynamicNode> perFile = new ArrayList<>();
        for (Path file : files) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Variant v : VARIANTS) {
                tests.add(DynamicTest.dynamicTest(v.name(), () -> check(file, v)));
            }
            perFile.add(DynamicContainer.dynamicContainer(root.relativize(file).toString(), tests));
        }
        return DynamicContainer.dynamicContainer(label + " (" + files.size() + " files)", perFile);
    }

    private static void check(Path source, Variant variant) throws Exception {
        Path dir = Files.createDirectories(work.resolve(source.getFileName().toString()));
        Path nativeFile = dir.resolve("native.dcm");
        if (!Files.exists(nativeFile)) {
            String why = toNative(source, nativeFile);
            if (why != null) {
                Files.deleteIfExists(nativeFile);
                Files.writeString(dir.resolve("unusable"), why);
            }
        }
        if (Files.exists(dir.resolve("unusable"))) {
            abort("skipped: " + Files.readString(dir.resolve("unusable")));
        }
        String slug = variant.name().replaceAll("[^A-Za-z0-9]+", "-");
        Path encoded = dir.resolve(slug + ".jls.dcm");
        List<String> command = new ArrayList<>(List.of(JpegLsTools.DCMCJPLS.toString()));
        command.addAll(variant.options());
        command.addAll(List.of(nativeFile.toString(), encoded.toString()));
        String refused = JpegLsTools.run(command);
        if (refused != null) {
            // dcmcjpls encodes only what CharLS can (e.g. no YBR_FULL_422, no near-lossless palette)
            abort("skipped: " + refused);
        }
        Path decoded = dir.resolve(slug + ".dcmdjpls.dcm");
        String unreadable = JpegLsTools.run(List.of(JpegLsTools.DCMDJPLS.toString(), encoded.toString(),
                decoded.toString()));
        if (unreadable != null) {
            // dcmtk 3.6.7's CharLS refuses some near-lossless sample-interleaved images it wrote itself
            abort("skipped: no reference, " + unreadable);
        }
        try (DicomFile f = DicomFile.open(encoded)) {
            assertThat(f.transferSyntax().uid()).isEqualTo(variant.nearLossless() ? JpegLsTools.NEAR_LOSSLESS_UID
                    : JpegLsTools.LOSSLESS_UID);
            if (variant.name().startsWith("LSE")) {
                assertThat(JpegLsTools.find(f.encodedFrame(1), 0xF8)).as("an LSE segment").isPositive();
            }
        }
        JpegLsTools.assertSameFrames(encoded, decoded);
    }

    /**
     * Makes a native copy of {@code source} with dcmtk (dcmdjpeg, dcmdrle, dcmdjpls or dcmconv, by its
     * transfer syntax); returns null, or why the file cannot be used.
     */
    private static String toNative(Path source, Path out) throws IOException, InterruptedException {
        TransferSyntax syntax;
        try (DicomFile f = DicomFile.open(source)) {
            if (!f.hasPixelData() || f.frameCount() == 0) {
                return source.getFileName() + " has no Pixel Data";
            }
            f.frame(1);
            syntax = f.transferSyntax();
        } catch (DicomException e) {
            return "our reader refuses " + source.getFileName() + " (" + e.getMessage() + ")";
        }
        String tool = switch (syntax.codec()) {
            case NATIVE -> "dcmconv";
            case JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS -> "dcmdjpeg";
            case RLE -> "dcmdrle";
            case JPEG_LS -> "dcmdjpls";
            default -> null;
        };
        if (tool == null) {
            return "dcmtk cannot decompress " + syntax.name();
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/" + tool));
        if (tool.equals("dcmconv")) {
            command.add("+te");
        }
        command.addAll(List.of(source.toString(), out.toString()));
        return JpegLsTools.run(command);
    }
}
