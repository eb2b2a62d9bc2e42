package org.injectionplanner.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.injectionplanner.export.dicom.DicomExportException;
import org.injectionplanner.export.dicom.DicomExportOptions;
import org.injectionplanner.export.dicom.EncapsulatedPdfExport;
import org.injectionplanner.export.dicom.SourceHeaders;
import org.injectionplanner.export.dicom.SourceImages;
import org.injectionplanner.export.dicom.SrExport;

/**
 * Exports a plan in one format (docs/exports.md): makes every file in memory first (finding and decoding the
 * annotated frames where the format draws them), then writes them atomically, each to a temporary file in
 * its folder that is moved into place; an existing file is replaced only with {@link ExportOptions#force()}.
 * When anything fails, or the export's {@link ExportProgress} cancels it, nothing is left behind: no temporary
 * file and no file of this export (the files are moved into place only once every one is written).
 *
 * <p>File names: {@code pdf} and the other single-file formats write {@code out}; {@code png} writes
 * {@code out} for a plan with one annotated frame, else {@code <out without .png>-<k>.png} for the k-th
 * frame ({@link ExportImages#annotatedFrames} order); {@code all} writes into the folder {@code out}
 * (made if missing): {@code session-map.pdf}, {@code frame.png} (or {@code frame-<k>.png}),
 * {@code injections.csv}, {@code plan.json}, {@code session-map-sr.dcm} and {@code session-map-pdf.dcm}.
 */
public final class PlanExporter {

    /** The PDF's name in the folder of an {@code all} export. */
    static final String PDF_NAME = "session-map.pdf";
    /** Series numbers of the DICOM objects: each export makes a new series beside the images. */
    private static final int SR_SERIES = 900;
    private static final int PDF_SERIES = 901;

    private final ExportedPlan plan;
    private final ExportOptions options;
    /** The one lookup of the plan's images, for the frames drawn and the DICOM headers alike. */
    private final SourceImages images;
    private final ZoneId zone;
    /** One per export, so every file of a de-identified export maps a UID to the same new one; else null. */
    private final Deidentifier deidentifier;
    private final OffsetDateTime createdAt;
    private List<AnnotatedFrame> frames;
    /** This export's progress, set once its items are counted. */
    private Steps steps;
    private byte[] pdf;
    private SourceHeaders headers;

    private PlanExporter(ExportedPlan plan, ExportOptions options, Path imagesDir, ZoneId zone) {
        this.plan = plan;
        this.options = options;
        this.images = new SourceImages(imagesDir);
        this.zone = zone;
        this.deidentifier = options.deidentify() ? new Deidentifier() : null;
        this.createdAt = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Exports {@code plan} as {@code format} to {@code out}, and returns the files written, in order.
     *
     * @param imagesDir a folder to look for the plan's images in as well as where the plan recorded them, or null
     * @param zone the time zone times are shown in (the signature's)
     * @throws ExportException naming the problem (a missing image with every place looked, an existing file,
     *         a format this build cannot write, a write that failed); nothing is written then
     */
    public static List<Path> export(ExportedPlan plan, ExportFormat format, Path out, ExportOptions options,
            Path imagesDir, ZoneId zone) throws ExportException {
        return export(plan, format, out, options, imagesDir, zone, ExportProgress.NONE);
    }

    /**
     * As {@link #export(ExportedPlan, ExportFormat, Path, ExportOptions, Path, ZoneId)}, reporting each frame
     * drawn, file made and file written to {@code progress}, and stopping when it says so.
     *
     * @throws ExportCancelledException when {@code progress} cancelled the export; nothing is written then
     */
    public static List<Path> export(ExportedPlan plan, ExportFormat format, Path out, ExportOptions options,
            Path imagesDir, ZoneId zone, ExportProgress progress) throws ExportException {
        PlanExporter exporter = new PlanExporter(plan, options, imagesDir, zone);
        Map<Path, Maker> makers = new LinkedHashMap<>();
        exporter.make(format, out, makers);
        if (options.predecessor() != null && format != ExportFormat.SR && format != ExportFormat.ALL) {
            throw new ExportException("a predecessor SR (" + options.predecessor() + ") belongs to an SR export: "
                    + "use the format sr or all");
        }
        if (!options.force()) {
            // before the work of drawing and making: asked again when writing, for files made meanwhile
            refuseExisting(makers.keySet());
        }
        int frames = drawsFrames(format) ? ExportImages.annotatedFrames(plan.plan()).size() : 0;
        Steps steps = new Steps(progress, frames + 2 * makers.size());
        exporter.steps = steps;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<Path, Maker> e : makers.entrySet()) {
            files.put(e.getKey(), e.getValue().make());
            steps.step("made " + e.getKey().getFileName());
        }
        return write(files, options.force(), steps);
    }

    /** Whether {@code format} draws the annotated frames (the PDF, the PNG and what holds the PDF). */
    private static boolean drawsFrames(ExportFormat format) {
        return format == ExportFormat.PDF || format == ExportFormat.PNG || format == ExportFormat.PDF_DICOM
                || format == ExportFormat.ALL;
    }

    /** Makes the bytes of one file of an export. */
    @FunctionalInterface
    private interface Maker {
        byte[] make() throws ExportException;
    }

    /** Counts an export's items for its {@link ExportProgress}, and stops it when that cancels. */
    private static final class Steps {

        private final ExportProgress progress;
        private final int total;
        private int done;

        Steps(ExportProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        /** One more item is finished; throws when the export is to stop. */
        void step(String item) throws ExportCancelledException {
            done++;
            progress.advanced(done, total, item);
            if (progress.cancelled()) {
                throw new ExportCancelledException(done, total);
            }
        }
    }

    /** Adds the files of {@code format} to {@code files}, each made when asked. The one switch over the formats. */
    private void make(ExportFormat format, Path out, Map<Path, Maker> files) throws ExportException {
        switch (format) {
            case PDF -> files.put(out, this::pdf);
            case PNG -> {
                int count = ExportImages.annotatedFrames(plan.plan()).size();
                for (int k = 0; k < count; k++) {
                    int index = k;
                    files.put(count == 1 ? out : numbered(out, k + 1),
                            () -> FramePng.write(plan, frames().get(index), deidentifier));
                }
            }
            case CSV -> files.put(out, this::csv);
            case JSON -> files.put(out, () -> PlanJsonExport.bytes(plan.plan(), deidentifier));
            case SR -> files.put(out, () -> dicom(o -> SrExport.write(plan.plan(), plan.sessionMap(),
                    plan.settings().catalogue(), headers(), srOptions(), o)));
            case PDF_DICOM -> files.put(out, () -> {
                byte[] map = pdf();
                return dicom(o -> EncapsulatedPdfExport.write(plan.plan(), map,
                        "Session map, session " + plan.plan().sessionNumber(), headers(),
                        dicomOptions(PDF_SERIES), o));
            });
            case ALL -> {
                for (ExportFormat f : ExportFormat.values()) {
                    if (f != ExportFormat.ALL) {
                        make(f, inFolder(out, f), files);
                    }
                }
            }
        }
    }

    /** The file (for png: the first file's pattern) of {@code format} in the folder of an {@code all} export. */
    private static Path inFolder(Path folder, ExportFormat format) {
        return switch (format) {
            case PDF -> folder.resolve(PDF_NAME);
            case PNG -> folder.resolve("frame.png");
            case CSV -> folder.resolve("injections.csv");
            case JSON -> folder.resolve("plan.json");
            case SR -> folder.resolve("session-map-sr.dcm");
            case PDF_DICOM -> folder.resolve("session-map-pdf.dcm");
            case ALL -> folder;
        };
    }

    /** {@code map.png} → {@code map-3.png}; a name without {@code .png} gets it. */
    static Path numbered(Path out, int k) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
                : name;
        return out.resolveSibling(stem + "-" + k + ".png");
    }

    /** The PDF session map, made once per export (the PDF file and the Encapsulated PDF are the same bytes). */
    private byte[] pdf() throws ExportException {
        if (pdf == null) {
            pdf = SessionMapPdf.write(plan, frames(), options, zone, deidentifier);
        }
        return pdf;
    }

    private byte[] csv() throws ExportException {
        StringWriter text = new StringWriter();
        try {
            CsvExport.write(plan.sessionMap(), plan.plan(), deidentifier, text);
        } catch (IOException e) {
            throw new ExportException("cannot make the CSV: " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The headers of the plan's images (patient, study, equipment), read once per export. */
    private SourceHeaders headers() throws DicomExportException {
        if (headers == null) {
            headers = SourceHeaders.of(plan.plan(), images);
        }
        return headers;
    }

    /** The SR's options: its series, and the prior session's SR as predecessor when one was given. */
    private DicomExportOptions srOptions() throws DicomExportException {
        DicomExportOptions o = dicomOptions(SR_SERIES);
        return options.predecessor() == null ? o
                : o.withPredecessor(SrExport.predecessor(options.predecessor(), plan.plan(), headers()));
    }

    private DicomExportOptions dicomOptions(int series) {
        DicomExportOptions o = DicomExportOptions.at(createdAt).numbered(series, 1);
        return deidentifier == null ? o : o.withDeidentification(deidentifier.dicom());
    }

    /** Writes a DICOM object to bytes; its errors become export errors with the same message. */
    private static byte[] dicom(DicomWrite write) throws ExportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write.to(out);
        } catch (DicomExportException e) {
            throw new ExportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ExportException("cannot make the DICOM object: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface DicomWrite {
        void to(ByteArrayOutputStream out) throws DicomExportException, IOException;
    }

    /** The annotated frames, found and drawn once per export. */
    private List<AnnotatedFrame> frames() throws ExportException {
        if (frames == null) {
            ExportImages located = ExportImages.locate(plan.plan(), images);
            List<AnnotatedFrame> drawn = new ArrayList<>();
            for (var ref : located.frames()) {
                drawn.add(AnnotatedFrame.of(plan, located, ref));
                steps.step("drew frame " + drawn.size() + " of " + located.frames().size());
            }
            frames = drawn;
        }
        return frames;
    }

    /**
     * Writes the files: refuses before writing anything when one exists and {@code force} is false; writes
     * each to a forced temporary file beside it (one step of {@code steps} each, where the export may be
     * cancelled), then moves them all into place, which is not cancelled. On a failure or a cancel deletes
     * the temporary files, the files this export created and the folders it made (when empty).
     */
    private static List<Path> write(Map<Path, byte[]> files, boolean force, Steps steps) throws ExportException {
        if (!force) {
            refuseExisting(files.keySet());
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> created = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Path current = null;
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                current = e.getKey();
                Path folder = current.toAbsolutePath().getParent();
                for (Path f = folder; f != null && !Files.exists(f); f = f.getParent()) {
                    folders.add(f);
                }
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, "." + current.getFileName() + "-", ".tmp");
                temps.put(current, temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(e.getValue());
                    while (bytes.hasRemaining()) {
                        ch.write(bytes);
                    }
                    ch.force(true);
                }
                steps.step("wrote " + current.getFileName());
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                current = e.getKey();
                boolean existed = Files.exists(current);
                move(e.getValue(), current, force);
                if (!existed) {
                    created.add(current);
                }
            }
        } catch (IOException | ExportCancelledException e) {
            for (Path temp : temps.values()) {
                deleteQuietly(temp);
            }
            for (Path file : created) {
                deleteQuietly(file);
            }
            // deepest first; a folder that is not empty (someone else's file) stays
            folders.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .forEach(PlanExporter::deleteQuietly);
            if (e instanceof ExportCancelledException cancelled) {
                throw cancelled;
            }
            String reason = e instanceof FileAlreadyExistsException ? "exists: not overwritten (use --force)"
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ExportException("cannot write " + current + ": " + reason, e);
        }
        return List.copyOf(files.keySet());
    }

    /** Refuses, naming them, when any of {@code targets} exists. */
    private static void refuseExisting(Collection<Path> targets) throws ExportException {
        List<Path> existing = targets.stream().filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            throw new ExportException(String.join(", ", existing.stream().map(Path::toString).toList())
                    + (existing.size() == 1 ? " exists" : " exist")
                    + ": not overwritten (use --force, or choose another path)", null, existing);
        }
    }

    private static void move(Path temp, Path target, boolean replace) throws IOException {
        if (!replace) {
            // a hard link fails as one step when the target appeared meanwhile: never over another's file
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
                return;
            } catch (UnsupportedOperationException e) {
                Files.move(temp, target);
                return;
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the export has failed already and says why
        }
    }
}
