package org.injectionplanner.export.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.dicom.DataSet;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.DicomWriter;
import org.injectionplanner.dicom.Dictionary;
import org.injectionplanner.dicom.Element;
import org.injectionplanner.dicom.Tag;
import org.injectionplanner.dicom.UltrasoundCalibration;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.SessionMap;

/**
 * Plans on the sample studies (sample-dicom/session-N, patient DEMO-0001): three sites on the three images
 * (one on frame 7 of the cine, one outside the calibrated region) and two zones (a polygon and an ellipse on
 * the cine). The sites and zones keep their ids from session to session, as copy-forward does.
 */
final class SamplePlans {

    static final UUID COURSE = UUID.fromString("5e000000-0000-4000-8000-000000000001");
    static final UUID T1 = UUID.fromString("5e000000-0000-4000-8000-0000000000a1");
    static final UUID T2 = UUID.fromString("5e000000-0000-4000-8000-0000000000a2");
    static final UUID T3 = UUID.fromString("5e000000-0000-4000-8000-0000000000a3");
    static final UUID Z1 = UUID.fromString("5e000000-0000-4000-8000-0000000000b1");
    static final UUID Z2 = UUID.fromString("5e000000-0000-4000-8000-0000000000b2");
    static final OffsetDateTime SIGNED_AT = OffsetDateTime.parse("2026-10-01T10:15:00+02:00");
    static final ClinicSettings SETTINGS = ClinicSettings.defaults();

    private SamplePlans() {
    }

    /** The sample study folder of a session. */
    static Path folder(int session) {
        return Path.of("sample-dicom", "session-" + session).toAbsolutePath();
    }

    /** A draft plan on the images of {@code folder} (named like the sample files). */
    static SessionPlan draft(Path folder, int session) throws IOException, DicomException {
        Path transverse = folder.resolve("01-transverse-L4-L5.dcm");
        Path sacroiliac = folder.resolve("02-longitudinal-posterior-sacroiliac.dcm");
        Path cine = folder.resolve("03-cine-transverse-L4-L5.dcm");
        List<PlanImage> images = new ArrayList<>();
        List<UltrasoundCalibration> cals = new ArrayList<>();
        for (Path p : List.of(transverse, sacroiliac, cine)) {
            try (DicomFile f = DicomFile.open(p)) {
                DataSet h = f.dataSet();
                images.add(new PlanImage(h.getString(Tag.SOP_INSTANCE_UID), h.getString(Tag.STUDY_INSTANCE_UID),
                        h.getString(Tag.SERIES_INSTANCE_UID), h.getString(Tag.SERIES_DESCRIPTION), f.frameCount(),
                        p.toString(), new Patient(h.getString(Tag.PATIENT_ID), h.getText(Tag.PATIENT_NAME),
                                h.getDate(Tag.PATIENT_BIRTH_DATE)), h.getDate(Tag.STUDY_DATE)));
                cals.add(f.calibration());
            }
        }
        Target t1 = target(T1, 1, "L4/5 supraspinous", "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                new ImageRef(images.get(0).sopInstanceUid(), 1), new PixelPoint(400.5, 200.25), cals.get(0));
        Target t2 = target(T2, 2, "iliolumbar", "iliolumbar", Side.LEFT, SpinalLevel.L5,
                new ImageRef(images.get(2).sopInstanceUid(), 7), new PixelPoint(350.75, 300.5), cals.get(2));
        Target t3 = target(T3, 3, "", "long-posterior-sacroiliac", Side.RIGHT, null,
                new ImageRef(images.get(1).sopInstanceUid(), 1), new PixelPoint(100.5, 10.5), cals.get(1));
        NerveZone z1 = zone(Z1, 1, ZoneKind.NERVE, "medial branch", new ImageRef(images.get(0).sopInstanceUid(), 1),
                PolygonShape.of(new PixelPoint(450, 260), new PixelPoint(500, 250), new PixelPoint(510, 300),
                        new PixelPoint(460, 310)), cals.get(0));
        NerveZone z2 = zone(Z2, 2, ZoneKind.VESSEL, "", new ImageRef(images.get(2).sopInstanceUid(), 7),
                EllipseShape.of(new PixelPoint(300, 420), 40, 20, 30), cals.get(2));
        Injection i1 = injection(t1, new PixelPoint(300.25, 60.5), cals.get(0), 1.5, 1);
        Injection i2 = injection(t2, new PixelPoint(250, 80), cals.get(2), 2.0, 2);
        Injection i3 = injection(t3, new PixelPoint(40.5, 8), cals.get(1), 0.8, 3);
        SessionPlan plan = SessionPlan.newDraft(COURSE, session, LocalDate.of(2026, 10, session), "Dr Jane Smith");
        for (PlanImage i : images) {
            plan = plan.withImage(i);
        }
        plan = plan.withTarget(t1).withTarget(t2).withTarget(t3).withZone(z1).withZone(z2);
        return plan.withInjection(i2).withInjection(i1).withInjection(i3);
    }

    /** The plan signed by "Dr Jane Smith". */
    static SessionPlan signed(SessionPlan draft) {
        return draft.signed(new Signature("Dr Jane Smith", SIGNED_AT, "ab".repeat(32)));
    }

    /** The session map of a plan whose signature verification found {@code status}. */
    static SessionMap map(SessionPlan plan, SignatureStatus status) {
        return SessionMap.of(plan, SafetyChecks.check(plan, SafetyContext.of(SETTINGS, null)), SETTINGS, status);
    }

    /** The status a plan's signature would verify to when valid. */
    static SignatureStatus statusOf(SessionPlan plan) {
        return plan.status() == PlanStatus.SIGNED ? SignatureStatus.VALID : SignatureStatus.UNSIGNED;
    }

    /** Copies the sample study of a session into {@code dir}. */
    static Path copy(int session, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(folder(session))) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    /**
     * A copy of a session's sample files with identifying values filled in (the samples carry few): each
     * entry of {@code phi} is a tag and its value. Pixel data and every other element are kept.
     */
    static Path phiCopy(int session, Path dir, Map<Integer, String> phi) throws IOException, DicomException {
        Files.createDirectories(dir);
        try (var files = Files.list(folder(session))) {
            for (Path p : files.toList()) {
                byte[] bytes = Files.readAllBytes(p);
                DataSet source = DicomFile.read(bytes, p.toString()).dataSet();
                DataSet copy = new DataSet();
                for (Element e : source.elements()) {
                    if (e.value() == null && e.bulk() != null) {
                        int from = (int) e.bulk().offset();
                        copy.put(Element.of(e.tag(), e.vr(),
                                Arrays.copyOfRange(bytes, from, from + (int) e.bulk().length())));
                    } else {
                        copy.put(e);
                    }
                }
                for (Map.Entry<Integer, String> v : phi.entrySet()) {
                    copy.putString(v.getKey(), Dictionary.vrOf(v.getKey()), v.getValue());
                }
                DicomWriter.write(dir.resolve(p.getFileName()), copy);
            }
        }
        return dir;
    }

    private static Target target(UUID id, int number, String label, String structure, Side side,
            SpinalLevel level, ImageRef image, PixelPoint p, UltrasoundCalibration cal) {
        return new Target(id, number, label, structure, side, level, image, p, null, "",
                MeasuredCalibration.of(cal, new double[] {p.x()}, new double[] {p.y()}));
    }

    private static NerveZone zone(UUID id, int number, ZoneKind kind, String name, ImageRef image, ZoneShape shape,
            UltrasoundCalibration cal) {
        List<PixelPoint> outline = shape.outline();
        return new NerveZone(id, number, kind, name, image, shape, 5.0, MeasuredCalibration.of(cal,
                outline.stream().mapToDouble(PixelPoint::x).toArray(),
                outline.stream().mapToDouble(PixelPoint::y).toArray()));
    }

    private static Injection injection(Target t, PixelPoint entry, UltrasoundCalibration cal, double volumeMl,
            int n) {
        return new Injection(new UUID(0x5e00, n), t.id(), false, Approach.IN_PLANE, new Needle(25, 50.0),
                new Solution(15.0, "lidocaine", 0.2), volumeMl,
                new NeedlePath(entry, MeasuredCalibration.of(cal, new double[] {entry.x()},
                        new double[] {entry.y()})), ProcedureRecord.PLANNED);
    }
}
