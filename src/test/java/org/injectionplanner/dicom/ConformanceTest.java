package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves the decoder against independent implementations (docs/design.md §6): every image file of
 * pydicom's test files and of the shared DICOM corpus is decoded by {@code reference_decode.py}
 * (pydicom; dcmtk for JPEG and JPEG-LS and for files pydicom cannot parse) and by {@link DicomFile}
 * (as the {@code decode} command does, in process), and the canonical frames of the
 * {@code decode} command are compared: byte for byte for lossless transfer syntaxes, by PSNR for lossy
 * JPEG and JPEG 2000. Ultrasound regions are compared with pydicom's reading. Files our decoder
 * refuses must be listed, with the reason, in {@code conformance-expected-failures.tsv}. The outcome of
 * every file is written to {@code target/conformance-report.md}.
 */
class ConformanceTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src", "test", "python", "reference_decode.py");
    private static final Path PYDICOM_TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Path CORPUS = Path.of("..", "shared", "dicom-corpus");
    private static final Path WORK = Path.of("target", "conformance");
    private static final Path REPORT = Path.of("target", "conformance-report.md");
    private static final String EXPECTED_FAILURES = "conformance-expected-failures.tsv";
    private static final Duration REFERENCE_TIMEOUT = Duration.ofSeconds(150);
    private static final double MIN_PSNR_DB = 40;
    /** Transfer syntaxes compared by PSNR: JPEG Baseline, JPEG Extended, JPEG 2000 (lossy). */
    private static final Set<String> LOSSY_SYNTAXES = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.91");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a file came out. */
    enum Outcome {
        EXACT("exact"),
        PSNR("PSNR ≥ " + (int) MIN_PSNR_DB + " dB"),
        EXPECTED_FAILURE("expected failure"),
        REFERENCE_CANNOT_DECODE("reference cannot decode"),
        NO_PIXEL_DATA("no Pixel Data (not an image)"),
        SKIPPED("skipped"),
        FAILED("FAILED");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** One line of the report. */
    record Row(String folder, String file, String syntax, String photometric, Outcome outcome, String detail,
            String calibration) {
    }

    /** A file our decoder is expected to refuse, with a substring of its message and the reason. */
    record ExpectedFailure(String file, String messagePart, String reason) {
    }

    /** A folder of test images. */
    record Folder(String label, Path root, boolean listByPydicom) {
    }

    /** What the reference made of a file. */
    record Reference(int status, String reason, Path dir) {
        boolean decoded() {
            return status == 0;
        }

        boolean noPixelData() {
            return status == 4;
        }
    }

    /** Our decoder's canonical output. */
    record Decoded(int rows, int columns, int frames, int samples, String dtype, byte[] raw) {
    }

    private static final Map<String, Row> ROWS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final Set<String> FAILURES_MET = Collections.synchronizedSet(new LinkedHashSet<>());
    private static ExecutorService references;

    @TestFactory
    Stream<DynamicNode> decoderMatchesPydicomAndDcmtk() throws IOException, InterruptedException {
        assumeTrue(pydicomAvailable(), "skipped: " + PYTHON + " with pydicom and numpy is not available");
        Map<String, ExpectedFailure> expected = loadExpectedFailures();
        references = Executors.newFixedThreadPool(Math.max(1, Math.min(4,
                Runtime.getRuntime().availableProcessors())), r -> {
                    Thread t = new Thread(r, "conformance-reference");
                    t.setDaemon(true);
                    return t;
                });
        List<DynamicNode> nodes = new ArrayList<>();
        boolean allFolders = true;
        for (Folder folder : List.of(new Folder("pydicom test_files", PYDICOM_TEST_FILES, true),
                new Folder("shared dicom-corpus", CORPUS, false))) {
            if (!Files.isDirectory(folder.root())) {
                allFolders = false;
                String message = "skipped: " + folder.label() + " folder " + folder.root().toAbsolutePath().normalize()
                        + " is absent";
                nodes.add(DynamicTest.dynamicTest(folder.label(), () -> abort(message)));
                ROWS.put(folder.label(), new Row(folder.label(), "(whole folder)", "", "", Outcome.SKIPPED,
                        message, ""));
                continue;
            }
            List<String> files = imageFiles(folder);
            List<DynamicNode> tests = new ArrayList<>();
            for (String file : files) {
                Path source = folder.root().resolve(file);
                Path referenceDir = WORK.resolve("reference").resolve(slug(folder.label())).resolve(file);
                Future<Reference> reference = references.submit(() -> runReference(source, referenceDir));
                tests.add(DynamicTest.dynamicTest(file, source.toUri(),
                        () -> check(folder, file, source, reference, expected)));
            }
            nodes.add(DynamicContainer.dynamicContainer(folder.label() + " (" + files.size() + " files)", tests));
        }
        if (allFolders) {
            nodes.add(DynamicTest.dynamicTest("every listed expected failure still fails", () -> {
                Set<String> stale = new LinkedHashSet<>(expected.keySet());
                stale.removeAll(FAILURES_MET);
                assertThat(stale).as("entries of %s that no file needs any more", EXPECTED_FAILURES).isEmpty();
            }));
        }
        return nodes.stream();
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (references != null) {
            references.shutdownNow();
        }
        if (ROWS.isEmpty()) {
            return;
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report(List.copyOf(ROWS.values())));
    }

    private static void check(Folder folder, String file, Path source, Future<Reference> referenceFuture,
            Map<String, ExpectedFailure> expected) throws InterruptedException, ExecutionException {
        String key = folder.label() + "/" + file;
        Row start = new Row(folder.label(), file, "", "", Outcome.FAILED, "not finished", "");
        ROWS.put(key, start);
        Reference reference = referenceFuture.get();
        Row done;
        try {
            done = evaluate(start, source, reference, expected.get(file));
        } catch (IOException | RuntimeException e) {
            done = with(ROWS.get(key), Outcome.FAILED, "unexpected " + e);
        }
        ROWS.put(key, done);
        if (done.outcome() == Outcome.FAILED) {
            fail("%s: %s", file, done.detail());
        }
        if (done.calibration().startsWith("MISMATCH")) {
            fail("%s: ultrasound regions differ from pydicom's: %s", file, done.calibration());
        }
    }

    /** Decodes one file with our decoder and judges it against the reference; never throws on a mismatch. */
    private static Row evaluate(Row start, Path source, Reference reference, ExpectedFailure listed)
            throws IOException {
        String key = start.folder() + "/" + start.file();
        DicomFile dicom;
        try {
            dicom = DicomFile.open(source);
        } catch (DicomException e) {
            return refused(start, e, listed, reference);
        }
        try (dicom) {
            Row row = new Row(start.folder(), start.file(), dicom.transferSyntax().uid(),
                    dicom.hasPixelData() ? dicom.pixels().photometric() : "", start.outcome(), start.detail(), "");
            ROWS.put(key, row);
            row = new Row(row.folder(), row.file(), row.syntax(), row.photometric(), row.outcome(), row.detail(),
                    compareCalibration(dicom, reference));
            ROWS.put(key, row);
            if (!dicom.hasPixelData()) {
                if (reference.decoded()) {
                    return with(row, Outcome.FAILED, "we find no Pixel Data, the reference decodes it");
                }
                if (listed != null) {
                    return with(row, Outcome.FAILED, "listed in " + EXPECTED_FAILURES + " but it opens");
                }
                return with(row, Outcome.NO_PIXEL_DATA, reference.noPixelData() ? "reference agrees"
                        : "reference: " + reference.reason());
            }
            Decoded ours;
            try {
                ours = decode(dicom);
            } catch (DicomException e) {
                return refused(row, e, listed, reference);
            }
            if (listed != null) {
                return with(row, Outcome.FAILED, "listed in " + EXPECTED_FAILURES + " but it decodes ("
                        + shape(ours) + "): remove it from the list");
            }
            if (!reference.decoded()) {
                return with(row, Outcome.REFERENCE_CANNOT_DECODE, reference.reason() + "; ours: " + shape(ours));
            }
            return compare(row, dicom, ours, reference);
        }
    }

    private static Row refused(Row row, DicomException e, ExpectedFailure listed, Reference reference) {
        String message = e.getMessage();
        String referenceNote = reference.decoded() ? "reference decodes it (" + referenceName(reference) + ")"
                : "reference: " + reference.reason();
        if (listed == null) {
            return with(row, Outcome.FAILED, "our decoder throws a DicomException and the file is not listed in "
                    + EXPECTED_FAILURES + ": " + message + "; " + referenceNote);
        }
        FAILURES_MET.add(listed.file());
        if (!message.contains(listed.messagePart())) {
            return with(row, Outcome.FAILED, "expected a message containing '" + listed.messagePart()
                    + "' but got: " + message);
        }
        return with(row, Outcome.EXPECTED_FAILURE, listed.reason() + " — our message: " + shorten(message)
                + " — " + referenceNote);
    }

    private static Row compare(Row row, DicomFile dicom, Decoded ours, Reference reference) throws IOException {
        JsonNode info = JSON.readTree(reference.dir().resolve("decode.json").toFile());
        Decoded theirs = new Decoded(info.get("rows").asInt(), info.get("columns").asInt(),
                info.get("frames").asInt(), info.get("samples").asInt(), info.get("dtype").asText(),
                Files.readAllBytes(reference.dir().resolve("frames.raw")));
        String name = info.get("reference").asText();
        if (!shape(ours).equals(shape(theirs)) || ours.raw().length != theirs.raw().length) {
            saveOurs(ours, reference);
            return with(row, Outcome.FAILED, "layout differs: ours " + shape(ours) + " (" + ours.raw().length
                    + " bytes), " + name + " " + shape(theirs) + " (" + theirs.raw().length + " bytes)");
        }
        boolean lossy = LOSSY_SYNTAXES.contains(dicom.transferSyntax().uid());
        Difference diff = Difference.of(ours, theirs, dicom.pixels().bitsStored());
        if (diff.count() == 0) {
            return with(row, Outcome.EXACT, "identical to " + name + " (" + shape(ours) + ")");
        }
        saveOurs(ours, reference);
        if (lossy) {
            String psnr = String.format(Locale.ROOT, "PSNR %.2f dB against %s (%d of %d samples differ, max %d)",
                    diff.psnrDb(), name, diff.count(), diff.samples(), diff.maxAbs());
            return diff.psnrDb() >= MIN_PSNR_DB ? with(row, Outcome.PSNR, psnr)
                    : with(row, Outcome.FAILED, psnr + ", below " + MIN_PSNR_DB + " dB");
        }
        return with(row, Outcome.FAILED, "lossless syntax but " + diff.describe(ours) + " against " + name);
    }

    /** Sample differences between two canonical outputs of the same layout. */
    record Difference(long count, long samples, long maxAbs, double squaredError, long first, int firstOurs,
            int firstTheirs, double peak) {

        static Difference of(Decoded ours, Decoded theirs, int bitsStored) {
            boolean words = !ours.dtype().equals("uint8");
            boolean signed = ours.dtype().equals("int16");
            byte[] a = ours.raw();
            byte[] b = theirs.raw();
            int step = words ? 2 : 1;
            long count = 0;
            long maxAbs = 0;
            double squared = 0;
            long first = -1;
            int firstA = 0;
            int firstB = 0;
            for (int i = 0; i + step <= a.length; i += step) {
                int va = words ? word(a, i, signed) : a[i] & 0xFF;
                int vb = words ? word(b, i, signed) : b[i] & 0xFF;
                if (va != vb) {
                    long d = Math.abs((long) va - vb);
                    if (count++ == 0) {
                        first = i / step;
                        firstA = va;
                        firstB = vb;
                    }
                    maxAbs = Math.max(maxAbs, d);
                    squared += (double) d * d;
                }
            }
            int bits = words ? Math.max(1, Math.min(16, bitsStored)) : 8;
            return new Difference(count, a.length / step, maxAbs, squared, first, firstA, firstB,
                    (1 << bits) - 1);
        }

        private static int word(byte[] b, int i, boolean signed) {
            int v = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            return signed ? (short) v : v;
        }

        double psnrDb() {
            double mse = squaredError / samples;
            return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
        }

        String describe(Decoded d) {
            long perFrame = (long) d.rows() * d.columns() * d.samples();
            long frame = first / perFrame;
            long inFrame = first % perFrame;
            long pixel = inFrame / d.samples();
            return String.format(Locale.ROOT, "%d of %d samples differ (max %d, PSNR %.2f dB); first at frame %d,"
                    + " row %d, column %d, sample %d: ours %d, reference %d", count, samples, maxAbs, psnrDb(),
                    frame + 1, pixel / d.columns(), pixel % d.columns(), inFrame % d.samples(), firstOurs,
                    firstTheirs);
        }
    }

    private static String compareCalibration(DicomFile dicom, Reference reference) throws IOException {
        Path regionsFile = reference.dir().resolve("regions.json");
        List<Map<String, Object>> ours = new ArrayList<>();
        for (UltrasoundRegion r : UltrasoundCalibration.of(dicom.dataSet()).regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x0", r.x0());
            m.put("y0", r.y0());
            m.put("x1", r.x1());
            m.put("y1", r.y1());
            m.put("spatialFormat", longOrNull(r.spatialFormat()));
            m.put("dataType", longOrNull(r.dataType()));
            m.put("unitsX", longOrNull(r.unitsX()));
            m.put("unitsY", longOrNull(r.unitsY()));
            m.put("physicalDeltaX", r.physicalDeltaX());
            m.put("physicalDeltaY", r.physicalDeltaY());
            ours.add(m);
        }
        if (!Files.exists(regionsFile)) {
            return ours.isEmpty() ? "" : ours.size() + " regions (pydicom cannot read the file)";
        }
        List<Map<String, Object>> theirs = new ArrayList<>();
        for (JsonNode item : JSON.readTree(regionsFile.toFile())) {
            Map<String, Object> m = new LinkedHashMap<>();
            item.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().isIntegralNumber() ? (Object) e.getValue().asLong() : e.getValue().asDouble()));
            theirs.add(m);
        }
        if (ours.isEmpty() && theirs.isEmpty()) {
            return "";
        }
        if (!ours.equals(theirs)) {
            return "MISMATCH: ours " + ours + ", pydicom " + theirs;
        }
        return ours.size() + (ours.size() == 1 ? " region" : " regions") + " equal";
    }

    private static Long longOrNull(Integer v) {
        return v == null ? null : v.longValue();
    }

    private static Decoded decode(DicomFile dicom) throws DicomException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Frame[] first = new Frame[1];
        FrameDecoding.decodeAll(dicom, FrameDecoding.defaultThreads(), (number, frame) -> {
            if (number == 1) {
                first[0] = frame;
            }
            frame.writeTo(raw);
        });
        Frame f = first[0];
        return new Decoded(f.rows(), f.columns(), dicom.frameCount(), f.type().samples(), f.type().dtype(),
                raw.toByteArray());
    }

    private static void saveOurs(Decoded ours, Reference reference) throws IOException {
        Files.write(reference.dir().resolve("ours-frames.raw"), ours.raw());
    }

    private static Reference runReference(Path source, Path dir) throws IOException, InterruptedException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path stderr = dir.resolve("reference-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), source.toString(),
                dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        // nothing is cached outside target/: no bytecode files next to the script or pydicom
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = builder.start();
        if (!p.waitFor(REFERENCE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Reference(-1, "reference timed out after " + REFERENCE_TIMEOUT.toSeconds() + " s", dir);
        }
        String reason = Files.readString(stderr, StandardCharsets.UTF_8).strip();
        return new Reference(p.exitValue(), shorten(reason.isEmpty() ? "status " + p.exitValue() : reason), dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> imageFiles(Folder folder) throws IOException, InterruptedException {
        if (folder.listByPydicom()) {
            ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--list",
                    folder.root().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process p = builder.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.waitFor(REFERENCE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("listing finished").isTrue();
            assertThat(p.exitValue()).as("reference_decode.py --list status").isZero();
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
        try (Stream<Path> paths = Files.walk(folder.root())) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm"))
                    .map(p -> folder.root().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean pydicomAvailable() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom, numpy")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, ExpectedFailure> loadExpectedFailures() throws IOException {
        Map<String, ExpectedFailure> out = new LinkedHashMap<>();
        try (InputStream in = ConformanceTest.class.getResourceAsStream(EXPECTED_FAILURES)) {
            assertThat(in).as(EXPECTED_FAILURES + " on the test class path").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("line '%s' of %s needs file, message part and reason", line,
                        EXPECTED_FAILURES).hasSize(3);
                out.put(cells[0].strip(), new ExpectedFailure(cells[0].strip(), cells[1].strip(), cells[2].strip()));
            }
        }
        return out;
    }

    private static Row with(Row row, Outcome outcome, String detail) {
        return new Row(row.folder(), row.file(), row.syntax(), row.photometric(), outcome, detail,
                row.calibration());
    }

    private static String shape(Decoded d) {
        return d.rows() + "×" + d.columns() + "×" + d.frames() + " " + d.samples() + "×" + d.dtype();
    }

    private static String referenceName(Reference reference) {
        try {
            return JSON.readTree(reference.dir().resolve("decode.json").toFile()).get("reference").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String s) {
        String oneLine = s.replace('\n', ' ').replace('|', '/');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static String report(List<Row> rows) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        int withRegions = 0;
        int regionsEqual = 0;
        for (Row r : rows) {
            counts.merge(r.outcome(), 1, Integer::sum);
            if (!r.calibration().isEmpty()) {
                withRegions++;
                if (r.calibration().endsWith("equal")) {
                    regionsEqual++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# DICOM conformance report\n\n");
        sb.append("Written by `ConformanceTest` on ").append(OffsetDateTime.now().withNano(0)).append(". Our decoder")
                .append(" (`DicomFile`, canonical `decode` output) against `src/test/python/reference_decode.py`")
                .append(" (pydicom; dcmtk `dcmdjpeg`/`dcmdjpls` for JPEG and JPEG-LS, `dcmconv` for files pydicom")
                .append(" cannot parse). Lossless syntaxes must")
                .append(" match byte for byte; lossy JPEG (.4.50/.4.51) and JPEG 2000 (.4.91) need PSNR ≥ ")
                .append((int) MIN_PSNR_DB).append(" dB.\n\n");
        sb.append("## Summary\n\n| Outcome | Files |\n|---|---|\n");
        for (Outcome o : Outcome.values()) {
            if (counts.containsKey(o)) {
                sb.append("| ").append(o.label).append(" | ").append(counts.get(o)).append(" |\n");
            }
        }
        sb.append("| **total** | ").append(rows.size()).append(" |\n");
        sb.append("| ultrasound regions compared with pydicom (equal) | ").append(withRegions).append(" (")
                .append(regionsEqual).append(") |\n\n");
        sb.append("## Files\n\n| Folder | File | Transfer syntax | PI | Outcome | Detail | US regions |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.folder()).append(" | `").append(r.file()).append("` | ").append(r.syntax())
                    .append(" | ").append(r.photometric()).append(" | ").append(r.outcome().label).append(" | ")
                    .append(r.detail().replace("|", "/")).append(" | ").append(r.calibration().replace("|", "/"))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
