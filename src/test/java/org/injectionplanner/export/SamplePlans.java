package org.injectionplanner.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.dicom.StudyIndex;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * Plans on the sample studies of {@code sample-dicom/session-1}: targets with needle paths and a nerve zone
 * per frame, placed within each image's ultrasound region, their calibration taken from the file as the
 * plugin takes it.
 */
public final class SamplePlans {

    /** The first session's sample study. */
    public static final Path SESSION_1 = Path.of("sample-dicom", "session-1");

    private static final SpinalLevel[] LEVELS = {SpinalLevel.L4_L5, SpinalLevel.L5_S1, SpinalLevel.L3_L4};

    private SamplePlans() {
    }

    /** The frames of the sample study that can carry annotations, first the single frames then the cine's. */
    public static List<Frame> frames(Path study) throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (StudyIndex.OpenableSeries s : StudyIndex.scan(study, (d, t) -> { }, () -> false).series()) {
            for (StudyIndex.Instance i : s.instances()) {
                for (int f = 1; f <= i.frames(); f++) {
                    frames.add(new Frame(i, f));
                }
            }
        }
        return frames;
    }

    /** A frame of a sample file. */
    public record Frame(StudyIndex.Instance instance, int number) {
        ImageRef ref() {
            return new ImageRef(instance.sopInstanceUid(), number);
        }

        /** The plan's record of the image, its path the file's absolute path (or {@code path} when given). */
        PlanImage image(String path) {
            StudyIndex.Instance i = instance;
            return new PlanImage(i.sopInstanceUid(), i.studyUid(), i.seriesUid(), i.seriesDescription(), i.frames(),
                    path, new Patient(i.patientId(), i.patientName(), null), null);
        }

        MeasuredCalibration calibration(double x, double y) {
            return MeasuredCalibration.of(instance.calibration(), new double[] {x}, new double[] {y});
        }
    }

    /**
     * A draft with {@code injections} injections spread over the first {@code frameCount} frames of the study,
     * a zone on each frame, the checklist answered yes and a 70 kg patient.
     *
     * @param calibrated false to place every annotation uncalibrated
     */
    public static SessionPlan plan(Path study, int injections, int frameCount, boolean calibrated) throws Exception {
        List<Frame> all = frames(study);
        List<Frame> frames = all.subList(0, Math.min(frameCount, all.size()));
        SessionPlan plan = PlanFixtures.answeredYes(SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE,
                "Dr A. Planner", ChecklistItem.defaults()).withPatientWeightKg(70.0));
        for (Frame f : frames) {
            plan = plan.withImage(f.image(f.instance().file().toAbsolutePath().toString()));
        }
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            int w = f.instance().columns();
            int h = f.instance().rows();
            PixelPoint centre = new PixelPoint(w * 0.6, h * 0.82);
            MeasuredCalibration cal = calibrated ? f.calibration(centre.x(), centre.y())
                    : MeasuredCalibration.UNCALIBRATED;
            plan = plan.withZone(new NerveZone(PlanFixtures.id("zone", k + 1), k + 1, ZoneKind.NERVE,
                    "nerve " + (k + 1), f.ref(), new EllipseShape(centre, w * 0.05, h * 0.03, 0), 5, cal));
        }
        for (int n = 1; n <= injections; n++) {
            Frame f = frames.get((n - 1) % frames.size());
            int w = f.instance().columns();
            int h = f.instance().rows();
            int slot = (n - 1) / frames.size();
            double x = w * (0.3 + 0.1 * (slot % 5));
            double y = h * (0.15 + 0.08 * (slot % 4));
            MeasuredCalibration cal = calibrated ? f.calibration(x, y) : MeasuredCalibration.UNCALIBRATED;
            PixelPoint p = new PixelPoint(x, y);
            Target t = new Target(PlanFixtures.id("target", n), n, "site " + n, "supraspinous",
                    Side.MIDLINE, LEVELS[(n - 1) % LEVELS.length], f.ref(), p, cal.depthMm(p), "", cal);
            double ex = x + (x > w / 2 ? 50 : -50);
            double ey = h * 0.04;
            MeasuredCalibration entryCal = calibrated ? f.calibration(ex, ey) : MeasuredCalibration.UNCALIBRATED;
            Injection i = PlanFixtures.injection(t, new NeedlePath(new PixelPoint(ex, ey), entryCal));
            plan = plan.withTarget(t).withInjection(i);
        }
        return plan;
    }
}
