package org.injectionplanner.sessionmap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.OffImageEntry;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.ProtocolPreset;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/**
 * The 10-site plan of issue 15 on the committed session-1 sample studies (sample-dicom/session-1: the transverse
 * L4-L5 image, the longitudinal image of the right posterior sacroiliac ligaments and frame 12 of the transverse
 * cine): 10 targets on the
 * three images, four zones (the dura line and three nerve branches), ten needle paths (eight in-plane from
 * beyond the probe's end, one in-plane from the skin above the target, one out-of-plane), each injection from
 * a preset. Weight 70 kg. Positions in image pixels of the files (B-mode region x 188–610, skin line y = 22,
 * 0.09 mm per pixel).
 */
final class SessionOnePlan {

    static final Path DIR = Path.of("sample-dicom/session-1");

    private SessionOnePlan() {
    }

    /** The plan with every injection taken from {@code preset}. */
    static SessionPlan with(ProtocolPreset preset) throws Exception {
        Image transverse = image("01-transverse-L4-L5.dcm", 1);
        Image sacroiliac = image("02-longitudinal-posterior-sacroiliac.dcm", 1);
        Image cine = image("03-cine-transverse-L4-L5.dcm", 12);
        SessionPlan plan = SessionPlan.newDraft(UUID.nameUUIDFromBytes(bytes("course")), 1,
                transverse.plan().studyDate(), "Dr A").withPatientWeightKg(70.0)
                .withImage(transverse.plan()).withImage(sacroiliac.plan()).withImage(cine.plan());
        List<Target> targets = new ArrayList<>();
        targets.add(transverse.target(1, "L4/5 supraspinous", "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, 400,
                95));
        targets.add(transverse.target(2, "L4/5 L facet", "facet-capsule", Side.LEFT, SpinalLevel.L4_L5, 300, 330));
        targets.add(transverse.target(3, "L4/5 R facet", "facet-capsule", Side.RIGHT, SpinalLevel.L4_L5, 500, 330));
        targets.add(sacroiliac.target(4, "LPSL S3", "long-posterior-sacroiliac", Side.RIGHT, SpinalLevel.S3, 260, 160));
        targets.add(sacroiliac.target(5, "LPSL S4", "long-posterior-sacroiliac", Side.RIGHT, SpinalLevel.S4, 450, 170));
        targets.add(sacroiliac.target(6, "SPSL S1", "short-posterior-sacroiliac", Side.RIGHT, SpinalLevel.S1, 330,
                300));
        targets.add(cine.target(7, "L IL L4/5", "iliolumbar", Side.LEFT, SpinalLevel.L4_L5, 240, 260));
        targets.add(cine.target(8, "R IL L4/5", "iliolumbar", Side.RIGHT, SpinalLevel.L4_L5, 560, 260));
        targets.add(cine.target(9, "L TLF L4/5", "thoracolumbar-fascia", Side.LEFT, SpinalLevel.L4_L5, 260, 120));
        targets.add(cine.target(10, "R TLF L4/5", "thoracolumbar-fascia", Side.RIGHT, SpinalLevel.L4_L5, 540, 120));
        for (Target t : targets) {
            plan = plan.withTarget(t);
        }
        plan = plan.withZone(transverse.zone(1, ZoneKind.DURA, "dura",
                new EllipseShape(new PixelPoint(400, 500), 150, 10, 0), 0))
                .withZone(transverse.zone(2, ZoneKind.NERVE, "L4 medial branch",
                        new EllipseShape(new PixelPoint(230, 380), 12, 8, 0), 5))
                .withZone(sacroiliac.zone(3, ZoneKind.NERVE, "S2 lateral branch",
                        new EllipseShape(new PixelPoint(420, 340), 14, 8, 0), 5))
                .withZone(cine.zone(4, ZoneKind.NERVE, "cluneal branch",
                        new EllipseShape(new PixelPoint(400, 200), 10, 6, 0), 5));
        Image[] images = {transverse, transverse, transverse, sacroiliac, sacroiliac, sacroiliac, cine, cine, cine,
            cine};
        // the end of the probe each in-plane needle enters beyond: as far beyond as gives a 25° approach (the
        // horizontal distance to the target 1 / tan 25° = 2.14 times its depth)
        OffImageEntry.ProbeEnd[] ends = {null, OffImageEntry.ProbeEnd.LEFT, OffImageEntry.ProbeEnd.RIGHT,
            OffImageEntry.ProbeEnd.LEFT, OffImageEntry.ProbeEnd.RIGHT, OffImageEntry.ProbeEnd.LEFT,
            OffImageEntry.ProbeEnd.LEFT, OffImageEntry.ProbeEnd.RIGHT, null, OffImageEntry.ProbeEnd.RIGHT};
        for (int k = 0; k < targets.size(); k++) {
            Target t = targets.get(k);
            Injection injection = Injection.fromPreset(t.id(), preset);
            NeedlePath path;
            if (ends[k] != null) {
                double edge = ends[k] == OffImageEntry.ProbeEnd.LEFT ? 188 : 611;
                double beyondMm = t.depthMm() / Math.tan(Math.toRadians(25))
                        - Math.abs(t.point().x() - edge) * t.calibration().mmPerPixelX();
                path = OffImageEntry.beyondEnd(t, images[k].us(), null, ends[k], beyondMm);
            } else {
                // T1 from the skin straight above (in-plane, steep); T9 out-of-plane, also from above
                PixelPoint entry = new PixelPoint(t.point().x() + (k == 0 ? 25 : 0), 22);
                path = new NeedlePath(entry, t.calibration());
                if (k == 8) {
                    injection = injection.prescribed(Approach.OUT_OF_PLANE, injection.needle(), injection.solution(),
                            injection.volumeMl());
                }
            }
            plan = plan.withInjection(injection.withPath(path));
        }
        return plan;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A sample image, the frame the plan's annotations are on, and its calibration. */
    private record Image(PlanImage plan, int frame, UltrasoundCalibration us) {

        Target target(int number, String label, String structure, Side side, SpinalLevel level, double x,
                double y) {
            MeasuredCalibration cal = MeasuredCalibration.of(us, new double[] {x}, new double[] {y});
            PixelPoint p = new PixelPoint(x, y);
            return new Target(UUID.nameUUIDFromBytes(bytes("target " + number)), number, label, structure, side, level,
                    new ImageRef(plan.sopInstanceUid(), frame), p, cal.depthMm(p), "", cal);
        }

        NerveZone zone(int number, ZoneKind kind, String name, ZoneShape shape, double marginMm) {
            double[] xs = shape.outline().stream().mapToDouble(PixelPoint::x).toArray();
            double[] ys = shape.outline().stream().mapToDouble(PixelPoint::y).toArray();
            return new NerveZone(UUID.nameUUIDFromBytes(bytes("zone " + number)), number, kind, name,
                    new ImageRef(plan.sopInstanceUid(), frame), shape, marginMm, MeasuredCalibration.of(us, xs, ys));
        }
    }

    private static Image image(String file, int frame) throws Exception {
        DicomFile f = DicomFile.open(DIR.resolve(file));
        var ds = f.dataSet();
        Integer frames = ds.getInteger(Tag.NUMBER_OF_FRAMES);
        PlanImage image = new PlanImage(ds.getString(Tag.SOP_INSTANCE_UID), ds.getString(Tag.STUDY_INSTANCE_UID),
                ds.getString(Tag.SERIES_INSTANCE_UID), ds.getString(Tag.SERIES_DESCRIPTION),
                frames == null ? 1 : frames, null, new Patient(ds.getString(Tag.PATIENT_ID),
                        ds.getString(Tag.PATIENT_NAME), null), ds.getDate(Tag.STUDY_DATE));
        return new Image(image, frame, f.calibration());
    }
}
