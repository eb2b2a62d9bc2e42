package org.injectionplanner.plan;

import java.time.LocalDate;
import java.util.UUID;

/** Sessions of a patient's course for the course and comparison tests: an image that names the patient. */
public final class CourseFixtures {

    public static final String PATIENT = "DEMO-0001";

    private CourseFixtures() {
    }

    /** An image of the view {@code description} showing {@code patientId}. */
    public static PlanImage image(String uid, String description, String patientId) {
        return new PlanImage(uid, "2.25.9", "2.25.10." + description.length(), description, 1, null,
                new Patient(patientId, "Demo^Patient", LocalDate.of(1970, 1, 1)), LocalDate.of(2026, 10, 1));
    }

    /** An empty draft of session {@code number} of {@code course} on {@code date} with an image of the patient. */
    public static SessionPlan session(UUID course, int number, LocalDate date, String patientId) {
        return SessionPlan.newDraft(course, number, date, "Dr A")
                .withImage(image("2.25.100." + number, "Transverse L4-L5", patientId));
    }

    /**
     * Session {@code number} with one site (T1 with its injection and a needle path from the skin) and a
     * weight for the anaesthetic: ready to be saved and signed.
     */
    public static SessionPlan sessionWithSite(UUID course, int number, LocalDate date, String patientId) {
        SessionPlan p = session(course, number, date, patientId).withPatientWeightKg(70.0);
        Target t = target(p, PlanFixtures.id("site", 1), 1, 300, 200);
        return p.withTarget(t).withInjection(PlanFixtures.injection(t, PlanFixtures.path(300, 0,
                PlanFixtures.region(0, 0.1, 0.1))));
    }

    /** A target at {@code (x, y)} px on the plan's first image, calibrated 0.1 mm per pixel, left L4/L5. */
    public static Target target(SessionPlan plan, UUID id, int number, double x, double y) {
        MeasuredCalibration cal = PlanFixtures.region(0, 0.1, 0.1);
        return new Target(id, number, "T" + number, "iliolumbar", Side.LEFT, SpinalLevel.L4_L5,
                new ImageRef(plan.images().get(0).sopInstanceUid(), 1), PlanFixtures.p(x, y), null, "", cal);
    }
}
