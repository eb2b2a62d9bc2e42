package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.AT;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;
import static org.injectionplanner.plan.PlanFixtures.zone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.Approach;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.FindingOverride;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.InjectionState;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.PlanEdit;
import org.injectionplanner.plan.PlanEditor;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.ProcedureRecord;
import org.injectionplanner.plan.SafetyLimits;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Signature;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing, the read-only signed plan, and amendments through a real plan store (docs/design.md §5). */
class SignOffTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);
    private static final List<ChecklistItem> CHECKLIST = List.of(new ChecklistItem("consent", "Consent signed"),
            new ChecklistItem("time-out", "Time-out done"));

    @TempDir
    Path root;

    /**
     * Two sites: T1's path runs 4.0 mm from the 5 mm-margin square (a violation), T2 is clear; a 70 kg
     * patient. The checklist is unanswered.
     */
    private static SessionPlan plan() {
        Target t1 = target(1, 240, 300, CAL);
        Target t2 = target(2, 600, 300, CAL);
        return PlanFixtures.draft(CHECKLIST).withPatientWeightKg(70.0)
                .withZone(zone(1, polygon(100, 100, 200, 100, 200, 200, 100, 200), 5, CAL))
                .withTarget(t1).withTarget(t2)
                .withInjection(injection(t1, path(240, 0, CAL))).withInjection(injection(t2, path(600, 0, CAL)));
    }

    private static final SafetyContext CONTEXT = SafetyContext.of(ClinicSettings.defaults(), null);

    /** A key pair of the test's own, as a signer's enrolled key. */
    private static final KeyPair KEYS = SignerKeys.generate();

    /** The plan signed under the default settings with {@link #KEYS}, the way the store signs. */
    private static SessionPlan sign(SessionPlan plan, String signer, OffsetDateTime at) throws Exception {
        return SignOff.sign(plan, ClinicSettings.defaults(), null, signer, at,
                name -> new SignOff.Enrollment(KEYS, null));
    }

    private static SafetyReport check(SessionPlan plan) {
        return SafetyChecks.check(plan, CONTEXT);
    }

    /** The plan with every checklist item answered and the violation overridden. */
    private static SessionPlan ready() {
        SessionPlan plan = PlanFixtures.answeredYes(plan());
        Finding violation = check(plan).violations().get(0);
        return plan.withOverride(new FindingOverride(violation.key(), violation.measured(),
                "nerve lies deeper on the paired frame", "Dr A", AT));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anOpenViolationAndUnansweredChecklistItemsRefuseSigning() {
        SessionPlan plan = plan();
        SafetyReport report = check(plan);
        Finding violation = report.violations().get(0);
        assertThat(report.violations()).hasSize(1);
        assertThatThrownBy(() -> sign(plan, "Dr A", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "violation without a written override reason: " + violation.message(),
                            "checklist item unanswered: Consent signed",
                            "checklist item unanswered: Time-out done");
                    assertThat(e.getMessage()).startsWith("session 2 cannot be signed:\n- violation without");
                });
    }

    @Test
    void aPlanWithAnOpenViolationCannotBeSignedThroughTheStoreWhateverReportTheCallerHolds() throws Exception {
        SessionPlan answered = PlanFixtures.answeredYes(plan());
        PlanStore store = new PlanStore(root);
        try (PlanSession session = PlanSession.open(store, answered)) {
            session.save("Dr A", "planned");
            assertThatThrownBy(() -> session.finalizePlan("Dr A", AT))
                    .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems())
                            .singleElement().asString().startsWith("violation without a written override reason"));
            assertThat(session.editor().plan()).isEqualTo(answered);

            // a signature made outside the store, over the right content, is refused by every save
            SessionPlan forged = answered.signed(new Signature("Dr A", AT, PlanJson.plannedContentSha256(answered)));
            assertThatThrownBy(() -> session.course().save(forged, "Dr A", "signed elsewhere"))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("session 2 cannot be saved as signed by Dr A (nothing was saved):\n- "
                            + "a new signature must be sealed with the signer's key");
            session.editor().replace(forged, "signed elsewhere");
            assertThatThrownBy(() -> session.save("Dr A", "signed elsewhere")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("a new signature must be sealed");
            // sealed with a key of the signer's own (not in the store's keyring): the seal does not count, and
            // the open violation is reported under the settings it carries
            SessionPlan sealed = answered.signed(sign(ready(), "Dr A", AT).signature());
            assertThatThrownBy(() -> session.course().save(sealed, "Dr A", "signed elsewhere"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is not in the store's keyring")
                    .hasMessageContaining("under the settings it was signed with: violation without a written "
                            + "override reason: Injection 1, T1");
        }
        assertThat(store.history(PlanFixtures.COURSE)).singleElement()
                .satisfies(r -> assertThat(r.plan().status()).isEqualTo(PlanStatus.DRAFT));
    }

    @Test
    void finalizingChecksWithTheStoresSettingsNotTheCallers() throws Exception {
        SessionPlan plan = ready();
        assertThat(check(plan).openViolations(plan)).as("clean under the default settings").isEmpty();
        PlanStore store = new PlanStore(root);
        SafetyLimits d = SafetyLimits.defaults();
        // an 80 mm reserve: the 88.9 mm needles are too short for the 30 mm paths
        store.saveSettings(ClinicSettings.defaults().withLimits(new SafetyLimits(80, d.maxInsertionAngleDeg(),
                d.midlineNoGoDepthMm(), d.maxSiteVolumeMl(), d.maxSessionVolumeMl(), d.minIntervalDays(),
                d.maxEntryBelowSkinMm())));
        try (PlanSession session = PlanSession.open(store, plan)) {
            assertThatThrownBy(() -> session.finalizePlan("Dr A", AT))
                    .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems())
                            .hasSize(2).allMatch(p -> p.startsWith("violation without a written override reason")
                                    && p.contains("needle")));
            SessionPlan signedByDefaults = sign(plan, "Dr A", AT);
            assertThatThrownBy(() -> session.course().save(signedByDefaults, "Dr A", "signed"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("it was given under clinic settings other than the store's");
        }
        assertThat(store.history(PlanFixtures.COURSE)).isEmpty();
    }

    @Test
    void aSignedPlanChangedAfterSigningCannotBeSaved() throws Exception {
        PlanStore store = new PlanStore(root);
        try (PlanSession session = PlanSession.open(store, ready())) {
            SessionPlan signed = session.finalizePlan("Dr A", AT).plan();
            Target t1 = signed.targets().get(0);
            SessionPlan moved = signed.withTarget(t1.movedTo(new PixelPoint(250, 300), CAL));
            assertThatThrownBy(() -> session.course().save(moved, "Dr A", "moved behind the editor's back"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("its planned content was changed after signing");
        }
    }

    @Test
    void answersAloneDoNotSignAPlanWithAnOpenViolation() {
        SessionPlan answered = PlanFixtures.answeredYes(plan());
        assertThatThrownBy(() -> sign(answered, "Dr A", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("violation without a written override reason: Injection 1, T1"));
    }

    @Test
    void anOverrideAloneDoesNotSignAPlanWithAnUnansweredItem() {
        SessionPlan plan = ready().withChecklistEntry(ChecklistEntry.unanswered(CHECKLIST.get(1)));
        assertThatThrownBy(() -> sign(plan, "Dr A", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class,
                        e -> assertThat(e.problems()).containsExactly("checklist item unanswered: Time-out done"));
    }

    @Test
    void aPlanWithoutInjectionsOrSignerCannotBeSigned() {
        SessionPlan empty = PlanFixtures.draft();
        assertThatThrownBy(() -> sign(empty, "Dr A", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class,
                        e -> assertThat(e.problems()).containsExactly("no injections are planned"));
        SessionPlan plan = ready();
        assertThatThrownBy(() -> sign(plan, " ", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class,
                        e -> assertThat(e.problems()).containsExactly("the signer's name is missing"));
    }

    @Test
    void withAnOverrideAndAllAnswersThePlanIsSignedOverItsPlannedContent() throws Exception {
        SessionPlan plan = ready();
        SessionPlan signed = sign(plan, " Dr A ", AT);
        assertThat(signed.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(signed.signature().signer()).isEqualTo("Dr A");
        assertThat(signed.signature().signedAt()).isEqualTo(AT);
        // what the signature covers: the plan document of plannedContent(), hashed here independently
        assertThat(signed.signature().contentSha256()).isEqualTo(sha256(PlanJson.write(plan.plannedContent())))
                .isEqualTo(PlanJson.plannedContentSha256(signed));
        assertThat(SignOff.intact(signed)).isTrue();
        assertThat(SignOff.intact(plan)).as("a draft is not intact: it is not signed").isFalse();

        // the procedure record is outside the signature
        Injection first = signed.injections().get(0);
        SessionPlan done = signed.withInjection(first.recorded(ProcedureRecord.done(AT.plusMinutes(5), "")));
        assertThat(SignOff.intact(done)).isTrue();
        // any planned field is inside it
        SessionPlan tampered = signed.withInjection(first.prescribed(Approach.OUT_OF_PLANE, first.needle(),
                first.solution(), first.volumeMl()));
        assertThat(SignOff.intact(tampered)).isFalse();
        assertThat(SignOff.intact(signed.withPatientWeightKg(72.0))).isFalse();
        assertThatThrownBy(() -> sign(signed, "Dr B", AT))
                .isInstanceOfSatisfying(SignOffRefusedException.class, e -> assertThat(e.problems())
                        .containsExactly("session 2 is already signed by Dr A"));
    }

    @Test
    void aSignedPlanRefusesEditsButAcceptsTheProcedureRecord() throws Exception {
        SessionPlan plan = ready();
        SessionPlan signed = sign(plan, "Dr A", AT);
        PlanEditor editor = new PlanEditor(signed);
        Injection first = signed.injections().get(0);
        Target t1 = signed.targets().get(0);
        List<PlanEdit> refused = List.of(
                PlanEdits.moveTarget(t1.id(), new PixelPoint(250, 300), CAL),
                PlanEdits.deleteTarget(t1.id()),
                PlanEdits.deleteZone(signed.zones().get(0).id()),
                PlanEdits.planPath(first.id(), path(260, 0, CAL)),
                PlanEdits.prescribe(first.id(), Approach.IN_PLANE, new Needle(25, 50.8), first.solution(), 0.5),
                PlanEdits.reorder("Swap", List.of(signed.injections().get(1).id(), first.id())),
                PlanEdits.lock(first.id(), true),
                PlanEdits.answer("consent", ChecklistAnswer.NO, "withdrawn"),
                PlanEdits.patientWeight(72.0),
                PlanEdits.withdrawOverride(signed.overrides().get(0).findingKey()));
        for (PlanEdit edit : refused) {
            assertThatThrownBy(() -> editor.apply(edit)).as(edit.description())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("session 2 was signed by Dr A").hasMessageContaining("read-only");
            assertThat(editor.plan()).isEqualTo(signed);
            assertThat(editor.canUndo()).isFalse();
        }

        SessionPlan done = editor.apply(PlanEdits.record(first.id(), ProcedureRecord.done(AT.plusMinutes(5), "")));
        SessionPlan skipped = editor.apply(PlanEdits.record(signed.injections().get(1).id(),
                ProcedureRecord.skipped(AT.plusMinutes(9), "patient declined")));
        assertThat(done.injections().get(0).record().state()).isEqualTo(InjectionState.DONE);
        assertThat(skipped.injections().get(1).record().state()).isEqualTo(InjectionState.SKIPPED);
        assertThat(skipped.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(SignOff.intact(skipped)).isTrue();
        assertThat(editor.undo()).isTrue();
        assertThat(editor.plan()).isEqualTo(done);
    }

    @Test
    void anAmendmentKeepsTheSignedRevisionAndChainsToIt() throws Exception {
        PlanStore store = new PlanStore(root);
        Revision signedRevision;
        Revision amendedRevision;
        try (PlanSession session = PlanSession.open(store, ready())) {
            session.save("Dr A", "planned");
            signedRevision = session.finalizePlan("Dr A", AT);
            assertThat(signedRevision.plan().status()).isEqualTo(PlanStatus.SIGNED);
            assertThat(signedRevision.header().reason()).isEqualTo("Signed by Dr A");
            assertThat(session.editor().plan()).isEqualTo(signedRevision.plan());
            byte[] signedBytes = Files.readAllBytes(signedRevision.file());

            Target t1 = session.editor().plan().targets().get(0);
            assertThatThrownBy(() -> session.editor().apply(PlanEdits.moveTarget(t1.id(), new PixelPoint(300, 300),
                    CAL))).isInstanceOf(IllegalStateException.class);

            session.amend("T1 moved away from the nerve", "Dr B", AT.plusHours(1));
            session.editor().apply(PlanEdits.moveTarget(t1.id(), new PixelPoint(300, 300), CAL));
            amendedRevision = session.save("Dr B", "amended: T1 moved away from the nerve");

            assertThat(Files.readAllBytes(signedRevision.file())).as("the signed revision is untouched")
                    .isEqualTo(signedBytes);
            assertThat(amendedRevision.header().sequence()).isEqualTo(signedRevision.header().sequence() + 1);
            assertThat(amendedRevision.header().previousSha256()).isEqualTo(sha256(signedBytes))
                    .isEqualTo(signedRevision.fileSha256());
        }
        SessionPlan amended = amendedRevision.plan();
        assertThat(amended.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(amended.signature()).isNull();
        assertThat(amended.amendments()).singleElement().satisfies(a -> {
            assertThat(a.amended()).isEqualTo(signedRevision.plan().signature());
            assertThat(a.reason()).isEqualTo("T1 moved away from the nerve");
            assertThat(a.author()).isEqualTo("Dr B");
        });
        assertThat(store.load(signedRevision.file()).plan()).isEqualTo(signedRevision.plan());
        assertThat(SignOff.intact(store.load(signedRevision.file()).plan())).isTrue();
        assertThat(store.history(PlanFixtures.COURSE)).extracting(r -> r.header().sequence()).containsExactly(1, 2, 3);
        VerifyReport verified = StoreVerifier.verify(root);
        assertThat(verified.intact()).as(verified.problems().toString()).isTrue();
        assertThat(verified.revisions()).isEqualTo(3);
    }

    @Test
    void anAmendedPlanIsSignedAgainWithItsAmendmentInsideTheSignature() throws Exception {
        SessionPlan plan = ready();
        SessionPlan signed = sign(plan, "Dr A", AT);
        PlanEditor editor = new PlanEditor(signed);
        editor.apply(PlanEdits.amend(SignOff.amendment(signed, "volume corrected", "Dr A", AT.plusHours(1))));
        Injection first = signed.injections().get(0);
        SessionPlan changed = editor.apply(PlanEdits.prescribe(first.id(), first.approach(), first.needle(),
                first.solution(), 0.8));
        assertThat(changed.status()).isEqualTo(PlanStatus.DRAFT);

        SessionPlan resigned = sign(changed, "Dr A", AT.plusHours(2));
        assertThat(SignOff.intact(resigned)).isTrue();
        assertThat(resigned.signature()).isNotEqualTo(signed.signature());
        assertThat(resigned.amendments()).singleElement().extracting(a -> a.amended()).isEqualTo(signed.signature());
        // removing the amendment record would break the new signature
        SessionPlan withoutHistory = new SessionPlan(resigned.id(), resigned.courseId(), resigned.sessionNumber(),
                resigned.date(), resigned.author(), resigned.status(), resigned.patientWeightKg(), resigned.images(),
                resigned.targets(), resigned.zones(), resigned.injections(), resigned.checklist(), resigned.overrides(),
                resigned.signature(), List.of(), resigned.outcomes(), resigned.copiedForward());
        assertThat(SignOff.intact(withoutHistory)).isFalse();
        assertThatThrownBy(() -> SignOff.amendment(changed, "again", "Dr A", AT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not signed");
    }
}
