package org.injectionplanner.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.Patient;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;

/** Plans for the store's tests: fixed samples, numbered plans for the crash test, random plans. */
public final class TestPlans {

    static final UUID COURSE = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-001122334455");
    static final UUID PLAN = UUID.fromString("0a1b2c3d-4e5f-4a6b-9c7d-8e9f00112233");
    static final PlanImage IMAGE = new PlanImage("2.25.1234", "2.25.1", "2.25.2", "Lumbar long axis", 30,
            "/data/us/IM0001", null, null);
    static final MeasuredCalibration REGION =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.08, 0, 42.5);
    static final MeasuredCalibration SPACING =
            new MeasuredCalibration(MeasuredCalibration.Source.PIXEL_SPACING, 0.2, 0.2, null, 0.0);

    private TestPlans() {
    }

    /** A plan with a calibrated and an uncalibrated target, a polygon zone and an ellipse zone. */
    public static SessionPlan sample() {
        Target calibrated = new Target(UUID.fromString("11111111-1111-4111-8111-111111111111"), 1, "T1",
                "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5, new ImageRef(IMAGE.sopInstanceUid(), 3),
                new PixelPoint(312.25, 140.5), null, "fan 3 passes", REGION);
        Target uncalibrated = new Target(UUID.fromString("22222222-2222-4222-8222-222222222222"), 2, "",
                null, Side.LEFT, null, new ImageRef(IMAGE.sopInstanceUid(), 17), new PixelPoint(0.1, 1e-7), null,
                "", MeasuredCalibration.UNCALIBRATED);
        NerveZone polygon = new NerveZone(UUID.fromString("33333333-3333-4333-8333-333333333333"), 1,
                ZoneKind.NERVE, "superior cluneal nerve", new ImageRef(IMAGE.sopInstanceUid(), 3),
                new PolygonShape(List.of(new PixelPoint(10, 20), new PixelPoint(30.5, 20),
                        new PixelPoint(25, 41.125))), 5, REGION);
        NerveZone ellipse = new NerveZone(UUID.fromString("44444444-4444-4444-8444-444444444444"), 2,
                ZoneKind.VESSEL, "", new ImageRef(IMAGE.sopInstanceUid(), 17),
                new EllipseShape(new PixelPoint(200, 210), 14.5, 6.25, -30), 2.5, SPACING);
        Injection withPath = new Injection(UUID.fromString("55555555-5555-4555-8555-555555555555"),
                uncalibrated.id(), true, Approach.OUT_OF_PLANE, new Needle(27, null), new Solution(null, null, null),
                0.25, null, ProcedureRecord.skipped(OffsetDateTime.parse("2026-11-26T10:15:30.5+01:00"), "pain"));
        Injection first = new Injection(UUID.fromString("66666666-6666-4666-8666-666666666666"), calibrated.id(),
                false, Approach.IN_PLANE, new Needle(25, 38.1), new Solution(15.0, "lidocaine", 0.2), 0.5,
                new NeedlePath(new PixelPoint(250.5, 42.5), REGION),
                ProcedureRecord.done(OffsetDateTime.parse("2026-11-26T10:05:00Z"), ""));
        OffsetDateTime at = OffsetDateTime.parse("2026-11-26T09:00:00.125+01:00");
        Signature amended = new Signature("Dr B", at.minusDays(1), "ab".repeat(32));
        return new SessionPlan(PLAN, COURSE, 2, LocalDate.of(2026, 11, 26), "Dr Ä. Ñ", PlanStatus.DRAFT, 71.5,
                List.of(IMAGE), List.of(calibrated, uncalibrated), List.of(polygon, ellipse), List.of(first, withPath),
                List.of(new ChecklistEntry(new ChecklistItem("consent", "Consent signed"), ChecklistAnswer.YES, ""),
                        new ChecklistEntry(new ChecklistItem("no-allergy", "No allergy"), ChecklistAnswer.NO,
                                "mild rash to plasters only"),
                        ChecklistEntry.unanswered(new ChecklistItem("time-out", "Time-out done"))),
                List.of(new FindingOverride("calibration/" + uncalibrated.id(), 2.5, "measured on the paired frame",
                        "Dr C", at)),
                null, List.of(new Amendment("level corrected", "Dr C", at, amended)), null, null);
    }

    /** The plan the crash test's child saves as revision {@code k}: its content says k. */
    static SessionPlan numbered(UUID courseId, UUID planId, int k) {
        SessionPlan base = sample();
        List<Target> targets = new ArrayList<>();
        for (Target t : base.targets()) {
            targets.add(t.describedAs("rev " + k, t.structureId(), t.side(), t.level(), "saved as revision " + k)
                    .movedTo(new PixelPoint(k % 640, k % 480), t.calibration()));
        }
        return new SessionPlan(planId, courseId, 1, base.date(), base.author(), base.status(), base.patientWeightKg(),
                base.images(), targets, base.zones(), base.injections(), base.checklist(), base.overrides(),
                base.signature(), base.amendments(), base.outcomes(), base.copiedForward());
    }

    /** The plan with every image showing Patient ID {@code patientId}. */
    static SessionPlan ofPatient(SessionPlan p, String patientId) {
        List<PlanImage> images = p.images().stream().map(i -> new PlanImage(i.sopInstanceUid(),
                i.studyInstanceUid(), i.seriesInstanceUid(), i.description(), i.frames(), i.path(),
                new Patient(patientId, "", null), i.studyDate())).toList();
        return new SessionPlan(p.id(), p.courseId(), p.sessionNumber(), p.date(), p.author(), p.status(),
                p.patientWeightKg(), images, p.targets(), p.zones(), p.injections(), p.checklist(), p.overrides(),
                p.signature(), p.amendments(), p.outcomes(), p.copiedForward());
    }

    /** A random valid plan: any text, edge-case numbers, nullable fields null or not, both shapes. */
    public static SessionPlan random(Random r) {
        List<PlanImage> images = new ArrayList<>();
        int imageCount = 1 + r.nextInt(3);
        Patient patient = r.nextBoolean() ? null : new Patient(text(r), text(r),
                r.nextBoolean() ? null : LocalDate.ofEpochDay(r.nextInt(40_000) - 20_000));
        for (int i = 0; i < imageCount; i++) {
            images.add(new PlanImage("2.25." + r.nextInt(1_000_000) + "." + i, nullable(r, text(r)),
                    nullable(r, text(r)), nullable(r, text(r)), r.nextInt(), nullable(r, text(r)), patient,
                    r.nextBoolean() ? null : LocalDate.ofEpochDay(r.nextInt(30_000))));
        }
        List<Target> targets = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            targets.add(new Target(uuid(r), r.nextInt(), text(r), nullable(r, text(r)),
                    Side.values()[r.nextInt(Side.values().length)],
                    r.nextBoolean() ? null : SpinalLevel.values()[r.nextInt(SpinalLevel.values().length)],
                    imageRef(r, images), new PixelPoint(number(r), number(r)), depthDrawn(r),
                    lines(r), calibration(r)));
        }
        List<NerveZone> zones = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            zones.add(new NerveZone(uuid(r), r.nextInt(), ZoneKind.values()[r.nextInt(ZoneKind.values().length)],
                    text(r), imageRef(r, images), shape(r), Math.abs(number(r)), calibration(r)));
        }
        List<Injection> injections = new ArrayList<>();
        for (Target t : targets) {
            if (r.nextBoolean()) {
                injections.add(new Injection(uuid(r), t.id(), r.nextBoolean(),
                        Approach.values()[r.nextInt(Approach.values().length)],
                        new Needle(10 + r.nextInt(25), r.nextBoolean() ? null : 0.5 + r.nextDouble() * 299),
                        r.nextBoolean() ? new Solution(null, null, null)
                                : new Solution(r.nextDouble() * 75, "lido" + text(r), r.nextDouble() * 10),
                        0.01 + r.nextDouble() * 49, r.nextBoolean() ? null
                                : new NeedlePath(new PixelPoint(number(r), number(r)), calibration(r)),
                        r.nextBoolean() ? ProcedureRecord.PLANNED : ProcedureRecord.skipped(time(r), "x" + lines(r))));
            }
        }
        List<ChecklistEntry> checklist = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            ChecklistAnswer answer = r.nextBoolean() ? null : ChecklistAnswer.values()[r.nextInt(3)];
            checklist.add(new ChecklistEntry(new ChecklistItem("item-" + i, "q" + text(r)), answer, "n" + lines(r)));
        }
        List<FindingOverride> overrides = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            overrides.add(new FindingOverride("key-" + i + text(r), r.nextBoolean() ? null : number(r), "r" + lines(r),
                    "a" + text(r), time(r)));
        }
        Signature signature = r.nextBoolean() ? null : new Signature("s" + text(r), time(r), "0f".repeat(32));
        return new SessionPlan(uuid(r), uuid(r), 1 + r.nextInt(Integer.MAX_VALUE),
                LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000L), text(r),
                signature == null ? PlanStatus.DRAFT : PlanStatus.SIGNED,
                r.nextBoolean() ? null : 0.001 + r.nextDouble() * 499, images, targets, zones, injections, checklist,
                overrides, signature, List.of(), r.nextBoolean() ? null : outcomes(r), null);
    }

    /** Random outcomes: each measure absent or anywhere in its range, the ODI as a total or as sections. */
    private static Outcomes outcomes(Random r) {
        List<Integer> sections = null;
        Double odi = r.nextBoolean() ? null : r.nextInt(1001) / 10.0;
        if (r.nextBoolean()) {
            sections = new ArrayList<>();
            for (int i = 0; i < Outcomes.ODI_SECTIONS; i++) {
                sections.add(i < 2 && r.nextBoolean() ? null : r.nextInt(6));
            }
            odi = null;
        }
        return new Outcomes(r.nextBoolean() ? null : r.nextInt(11), r.nextBoolean() ? null : r.nextInt(11), odi,
                sections, r.nextBoolean() ? null : r.nextInt(25), r.nextBoolean() ? null : 1 + r.nextInt(7), text(r),
                time(r));
    }

    private static OffsetDateTime time(Random r) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000)),
                java.time.ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 3600));
    }

    private static ImageRef imageRef(Random r, List<PlanImage> images) {
        return new ImageRef(images.get(r.nextInt(images.size())).sopInstanceUid(), 1 + r.nextInt(Integer.MAX_VALUE));
    }

    /**
     * A valid shape with stressful numbers: random values are tried first (most polygons of random
     * points are invalid, so geometry refuses them), then a triangle and an ellipse that are valid by
     * construction.
     */
    private static ZoneShape shape(Random r) {
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                if (r.nextBoolean()) {
                    List<PixelPoint> vertices = new ArrayList<>();
                    for (int i = 3 + r.nextInt(6); i > 0; i--) {
                        vertices.add(new PixelPoint(number(r), number(r)));
                    }
                    return new PolygonShape(vertices);
                }
                return new EllipseShape(new PixelPoint(number(r), number(r)), Math.abs(number(r)),
                        Math.abs(number(r)), number(r));
            } catch (IllegalArgumentException invalid) {
                // try again: the shape's own checks refused these numbers
            }
        }
        double x = r.nextDouble() * 1000;
        double y = r.nextDouble() * 1000;
        if (r.nextBoolean()) {
            return new PolygonShape(List.of(new PixelPoint(x, y), new PixelPoint(x + 1 + r.nextDouble() * 50, y),
                    new PixelPoint(x, y + 1 + r.nextDouble() * 50)));
        }
        return new EllipseShape(new PixelPoint(x, y), 1 + r.nextDouble() * 40, 1 + r.nextDouble() * 40,
                r.nextDouble() * 360);
    }

    private static MeasuredCalibration calibration(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> MeasuredCalibration.UNCALIBRATED;
            case 1 -> new MeasuredCalibration(MeasuredCalibration.Source.PIXEL_SPACING, scale(r), scale(r), null,
                    0.0);
            default -> new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, scale(r), scale(r),
                    r.nextBoolean() ? null : r.nextInt(), r.nextBoolean() ? null : number(r));
        };
    }

    /** A scale in mm per pixel: any positive finite double (the format refuses others). */
    private static double scale(Random r) {
        double d;
        do {
            d = Math.abs(number(r));
        } while (!(d > 0));
        return d;
    }

    private static final double[] EDGE = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, 1e-300, 1e300, 123456789.0123456789, 9007199254740993.0};

    /** A finite double: an edge case, a plain value or any finite bit pattern. */
    static double number(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> EDGE[r.nextInt(EDGE.length)];
            case 1 -> (r.nextDouble() - 0.5) * 2000;
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(d));
                yield d;
            }
        };
    }

    /** JSON's special characters that a one-line text may hold. */
    private static final String SPECIAL = "\"\\/\u2028\u00a0";

    /** Line breaks and tabs, which multi-line texts (notes, reasons) may hold besides. */
    private static final String BREAKS = "\n\r\t";

    /**
     * One-line text of any code points a plan can hold (PlanText): JSON's special characters, pairs and
     * any non-control code point, no unpaired surrogate.
     */
    static String text(Random r) {
        return text(r, "");
    }

    /** Multi-line text: as {@link #text(Random)}, with line breaks and tabs. */
    static String lines(Random r) {
        return text(r, BREAKS);
    }

    private static String text(Random r, String more) {
        String special = SPECIAL + more;
        int length = r.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(6)) {
                case 0 -> s.append(special.charAt(r.nextInt(special.length())));
                case 1, 2 -> s.appendCodePoint(0x1F600 + r.nextInt(80));
                case 3 -> {
                    int c = r.nextInt(0x110000);
                    s.appendCodePoint(Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? 'z' : c);
                }
                default -> s.append((char) ('a' + r.nextInt(26)));
            }
        }
        return s.toString();
    }

    /**
     * Null, the depth a target is given (it is derived from its point and calibration), after the draws the
     * stored depth once took, so that the rest of a seeded plan stays as it was.
     */
    private static Double depthDrawn(Random r) {
        if (!r.nextBoolean()) {
            number(r);
        }
        return null;
    }

    private static String nullable(Random r, String value) {
        return r.nextInt(3) == 0 ? null : value;
    }

    private static UUID uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong());
    }
}
