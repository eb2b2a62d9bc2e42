package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.injectionplanner.plan.ChecklistAnswer;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.sessionmap.SessionMap;
import org.junit.jupiter.api.Test;

/**
 * The clinic decides which checklist questions block sign-off (docs/safety.md §6): a blocking question answered
 * no or n/a refuses it, naming the question in words; a non-blocking "no" with its note is signed as a flagged
 * deviation.
 */
class BlockingChecklistTest {

    private static final ChecklistItem CONSENT = new ChecklistItem("consent", "Written consent signed", true);
    private static final ChecklistItem NSAIDS = new ChecklistItem("nsaids-paused", "NSAIDs paused", false);

    /** One calibrated site on an empty frame, the weight entered and every question answered yes. */
    private static SessionPlan ready() {
        Target t = PlanFixtures.target(1, 100, 100, PlanFixtures.region(0, 0.1, 0.1));
        return PlanFixtures.answeredYes(PlanFixtures.draft(List.of(CONSENT, NSAIDS)).withPatientWeightKg(70.0)
                .withTarget(t).withInjection(PlanFixtures.injection(t, null)));
    }

    private static List<String> problems(SessionPlan plan) {
        return SignOffGate.problems(plan, SafetyChecks.check(plan,
                SafetyContext.of(ClinicSettings.defaults(), plan.date().minusDays(28))));
    }

    @Test
    void theReadyPlanHasNoProblem() {
        assertThat(problems(ready())).isEmpty();
    }

    @Test
    void aBlockingQuestionAnsweredNoRefusesSignOffNamingItAndItsNote() {
        SessionPlan plan = PlanEdits.answer("consent", ChecklistAnswer.NO, "form at home\nwill bring it")
                .applyTo(ready());
        assertThat(problems(plan)).containsExactly("checklist item the clinic requires to be yes before sign-off, "
                + "answered no: Written consent signed (note: form at home will bring it)");
        SessionMap map = SessionMap.of(plan, SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(),
                null)), ClinicSettings.defaults(), SignatureStatus.UNSIGNED);
        String deviation = "      DEVIATION, answered no — the clinic requires yes, this blocks sign-off: Written "
                + "consent signed (note: form at home\nwill bring it)";
        assertThat(map.lines()).as("cut to fit, on one line").anyMatch(l -> l.startsWith("      DEVIATION, answered no "
                + "— the clinic requires yes, this blocks sign-off: Written consent signed (note: form")
                && l.endsWith("…") && l.length() == SessionMap.ROW_CHARS);
        assertThat(map.details()).as("whole, for the findings area").contains(deviation.strip());
    }

    @Test
    void aBlockingQuestionAnsweredNotApplicableRefusesSignOffToo() {
        SessionPlan plan = PlanEdits.answer("consent", ChecklistAnswer.NOT_APPLICABLE, "").applyTo(ready());
        assertThat(problems(plan)).containsExactly(SignOffGate.BLOCKING_ANSWER + "n/a: Written consent signed");
    }

    @Test
    void aNonBlockingNoWithItsNoteIsSignedAsAFlaggedDeviation() {
        SessionPlan plan = PlanEdits.answer("nsaids-paused", ChecklistAnswer.NO, "ibuprofen yesterday")
                .applyTo(ready());
        assertThat(problems(plan)).isEmpty();
        SessionMap map = SessionMap.of(plan, SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(),
                null)), ClinicSettings.defaults(), SignatureStatus.UNSIGNED);
        assertThat(map.checklist().deviations()).extracting(e -> e.item().id()).containsExactly("nsaids-paused");
        assertThat(map.lines()).contains("      DEVIATION, answered no: NSAIDs paused (note: ibuprofen yesterday)");
    }

    @Test
    void anUnansweredBlockingQuestionIsRefusedOnceAsUnanswered() {
        SessionPlan plan = PlanEdits.answer("consent", null, "").applyTo(ready());
        assertThat(problems(plan)).containsExactly("checklist item unanswered: Written consent signed");
    }
}
