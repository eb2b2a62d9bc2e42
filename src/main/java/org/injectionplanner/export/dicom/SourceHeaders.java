package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
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
     * Reads the headers of every image of the plan, each from the file {@code images} finds for it (the same
     * lookup as the frames drawn: the recorded path, its folder, the images folder).
     *
     * @param images where to look: the export's one lookup
     * @throws DicomExportException naming the first SOP Instance UID not found and every place looked, or a
     *         file that cannot be read
     */
    public static SourceHeaders of(SessionPlan plan, SourceImages images) throws DicomExportException {
        Map<String, DataSet> headers = new LinkedHashMap<>();
        for (PlanImage image : plan.images()) {
            headers.put(image.sopInstanceUid(), read(images.find(image.sopInstanceUid(), image.path())));
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
