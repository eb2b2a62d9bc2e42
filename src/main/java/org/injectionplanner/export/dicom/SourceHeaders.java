package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;

/**
 * The DICOM headers (everything but pixel data) of a plan's images, by SOP Instance UID: where the
 * exported objects take their patient and study attributes and the SOP classes they reference.
 */
public final class SourceHeaders {

    private final Map<String, DataSet> headers;

    private SourceHeaders(Map<String, DataSet> headers) {
        this.headers = headers;
    }

    /**
     * Reads the headers of every image of the plan: from the files in {@code imagesFolder} (scanned with
     * {@link StudyIndex}, matched by SOP Instance UID) when given, else from each image's recorded path.
     *
     * @param imagesFolder a folder holding the plan's images, or null to use the paths the plan recorded
     * @throws DicomExportException naming the first SOP instance not found and where it was looked for, or a
     *         file that cannot be read
     */
    public static SourceHeaders of(SessionPlan plan, Path imagesFolder) throws DicomExportException {
        Map<String, Path> found = new HashMap<>();
        if (imagesFolder != null) {
            try {
                StudyIndex.ScanResult scan = StudyIndex.scan(imagesFolder, (done, total) -> { }, () -> false);
                for (StudyIndex.OpenableSeries series : scan.series()) {
                    for (StudyIndex.Instance i : series.instances()) {
                        found.put(i.sopInstanceUid(), i.file());
                    }
                }
            } catch (IOException | DicomException e) {
                throw new DicomExportException("cannot scan the images folder " + imagesFolder + ": "
                        + e.getMessage(), e);
            }
        }
        Map<String, DataSet> headers = new LinkedHashMap<>();
        for (PlanImage image : plan.images()) {
            String uid = image.sopInstanceUid();
            Path file = imagesFolder != null ? found.get(uid) : image.path() == null ? null : Path.of(image.path());
            String where = imagesFolder != null ? "the images folder " + imagesFolder
                    : image.path() == null ? "no recorded path" : "the recorded path " + image.path();
            if (file == null || !Files.isRegularFile(file)) {
                throw new DicomExportException("image " + uid + " of the plan was not found (looked in " + where
                        + "); give the folder holding the study");
            }
            DataSet header = read(file);
            if (!uid.equals(header.getString(Tag.SOP_INSTANCE_UID))) {
                throw new DicomExportException("image " + uid + " of the plan was not found (looked in " + where
                        + ": " + file + " holds SOP instance " + header.getString(Tag.SOP_INSTANCE_UID) + ")");
            }
            headers.put(uid, header);
        }
        return new SourceHeaders(headers);
    }

    /** The header of an image; an error naming the instance if it is not among them. */
    public DataSet header(String sopInstanceUid) throws DicomExportException {
        DataSet h = headers.get(sopInstanceUid);
        if (h == null) {
            throw new DicomExportException("no DICOM header of image " + sopInstanceUid + " was given");
        }
        return h;
    }

    /** The header whose patient and study the exported objects share: that of the plan's first image. */
    DataSet studyHeader(SessionPlan plan) throws DicomExportException {
        List<PlanImage> images = plan.images();
        if (images.isEmpty()) {
            throw new DicomExportException("the plan has no images, so there is no study to export into");
        }
        return header(images.get(0).sopInstanceUid());
    }

    private static DataSet read(Path file) throws DicomExportException {
        try (DicomFile f = DicomFile.open(file)) {
            return f.dataSet();
        } catch (DicomException e) {
            throw new DicomExportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DicomExportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
