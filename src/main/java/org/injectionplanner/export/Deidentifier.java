package org.injectionplanner.export;

import java.util.List;
import org.injectionplanner.export.dicom.Deidentification;
import org.injectionplanner.plan.Amendment;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.Outcomes;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Target;

/**
 * Removes what identifies a patient from a plan for a de-identified export (docs/exports.md,
 * *Plan JSON export*, *De-identified*): the patient (ID, name, birth date) and study date of every image, the
 * image path hints and series descriptions, every free text (target notes, checklist notes, procedure notes,
 * outcome notes, override and amendment reasons) and the clinicians' names; DICOM UIDs (study, series, SOP
 * instance) are replaced by new {@code 2.25.} UIDs, the same UID always by the same new one within one de-identifier,
 * so one export (every file made with the same instance) stays consistent. What the plan plans — positions, zones,
 * labels, structures, needles, solutions, volumes, the session date and the procedure times — is kept, and so are the
 * plan, course and site ids, which name records of the clinic's plan store, not the patient.
 * Signatures keep their time and content hash but lose the signer and the seal (whose key id names the
 * signer's key), so a de-identified signed plan reads as signed but cannot be verified. Not thread-safe.
 */
public final class Deidentifier {

    /** What stands where a text that may not be blank was removed. */
    public static final String REMOVED = "(removed)";

    private final Deidentification dicom;

    /** A de-identifier with a fresh UID mapping (dates of DICOM objects removed, not moved). */
    public Deidentifier() {
        this(Deidentification.create(false));
    }

    /**
     * A de-identifier sharing the UID mapping of the DICOM objects of the same export, so a UID replaced in
     * the CSV or JSON is the one the SR and Encapsulated PDF carry.
     */
    public Deidentifier(Deidentification dicom) {
        this.dicom = dicom;
    }

    /** The DICOM de-identification of this export, whose UID mapping this one shares. */
    public Deidentification dicom() {
        return dicom;
    }

    /**
     * The new UID standing for {@code uid} in this export: a random {@code 2.25.} UID (PS3.5 §B.2), the same
     * for the same UID in every file of the export; null stays null.
     */
    public String uid(String uid) {
        return uid == null ? null : dicom.uid(uid);
    }

    /** An image's sides without the name of the physician who set them. */
    private static ImageSides sides(ImageSides sides) {
        return sides == null || sides.source() == ImageSides.Source.DICOM_HEADER ? sides
                : new ImageSides(sides.leftEdge(), sides.midlineX(), sides.source(), "");
    }

    /** The plan without patient identifiers, free texts and clinicians' names, its UIDs replaced. */
    public SessionPlan plan(SessionPlan plan) {
        List<PlanImage> images = plan.images().stream()
                .map(i -> new PlanImage(uid(i.sopInstanceUid()), uid(i.studyInstanceUid()),
                        uid(i.seriesInstanceUid()), null, i.frames(), null, null, null, sides(i.sides())))
                .toList();
        List<Target> targets = plan.targets().stream()
                .map(t -> new Target(t.id(), t.number(), t.label(), t.structureId(), t.side(), t.level(),
                        image(t.image()), t.point(), null, "", t.calibration()))
                .toList();
        List<NerveZone> zones = plan.zones().stream()
                .map(z -> new NerveZone(z.id(), z.number(), z.kind(), z.name(), image(z.image()), z.shape(),
                        z.marginMm(), z.calibration()))
                .toList();
        List<Injection> injections = plan.injections().stream()
                .map(i -> new Injection(i.id(), i.targetId(), i.locked(), i.approach(), i.needle(), i.solution(),
                        i.volumeMl(), i.path(), new ProcedureRecord(i.record().state(), i.record().at(),
                                removed(i.record().note()))))
                .toList();
        List<ChecklistEntry> checklist = plan.checklist().stream()
                .map(e -> new ChecklistEntry(e.item(), e.answer(), removed(e.note())))
                .toList();
        List<FindingOverride> overrides = plan.overrides().stream()
                .map(o -> new FindingOverride(o.findingKey(), o.measured(), REMOVED, REMOVED, o.at()))
                .toList();
        List<Amendment> amendments = plan.amendments().stream()
                .map(a -> new Amendment(REMOVED, REMOVED, a.at(), signature(a.amended())))
                .toList();
        return new SessionPlan(plan.id(), plan.courseId(), plan.sessionNumber(), plan.date(), removed(plan.author()),
                plan.status(), plan.patientWeightKg(), images, targets, zones, injections, checklist, overrides,
                plan.signature() == null ? null : signature(plan.signature()), amendments, outcomes(plan.outcomes()),
                plan.copiedForward());
    }

    /** The outcomes without their free-text notes; the scores are kept (they identify nobody). */
    private static Outcomes outcomes(Outcomes o) {
        return o == null ? null : new Outcomes(o.nrsRest(), o.nrsActivity(), o.odiPercent(), o.odiSections(),
                o.rmdq(), o.pgic(), removed(o.notes()), o.recordedAt());
    }

    private ImageRef image(ImageRef ref) {
        return new ImageRef(uid(ref.sopInstanceUid()), ref.frame());
    }

    /** The signature without its signer's name and seal (the seal's key id names the signer's key). */
    private static Signature signature(Signature s) {
        return new Signature(REMOVED, s.signedAt(), s.contentSha256(), null);
    }

    /** "" stays "" (a blank text may stay blank); any other text becomes {@link #REMOVED}. */
    private static String removed(String text) {
        return text.isEmpty() ? "" : REMOVED;
    }
}
