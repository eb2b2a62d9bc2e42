package org.injectionplanner.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
     * @param calibration the image's ultrasound regions and Pixel Spacing
     * @param warnings defects the reader tolerated (e.g. a Number of Frames the Pixel Data does not hold)
     */
    public record Instance(Path file, String patientName, String patientId, String studyUid, String studyDate,
            String studyDescription, String seriesUid, String seriesDescription, Integer seriesNumber,
            String modality, Integer instanceNumber, String sopInstanceUid, String sopClassUid, int rows,
            int columns, int frames, String encoding, String photometric, long fileSize,
            UltrasoundCalibration calibration, List<String> warnings) {
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
     * @param warnings files left out because they lie outside the folder (DICOMDIR references leading out
     *     of it, links to elsewhere), one line each naming the file
     */
    public record ScanResult(List<OpenableSeries> series, int skippedFiles, List<String> problems,
            List<String> warnings) {
    }

    private StudyIndex() {
    }

    /** Scans a file or a folder. */
    public static ScanResult scan(Path path, Progress progress, BooleanSupplier cancelled)
            throws IOException, DicomException {
        List<String> warnings = new ArrayList<>();
        List<Path> files = candidates(path, warnings);
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
        return new ScanResult(group(instances), skipped, problems, List.copyOf(warnings));
    }

    /**
     * The files to read: the path itself; or a folder's regular files that lie inside it (links and
     * DICOMDIR references resolved): those its DICOMDIR lists, or all of them when it has no usable
     * DICOMDIR or when the DICOMDIR points outside the folder (then it is not trusted).
     */
    private static List<Path> candidates(Path path, List<String> warnings) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.isReadable(path)) {
                throw new IOException(path + ": no such file or folder");
            }
            return List.of(path);
        }
        Path root = path.toRealPath();
        Path dicomdir = findDicomdir(path);
        if (dicomdir != null && !inside(dicomdir, root)) {
            warnings.add(dicomdir + ": links to a file outside the folder; not read, the folder's own files are");
        } else if (dicomdir != null) {
            int before = warnings.size();
            List<Path> listed = listedInDicomdir(dicomdir, root, warnings);
            if (warnings.size() > before) {
                warnings.add(dicomdir + ": references files outside its folder, so the folder's own files are "
                        + "read instead of the DICOMDIR's list");
            } else if (!listed.isEmpty()) {
                return listed;
            }
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("DICOMDIR")).sorted().toList()) {
                if (inside(p, root)) {
                    files.add(p);
                } else {
                    warnings.add(p + ": links to a file outside the folder " + path + "; skipped");
                }
            }
            return files;
        }
    }

    private static Path findDicomdir(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().equalsIgnoreCase("DICOMDIR"))
                    .findFirst().orElse(null);
        }
    }

    /**
     * The image files a DICOMDIR references (Referenced File ID in its directory records) that exist
     * inside {@code root}. A reference that leads out of the folder (an absolute path, "..", a link to
     * elsewhere) is not opened: it adds a warning naming it.
     */
    private static List<Path> listedInDicomdir(Path dicomdir, Path root, List<String> warnings) {
        List<Path> files = new ArrayList<>();
        try (DicomFile dir = DicomFile.open(dicomdir)) {
            for (DataSet record : dir.dataSet().getSequence(0x00041220)) {
                String[] parts = record.getStrings(0x00041500);
                if (parts.length == 0) {
                    continue;
                }
                Path p = referencedFile(dicomdir.getParent(), parts);
                if (p == null || Files.exists(p) && !inside(p, root)) {
                    warnings.add(dicomdir + ": Referenced File ID " + String.join("\\", parts)
                            + " leads outside the folder; skipped");
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (DicomException | IOException e) {
            return List.of();
        }
        return files;
    }

    /**
     * The path a Referenced File ID's components name, relative to the DICOMDIR's folder and normalised
     * (no "." or ".."); null when a component is absolute or climbs out of the folder.
     */
    private static Path referencedFile(Path folder, String[] parts) {
        Path relative = Path.of("");
        for (String part : parts) {
            Path component;
            try {
                component = Path.of(part);
            } catch (InvalidPathException e) {
                return null;
            }
            if (component.isAbsolute() || component.getRoot() != null) {
                return null;
            }
            relative = relative.resolve(component);
        }
        Path normal = relative.normalize();
        if (normal.startsWith("..") || normal.toString().isEmpty()) {
            return null;
        }
        return folder.resolve(normal);
    }

    /** True if the file, links resolved, lies inside {@code root} (a real path); false if it does not exist. */
    private static boolean inside(Path file, Path root) {
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
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
                dicom.transferSyntax().name(), px.photometric(), Files.size(file), dicom.calibration(),
                dicom.warnings());
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
