package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.injectionplanner.dicom.PatientOrientation;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.dicom.UltrasoundRegion;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.OffImageEntry;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.Target;

/**
 * Ties ImageJ images to the plan: which DICOM frame a stack slice shows, the calibration of points on
 * it, and overlay positions. Only images opened with Open Ultrasound Study... can be annotated (they
 * carry the SOP Instance UIDs and the ultrasound calibration).
 */
final class AnnotatedImages {

    private AnnotatedImages() {
    }

    /** True if the image was opened by the plugin and can hold annotations. */
    static boolean isAnnotatable(ImagePlus imp) {
        return imp != null && imp.getProp(UltrasoundImages.PROP_SOP_UID) != null;
    }

    /** The current image if it can be annotated; otherwise reports why (CommandErrors) and returns null. */
    static ImagePlus currentOrError() {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (!isAnnotatable(imp)) {
            CommandErrors.show(notAnnotatable(imp));
            return null;
        }
        return imp;
    }

    /** The error message for images that cannot be annotated. */
    static String notAnnotatable(ImagePlus imp) {
        return "\"" + (imp == null ? "no image" : imp.getTitle()) + "\" was not opened with Open Ultrasound Study...,"
                + " so its DICOM identity and calibration are unknown. Open the study with"
                + " Plugins > Injection Planner > Open Ultrasound Study... first.";
    }

    private static String[] sopUids(ImagePlus imp) {
        String all = imp.getProp(UltrasoundImages.PROP_SOP_UIDS);
        return all == null || all.isBlank() ? new String[] {imp.getProp(UltrasoundImages.PROP_SOP_UID)}
                : all.trim().split(" ");
    }

    /** The DICOM frame a stack slice (1-based stack index) shows. */
    static ImageRef refFor(ImagePlus imp, int slice) {
        String[] uids = sopUids(imp);
        if (uids.length > 1) {
            return new ImageRef(uids[slice - 1], 1);
        }
        return new ImageRef(uids[0], slice);
    }

    /** The stack slice (1-based) showing a DICOM frame, or 0 if this image does not show it. */
    static int sliceOf(ImagePlus imp, ImageRef ref) {
        String[] uids = sopUids(imp);
        if (uids.length > 1) {
            for (int i = 0; i < uids.length; i++) {
                if (uids[i].equals(ref.sopInstanceUid()) && ref.frame() == 1) {
                    return i + 1;
                }
            }
            return 0;
        }
        return uids[0].equals(ref.sopInstanceUid()) && ref.frame() <= imp.getStackSize() ? ref.frame() : 0;
    }

    /**
     * The plan's record of the image showing a slice, its sides as its header's Patient Orientation gives them
     * (null where it does not: not known).
     */
    static PlanImage planImage(ImagePlus imp, int slice) {
        ImageRef ref = refFor(imp, slice);
        ImageSides sides = PatientOrientation.parse(imp.getProp(UltrasoundImages.PROP_PATIENT_ORIENTATION))
                .flatMap(o -> ImageSides.fromHeader(o, imp.getWidth())).orElse(null);
        return new PlanImage(ref.sopInstanceUid(), imp.getProp(UltrasoundImages.PROP_STUDY_UID),
                imp.getProp(UltrasoundImages.PROP_SERIES_UID), imp.getTitle(),
                sopUids(imp).length > 1 ? 1 : imp.getStackSize(), imp.getProp(UltrasoundImages.PROP_PATH),
                patient(imp), date(imp.getProp(UltrasoundImages.PROP_STUDY_DATE)), sides);
    }

    /** The patient an opened study's header names, or null for an image not opened as a study. */
    static Patient patient(ImagePlus imp) {
        String id = imp.getProp(UltrasoundImages.PROP_PATIENT_ID);
        if (id == null) {
            return null;
        }
        return new Patient(id, imp.getProp(UltrasoundImages.PROP_PATIENT_NAME),
                date(imp.getProp(UltrasoundImages.PROP_PATIENT_BIRTH_DATE)));
    }

    private static LocalDate date(String isoDate) {
        return isoDate == null || isoDate.isEmpty() ? null : LocalDate.parse(isoDate);
    }

    /** The calibration of a measurement through these points on this image (uncalibrated if none). */
    static MeasuredCalibration calibration(ImagePlus imp, List<PixelPoint> points) {
        Optional<UltrasoundCalibration> cal = UltrasoundImages.calibration(imp);
        if (cal.isEmpty()) {
            return MeasuredCalibration.UNCALIBRATED;
        }
        double[] xs = points.stream().mapToDouble(PixelPoint::x).toArray();
        double[] ys = points.stream().mapToDouble(PixelPoint::y).toArray();
        return MeasuredCalibration.of(cal.get(), xs, ys);
    }

    /**
     * The calibration of the image as a whole: that of the ultrasound region holding it (its centre's), or
     * of its Pixel Spacing; uncalibrated where neither gives mm; null for an image not opened as a study.
     */
    static MeasuredCalibration imageCalibration(ImagePlus imp) {
        Object cal = imp.getProperty(UltrasoundImages.PROPERTY_US_CALIBRATION);
        if (!(cal instanceof UltrasoundCalibration us)) {
            return null;
        }
        double x = imp.getWidth() / 2.0;
        double y = imp.getHeight() / 2.0;
        UltrasoundRegion region = us.imageRegion().orElse(null);
        if (region != null && region.x0() != null && region.x1() != null && region.y0() != null
                && region.y1() != null) {
            x = (region.x0() + region.x1()) / 2.0;
            y = (region.y0() + region.y1()) / 2.0;
        }
        return MeasuredCalibration.of(us, new double[] {x}, new double[] {y});
    }

    /**
     * The path of {@code target} from a point clicked beside its ultrasound region: an in-plane entry beyond the
     * end of a linear probe ({@link OffImageEntry#fromClick}); empty where the click is not beside the region.
     */
    static Optional<NeedlePath> offImageEntry(ImagePlus imp, Target target, PixelPoint click) {
        return ultrasound(imp).flatMap(us -> OffImageEntry.fromClick(target, us, transducerType(imp), click));
    }

    /** The path of {@code target} from {@code offsetMm} beyond a probe end ({@link OffImageEntry#beyondEnd}). */
    static NeedlePath offImageEntry(ImagePlus imp, Target target, OffImageEntry.ProbeEnd end, double offsetMm) {
        UltrasoundCalibration us = ultrasound(imp).orElseThrow(() -> new IllegalArgumentException("\""
                + imp.getTitle() + "\" has no ultrasound regions: an entry beyond the image needs a region's scale"));
        return OffImageEntry.beyondEnd(target, us, transducerType(imp), end, offsetMm);
    }

    private static Optional<UltrasoundCalibration> ultrasound(ImagePlus imp) {
        return imp.getProperty(UltrasoundImages.PROPERTY_US_CALIBRATION) instanceof UltrasoundCalibration us
                ? Optional.of(us) : Optional.empty();
    }

    private static String transducerType(ImagePlus imp) {
        String type = imp.getProp(UltrasoundImages.PROP_TRANSDUCER_TYPE);
        return type == null || type.isBlank() ? null : type;
    }

    /**
     * Shows an overlay element only on one slice. ImageJ displays a 1 × 1 × T image as a plain stack,
     * whose overlay honours only the plain position; displayed hyperstacks use the T position.
     */
    static void position(Roi roi, ImagePlus imp, int slice) {
        if (imp.isDisplayedHyperStack()) {
            roi.setPosition(0, 0, slice);
        } else if (imp.getStackSize() > 1) {
            roi.setPosition(slice);
        }
    }
}
