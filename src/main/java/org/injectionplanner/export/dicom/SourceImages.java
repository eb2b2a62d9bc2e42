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
 * read). Each image is found by its SOP Instance UID, never by its file name: at the path the plan recorded
 * for it, else among the DICOM images of that path's folder (its study folder), else among those under the
 * folder given for the export ({@code --images DIR}). Each file or folder is scanned at most once per
 * instance, so one instance serves a whole export.
 */
public final class SourceImages {

    private final Path imagesDir;
    /** The images of each file or folder scanned, by SOP Instance UID. */
    private final Map<Path, Map<String, StudyIndex.Instance>> scans = new HashMap<>();

    /** @param imagesDir a folder to search after the recorded path and its folder, or null */
    public SourceImages(Path imagesDir) {
        this.imagesDir = imagesDir;
    }

    /**
     * The file holding the image {@code uid}.
     *
     * @param recordedPath the path the plan recorded for it, or null
     * @throws DicomExportException naming the SOP Instance UID and every place looked when none holds it
     */
    public Path find(String uid, String recordedPath) throws DicomExportException {
        List<String> looked = new ArrayList<>();
        Path found = find(uid, recordedPath, looked);
        if (found == null) {
            throw new DicomExportException("image with SOP Instance UID " + uid + " not found; looked "
                    + String.join("; ", looked));
        }
        return found;
    }

    private Path find(String uid, String recordedPath, List<String> looked) {
        if (recordedPath != null && !recordedPath.isBlank()) {
            Path file = Path.of(recordedPath);
            if (!Files.isRegularFile(file)) {
                looked.add("at the recorded path " + file + " (no such file)");
            } else {
                StudyIndex.Instance at = scan(file, looked).get(uid);
                if (at != null) {
                    return at.file();
                }
                looked.add("at the recorded path " + file + " (another image)");
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Path found = findIn(uid, folder, "in the study folder ", looked);
                if (found != null) {
                    return found;
                }
            }
        } else {
            looked.add("at a recorded path (the plan records none)");
        }
        if (imagesDir == null) {
            looked.add("in an images folder (none given: --images DIR)");
            return null;
        }
        return findIn(uid, imagesDir, "in the images folder ", looked);
    }

    private Path findIn(String uid, Path folder, String what, List<String> looked) {
        if (!Files.isDirectory(folder)) {
            looked.add(what + folder + " (no such folder)");
            return null;
        }
        Map<String, StudyIndex.Instance> found = scan(folder, looked);
        StudyIndex.Instance at = found.get(uid);
        if (at != null) {
            return at.file();
        }
        looked.add(what + folder + " (" + found.size() + " DICOM image(s), none with that UID)");
        return null;
    }

    /** The images in a file or folder by SOP Instance UID; scanned once per path. */
    private Map<String, StudyIndex.Instance> scan(Path path, List<String> looked) {
        Path key = path.toAbsolutePath().normalize();
        Map<String, StudyIndex.Instance> known = scans.get(key);
        if (known != null) {
            return known;
        }
        Map<String, StudyIndex.Instance> byUid = new HashMap<>();
        try {
            for (StudyIndex.OpenableSeries series : StudyIndex.scan(path, (done, total) -> { }, () -> false).series()) {
                for (StudyIndex.Instance i : series.instances()) {
                    byUid.putIfAbsent(i.sopInstanceUid(), i);
                }
            }
        } catch (IOException | DicomException e) {
            looked.add(path + " could not be read: " + e.getMessage());
        }
        scans.put(key, byUid);
        return byUid;
    }
}
