package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.StudyIndex;

/**
 * Where a plan's images are on disk: the one lookup of every export (the frames drawn and the DICOM headers
 * read) and of the review of earlier sessions. Each image is found by its SOP Instance UID, never by its file
 * name: at the path the plan recorded for it, else among the DICOM images of that path's folder (its study
 * folder), else among those under the folders given (for an export, {@code --images DIR}). Each file or folder
 * is scanned at most once per instance, so one instance serves a whole export or review.
 */
public final class SourceImages {

    /** An image found: its file's metadata and the series it belongs to. */
    private record Located(StudyIndex.Instance instance, StudyIndex.OpenableSeries series) {
    }

    private final List<Path> folders;
    /** The images of each file or folder scanned, by SOP Instance UID. */
    private final Map<Path, Map<String, Located>> scans = new HashMap<>();

    /** @param imagesDir a folder to search after the recorded path and its folder, or null */
    public SourceImages(Path imagesDir) {
        this(imagesDir == null ? List.of() : List.of(imagesDir));
    }

    private SourceImages(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** A lookup searching {@code folders}, in order, after the recorded path and its folder. */
    public static SourceImages inFolders(List<Path> folders) {
        return new SourceImages(folders);
    }

    /**
     * The file holding the image {@code uid}.
     *
     * @param recordedPath the path the plan recorded for it, or null
     * @throws DicomExportException naming the SOP Instance UID and every place looked when none holds it
     */
    public Path find(String uid, String recordedPath) throws DicomExportException {
        return locate(uid, recordedPath).instance().file();
    }

    /**
     * The series holding the image {@code uid} (to open it whole, as Open Ultrasound Study... does).
     *
     * @param recordedPath the path the plan recorded for the image, or null
     * @throws DicomExportException naming the SOP Instance UID and every place looked when none holds it
     */
    public StudyIndex.OpenableSeries series(String uid, String recordedPath) throws DicomExportException {
        return locate(uid, recordedPath).series();
    }

    private Located locate(String uid, String recordedPath) throws DicomExportException {
        List<String> looked = new ArrayList<>();
        Located found = locate(uid, recordedPath, looked);
        if (found == null) {
            throw new DicomExportException("image with SOP Instance UID " + uid + " not found; looked "
                    + String.join("; ", looked));
        }
        return found;
    }

    private Located locate(String uid, String recordedPath, List<String> looked) {
        if (recordedPath != null && !recordedPath.isBlank()) {
            Path file = Path.of(recordedPath);
            if (!Files.isRegularFile(file)) {
                looked.add("at the recorded path " + file + " (no such file)");
            } else {
                Located at = scan(file, looked).get(uid);
                if (at != null) {
                    return at;
                }
                looked.add("at the recorded path " + file + " (another image)");
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Located found = locateIn(uid, folder, "in the study folder ", looked);
                if (found != null) {
                    return found;
                }
            }
        } else {
            looked.add("at a recorded path (the plan records none)");
        }
        if (folders.isEmpty()) {
            looked.add("in an images folder (none given: --images DIR)");
        }
        for (Path folder : folders) {
            Located found = locateIn(uid, folder, "in the images folder ", looked);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Located locateIn(String uid, Path folder, String what, List<String> looked) {
        if (!Files.isDirectory(folder)) {
            looked.add(what + folder + " (no such folder)");
            return null;
        }
        Map<String, Located> found = scan(folder, looked);
        Located at = found.get(uid);
        if (at != null) {
            return at;
        }
        looked.add(what + folder + " (" + found.size() + " DICOM image(s), none with that UID)");
        return null;
    }

    /** The images in a file or folder by SOP Instance UID; scanned once per path. */
    private Map<String, Located> scan(Path path, List<String> looked) {
        Path key = path.toAbsolutePath().normalize();
        Map<String, Located> known = scans.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Located> byUid = new HashMap<>();
        try {
            for (StudyIndex.OpenableSeries series : StudyIndex.scan(path, (done, total) -> { }, () -> false).series()) {
                for (StudyIndex.Instance i : series.instances()) {
                    byUid.putIfAbsent(i.sopInstanceUid(), new Located(i, series));
                }
            }
        } catch (IOException | DicomException e) {
            looked.add(path + " could not be read: " + e.getMessage());
        }
        scans.put(key, byUid);
        return byUid;
    }
}
