package org.injectionplanner.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Finds the DICOM images in a file or folder (recursively, or as listed by a DICOMDIR) and groups them
 * into openable series: patient → study → series. Within a series, single-frame images of the same
 * size form one openable unit (a stack, by Instance Number); each multi-frame image (cine) is a unit
 * of its own. Only metadata is read.
 */
public final class StudyIndex {

    /** Receives progress: files examined of the total. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * One image file.
     *
     * @param file the file
     * @param frames frames in the file
     * @param fileSize size in bytes
     */
    public record Instance(Path file, String patientName, String patientId, String studyUid, String studyDate,
            String studyDescription, String seriesUid, String seriesDescription, Integer seriesNumber,
            String modality, Integer instanceNumber, String sopInstanceUid, String sopClassUid, int rows,
            int columns, int frames, String encoding, String photometric, long fileSize) {
    }

    /**
     * Images that open together as one ImageJ image.
     *
     * @param instances the files, in Instance Number order; one file for a cine
     */
    public record OpenableSeries(List<Instance> instances) {

        /** The first file's metadata (patient, study, series are shared by all). */
        public Instance first() {
            return instances.get(0);
        }

        /** Frames (stack slices) in total. */
        public int frames() {
            return instances.stream().mapToInt(Instance::frames).sum();
        }

        /** Bytes on disk in total. */
        public long fileSize() {
            return instances.stream().mapToLong(Instance::fileSize).sum();
        }

        /** A key identifying this unit: series UID and first SOP Instance UID. */
        public String key() {
            return first().seriesUid() + "|" + first().sopInstanceUid();
        }

        /** A one-line description without patient identifiers. */
        public String description() {
            Instance f = first();
            String desc = f.seriesDescription() != null ? f.seriesDescription()
                    : "Series " + (f.seriesNumber() == null ? "?" : f.seriesNumber());
            return String.format(Locale.ROOT, "%s (%s, %d frame%s, %d×%d, %s)", desc,
                    f.modality() == null ? "?" : f.modality(), frames(), frames() == 1 ? "" : "s",
                    f.columns(), f.rows(), f.encoding());
        }
    }

    /**
     * What a scan found.
     *
     * @param series openable series, ordered by patient, study date, series number, instance number
     * @param skippedFiles files that are not DICOM images (or not readable), skipped
     * @param problems reasons for DICOM-looking files that could not be read
     */
    public record ScanResult(List<OpenableSeries> series, int skippedFiles, List<String> problems) {
    }

    private StudyIndex() {
    }

    /** Scans a file or a folder. */
    public static ScanResult scan(Path path, Progress progress, BooleanSupplier cancelled)
            throws IOException, DicomException {
        List<Path> files = candidates(path);
        List<Instance> instances = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new DicomException(path.toString(), -1, -1, "scan cancelled");
            }
            progress.update(i, files.size());
            Path file = files.get(i);
            try (DicomFile dicom = DicomFile.open(file)) {
                if (!dicom.hasPixelData()) {
                    skipped++;
                    continue;
                }
                instances.add(describe(file, dicom));
            } catch (DicomException e) {
                skipped++;
                if (looksLikeDicom(file) || files.size() == 1) {
                    problems.add(e.getMessage());
                }
            }
        }
        progress.update(files.size(), files.size());
        if (files.size() == 1 && instances.isEmpty() && !problems.isEmpty()) {
            throw new DicomException(path.toString(), -1, -1, problems.get(0).replace(path + ": ", ""));
        }
        return new ScanResult(group(instances), skipped, problems);
    }

    private static List<Path> candidates(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isReadable(path)) {
                throw new IOException(path + ": no such file or folder");
            }
            return List.of(path);
        }
        Path dicomdir = findDicomdir(path);
        if (dicomdir != null) {
            List<Path> listed = listedInDicomdir(dicomdir);
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("DICOMDIR"))
                    .sorted().toList();
        }
    }

    private static Path findDicomdir(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().equalsIgnoreCase("DICOMDIR"))
                    .findFirst().orElse(null);
        }
    }

    /** The image files a DICOMDIR references (Referenced File ID in its directory records). */
    private static List<Path> listedInDicomdir(Path dicomdir) {
        List<Path> files = new ArrayList<>();
        try (DicomFile dir = DicomFile.open(dicomdir)) {
            for (DataSet record : dir.dataSet().getSequence(0x00041220)) {
                String[] parts = record.getStrings(0x00041500);
                if (parts.length == 0) {
                    continue;
                }
                Path p = dicomdir.getParent();
                for (String part : parts) {
                    p = p.resolve(part);
                }
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (DicomException | IOException e) {
            return List.of();
        }
        return files;
    }

    private static boolean looksLikeDicom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    private static Instance describe(Path file, DicomFile dicom) throws IOException {
        DataSet ds = dicom.dataSet();
        ImagePixelModule px = dicom.pixels();
        return new Instance(file, ds.getText(Tag.PATIENT_NAME), ds.getString(Tag.PATIENT_ID),
                orUnknown(ds.getString(Tag.STUDY_INSTANCE_UID), file), ds.getString(Tag.STUDY_DATE),
                ds.getString(Tag.STUDY_DESCRIPTION), orUnknown(ds.getString(Tag.SERIES_INSTANCE_UID), file),
                ds.getString(Tag.SERIES_DESCRIPTION), ds.getInteger(Tag.SERIES_NUMBER), ds.getString(Tag.MODALITY),
                ds.getInteger(Tag.INSTANCE_NUMBER), orUnknown(ds.getString(Tag.SOP_INSTANCE_UID), file),
                ds.getString(Tag.SOP_CLASS_UID), px.rows(), px.columns(), dicom.frameCount(),
                dicom.transferSyntax().name(), px.photometric(), Files.size(file));
    }

    private static String orUnknown(String uid, Path file) {
        return uid != null ? uid : "unknown:" + file.toAbsolutePath();
    }

    private static List<OpenableSeries> group(List<Instance> instances) {
        Comparator<Instance> order = Comparator
                .comparing((Instance i) -> i.patientId() == null ? "" : i.patientId())
                .thenComparing(i -> i.studyDate() == null ? "" : i.studyDate())
                .thenComparing(Instance::studyUid)
                .thenComparing(i -> i.seriesNumber() == null ? Integer.MAX_VALUE : i.seriesNumber())
                .thenComparing(Instance::seriesUid)
                .thenComparing(i -> i.instanceNumber() == null ? Integer.MAX_VALUE : i.instanceNumber())
                .thenComparing(i -> i.file().toString());
        List<Instance> sorted = instances.stream().sorted(order).toList();
        Map<String, List<Instance>> units = new LinkedHashMap<>();
        for (Instance i : sorted) {
            String key = i.frames() > 1
                    ? "cine|" + i.sopInstanceUid()
                    : "stack|" + i.seriesUid() + "|" + i.rows() + "x" + i.columns() + "|" + i.encoding();
            units.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return units.values().stream().map(OpenableSeries::new).toList();
    }
}
