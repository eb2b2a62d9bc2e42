package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.MontageMaker;
import ij.process.ImageProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.StudyIndex;

/**
 * Lets the user choose one of several series: a dialog listing patient, study date, description,
 * modality, frames, size and encoding, with a numbered thumbnail of each first frame. The macro key
 * {@code series} takes the list number (1-based) or the full list label.
 */
final class SeriesChooser {

    private static final int THUMBNAIL_WIDTH = 160;
    private static final int MAX_THUMBNAILS = 24;

    private SeriesChooser() {
    }

    /** The chosen series, or null if the user cancelled. */
    static StudyIndex.OpenableSeries choose(List<StudyIndex.OpenableSeries> series) {
        String[] labels = new String[series.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i, series.get(i));
        }
        String options = Macro.getOptions();
        if (options != null) {
            String value = Macro.getValue(options, "series", null);
            if (value != null && value.matches("\\d+")) {
                int index = Integer.parseInt(value) - 1;
                if (index < 0 || index >= series.size()) {
                    throw new IllegalArgumentException("series=" + value + " is out of range: the folder holds "
                            + series.size() + " series");
                }
                return series.get(index);
            }
        }
        GenericDialog gd = new GenericDialog("Open Ultrasound Study");
        gd.addMessage(series.size() + " series found. Choose one to open:");
        ImagePlus thumbnails = thumbnails(series);
        if (thumbnails != null) {
            gd.addImage(thumbnails);
        }
        gd.addChoice("Series", labels, labels[0]);
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        return series.get(gd.getNextChoiceIndex());
    }

    /** "N: description — patient ID, study date". */
    static String label(int index, StudyIndex.OpenableSeries s) {
        StudyIndex.Instance f = s.first();
        return String.format(Locale.ROOT, "%d: %s, patient %s, study %s, %.1f MB", index + 1, s.description(),
                f.patientId() == null ? "?" : f.patientId(), formatDate(f.studyDate()), s.fileSize() / 1e6);
    }

    private static String formatDate(String da) {
        if (da == null || da.length() != 8) {
            return "date unknown";
        }
        return da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6, 8);
    }

    /** A numbered montage of the first frames, or null if none can be decoded. */
    private static ImagePlus thumbnails(List<StudyIndex.OpenableSeries> series) {
        ImageStack stack = null;
        int count = Math.min(series.size(), MAX_THUMBNAILS);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ImageProcessor ip;
            try (DicomFile f = DicomFile.open(series.get(i).first().file())) {
                ip = FrameProcessors.toProcessor(f.frame(1)).convertToRGB();
            } catch (DicomException | java.io.IOException e) {
                continue;
            }
            int h = Math.max(1, ip.getHeight() * THUMBNAIL_WIDTH / ip.getWidth());
            ip.setInterpolationMethod(ImageProcessor.BILINEAR);
            ImageProcessor small = ip.resize(THUMBNAIL_WIDTH, h);
            if (stack == null) {
                stack = new ImageStack(THUMBNAIL_WIDTH, h);
            }
            if (small.getHeight() != stack.getHeight()) {
                ImageProcessor fitted = small.createProcessor(THUMBNAIL_WIDTH, stack.getHeight());
                fitted.insert(small, 0, 0);
                small = fitted;
            }
            stack.addSlice(String.valueOf(i + 1), small);
            labels.add(String.valueOf(i + 1));
        }
        if (stack == null) {
            return null;
        }
        ImagePlus imp = new ImagePlus("series", stack);
        int columns = Math.min(6, stack.getSize());
        int rows = (stack.getSize() + columns - 1) / columns;
        return new MontageMaker().makeMontage2(imp, columns, rows, 1.0, 1, stack.getSize(), 1, 2, true);
    }
}
