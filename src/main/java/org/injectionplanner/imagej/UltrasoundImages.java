package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomDump;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.dicom.FrameDecoding;
import org.injectionplanner.dicom.PatientOrientation;
import org.injectionplanner.dicom.SeriesFrames;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.UltrasoundCalibration;

/**
 * Builds the ImagePlus of an openable series: single frames as an image, cines as a T-hyperstack
 * (C = Z = 1, T = frames) with frame interval and rate set, calibrated in mm. Cines larger than the
 * memory budget become a virtual stack that decodes frames on demand. The first frame is ready
 * before the rest is decoded.
 */
final class UltrasoundImages {

    /** Prefix of the image properties the plugin sets. */
    static final String PROP = "InjectionPlanner.";
    static final String PROP_KEY = PROP + "SeriesKey";
    static final String PROP_STUDY_UID = PROP + "StudyInstanceUID";
    static final String PROP_SERIES_UID = PROP + "SeriesInstanceUID";
    static final String PROP_SOP_UID = PROP + "SOPInstanceUID";
    static final String PROP_SOP_UIDS = PROP + "SOPInstanceUIDs";
    static final String PROP_CALIBRATION = PROP + "Calibration";
    static final String PROP_PATH = PROP + "Path";
    static final String PROP_PATIENT_ID = PROP + "PatientID";
    static final String PROP_PATIENT_NAME = PROP + "PatientName";
    static final String PROP_PATIENT_BIRTH_DATE = PROP + "PatientBirthDate";
    static final String PROP_STUDY_DATE = PROP + "StudyDate";
    /** Patient Orientation (0020,0020) of the header ("L\A"), empty where it gives none. */
    static final String PROP_PATIENT_ORIENTATION = PROP + "PatientOrientation";
    /** Transducer Type (0018,6031) of the header, empty where it has none. */
    static final String PROP_TRANSDUCER_TYPE = PROP + "TransducerType";
    /**
     * In-memory property holding the {@link UltrasoundCalibration} as read from the file; {@link #calibration}
     * gives it under the clinic's plausible scale.
     */
    static final String PROPERTY_US_CALIBRATION = PROP + "UltrasoundCalibration";

    /** Hears how loading goes; may cancel it. */
    interface LoadListener {
        /** The image exists with its first frame decoded; the rest follows. */
        void firstFrameReady(ImagePlus imp);

        /** {@code done} of {@code total} frames decoded. */
        void progress(int done, int total);

        /** True if the user asked to stop loading. */
        boolean cancelled();

        /**
         * A defect the reader tolerated in one of the files (e.g. Number of Frames above the frames
         * present, a truncated frame), {@code FILE: what}; told once the frames are decoded (for a
         * virtual stack, once the first is).
         */
        void warning(String message);
    }

    /** Loading was cancelled by the user. */
    static final class LoadCancelledException extends Exception {
        LoadCancelledException(String message) {
            super(message);
        }
    }

    private UltrasoundImages() {
    }

    /**
     * Opens a series.
     *
     * @param memoryBudgetBytes cines whose decoded frames need more than this open as virtual stacks,
     *     whose cache then holds at most this many bytes of frames
     */
    static ImagePlus open(StudyIndex.OpenableSeries series, long memoryBudgetBytes, LoadListener listener)
            throws DicomException, LoadCancelledException {
        SeriesFrames frames = new SeriesFrames(series);
        boolean keepOpen = false;
        try {
            Frame first = frames.decode(1);
            int n = frames.size();
            long frameBytes = FrameProcessors.bytesPerFrame(first.type(), first.columns(), first.rows());
            boolean virtual = n > 1 && frameBytes * n > memoryBudgetBytes;
            ImageStack stack;
            if (virtual) {
                int cacheFrames = (int) Math.max(1, Math.min(Integer.MAX_VALUE, memoryBudgetBytes / frameBytes));
                stack = new UltrasoundVirtualStack(frames, first, cacheFrames);
                keepOpen = true;
            } else {
                stack = new ImageStack(first.columns(), first.rows());
                stack.addSlice(label(1, n), FrameProcessors.toProcessor(first));
                // the frames still to decode share one blank array until each gets its own (decodeRest)
                Object blank = FrameProcessors.blank(first.type(), first.columns(), first.rows()).getPixels();
                for (int i = 2; i <= n; i++) {
                    stack.addSlice(label(i, n), blank);
                }
            }
            ImagePlus imp = new ImagePlus(title(series, n), stack);
            describe(imp, series, frames, first.type() == Frame.SampleType.INT16);
            if (frames.fileOf(1).pixels().photometric().equals("MONOCHROME1")) {
                imp.getProcessor().invertLut();
            }
            listener.firstFrameReady(imp);
            if (!virtual && n > 1) {
                decodeRest(imp, stack, frames, listener);
            }
            for (DicomFile file : frames.files()) {
                for (String w : file.warnings()) {
                    listener.warning(file.name() + ": " + w);
                }
            }
            return imp;
        } finally {
            if (!keepOpen) {
                frames.close();
            }
        }
    }

    private static String label(int i, int n) {
        return n == 1 ? null : "frame " + i + "/" + n;
    }

    private static String title(StudyIndex.OpenableSeries series, int frames) {
        StudyIndex.Instance f = series.first();
        String name = f.seriesDescription() != null ? f.seriesDescription()
                : "US series " + (f.seriesNumber() == null ? "" : f.seriesNumber());
        if (series.instances().size() == 1 && f.instanceNumber() != null && frames == 1) {
            name += " #" + f.instanceNumber();
        }
        return name + (frames > 1 ? " (" + frames + " frames)" : "");
    }

    /** The clinic's plausible mm per pixel (its settings), under which the plugin decides calibrations. */
    static PlausibleScale plausibleScale() {
        return PluginWorkspace.get().settings().plausibleScale();
    }

    /**
     * The ultrasound calibration of an image opened by Open Ultrasound Study..., decided under the clinic's
     * plausible scale as it is now; empty for other images.
     */
    static Optional<UltrasoundCalibration> calibration(ImagePlus imp) {
        return imp.getProperty(PROPERTY_US_CALIBRATION) instanceof UltrasoundCalibration us
                ? Optional.of(us.within(plausibleScale())) : Optional.empty();
    }

    private static void describe(ImagePlus imp, StudyIndex.OpenableSeries series, SeriesFrames frames,
            boolean signed) {
        DicomFile file = frames.fileOf(1);
        ImageCalibrations.Result cal = ImageCalibrations.of(file.calibration().within(plausibleScale()),
                file.frameTiming(), signed);
        imp.setCalibration(cal.calibration());
        int n = frames.size();
        if (n > 1) {
            imp.setDimensions(1, 1, n);
            imp.setOpenAsHyperStack(true);
        }
        StudyIndex.Instance f = series.first();
        imp.setProp(PROP_KEY, series.key());
        imp.setProp(PROP_STUDY_UID, f.studyUid());
        imp.setProp(PROP_SERIES_UID, f.seriesUid());
        imp.setProp(PROP_SOP_UID, f.sopInstanceUid());
        imp.setProp(PROP_SOP_UIDS, series.instances().stream().map(StudyIndex.Instance::sopInstanceUid)
                .collect(Collectors.joining(" ")));
        imp.setProp(PROP_CALIBRATION, cal.description());
        imp.setProp(PROP_PATH, f.file().toAbsolutePath().toString());
        DataSet header = file.dataSet();
        imp.setProp(PROP_PATIENT_ID, Objects.requireNonNullElse(header.getString(Tag.PATIENT_ID), ""));
        imp.setProp(PROP_PATIENT_NAME, Objects.requireNonNullElse(header.getString(Tag.PATIENT_NAME), ""));
        imp.setProp(PROP_PATIENT_BIRTH_DATE, Objects.toString(header.getDate(Tag.PATIENT_BIRTH_DATE), ""));
        imp.setProp(PROP_STUDY_DATE, Objects.toString(header.getDate(Tag.STUDY_DATE), ""));
        imp.setProp(PROP_TRANSDUCER_TYPE, Objects.requireNonNullElse(header.getString(Tag.TRANSDUCER_TYPE), ""));
        imp.setProp(PROP_PATIENT_ORIENTATION, PatientOrientation.of(header).map(PatientOrientation::value).orElse(""));
        imp.setProperty(PROPERTY_US_CALIBRATION, file.calibration());
        StringBuilder info = new StringBuilder();
        info.append("Injection Planner\n");
        info.append("Calibration: ").append(cal.description()).append('\n');
        if (file.frameTiming().frameTimeMs() != null) {
            info.append("Frame interval: ").append(file.frameTiming().frameTimeMs()).append(" ms (from ")
                    .append(file.frameTiming().source()).append(")\n");
        }
        info.append("Encoding: ").append(file.transferSyntax().name()).append(", ")
                .append(file.pixels().photometric()).append('\n');
        for (String w : file.warnings()) {
            info.append("Reader warning: ").append(w).append('\n');
        }
        List<DicomFile> files = frames.files();
        for (DicomFile each : files) {
            info.append("\nFile: ").append(each.name()).append("\n\n");
            info.append(DicomDump.of(each));
        }
        imp.setProperty("Info", info.toString());
    }

    private static void decodeRest(ImagePlus imp, ImageStack stack, SeriesFrames frames, LoadListener listener)
            throws DicomException, LoadCancelledException {
        int n = frames.size();
        int[] done = {1};
        try {
            if (frames.files().size() == 1) {
                FrameDecoding.decodeAll(frames.files().get(0), FrameDecoding.defaultThreads(),
                        (number, frame) -> store(imp, stack, number, frame, done, n, listener));
            } else {
                for (int i = 2; i <= n; i++) {
                    store(imp, stack, i, frames.decode(i), done, n, listener);
                }
            }
        } catch (CancelledIo e) {
            throw new LoadCancelledException("loading cancelled after " + done[0] + " of " + n + " frames");
        } catch (IOException e) {
            throw new DicomException(frames.fileOf(1).name(), -1, Tag.PIXEL_DATA, e.getMessage());
        }
    }

    /** Signals cancellation through the decoder's IOException channel. */
    private static final class CancelledIo extends IOException {
    }

    private static void store(ImagePlus imp, ImageStack stack, int slice, Frame frame, int[] done, int total,
            LoadListener listener) throws IOException {
        if (listener.cancelled()) {
            throw new CancelledIo();
        }
        if (slice == 1) {
            return;
        }
        Object pixels = FrameProcessors.toProcessor(frame).getPixels();
        stack.setPixels(pixels, slice);
        done[0]++;
        listener.progress(done[0], total);
        boolean shown;
        // ImagePlus.setSlice holds this lock while it swaps the displayed pixels: without it a slider move
        // between the check and setPixels would show this frame under another frame's number
        synchronized (imp) {
            shown = imp.getCurrentSlice() == slice;
            if (shown) {
                imp.getProcessor().setPixels(pixels);
            }
        }
        if (shown) {
            imp.updateAndDraw();
        }
    }
}
