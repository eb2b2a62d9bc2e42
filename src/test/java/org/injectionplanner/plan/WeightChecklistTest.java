package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checklist's weight question follows the plan's weight field and cannot be "yes" without a weight. */
class WeightChecklistTest {

    private static ChecklistAnswer weightAnswer(SessionPlan plan) {
        return plan.checklist().stream().filter(e -> e.item().id().equals(ChecklistItem.WEIGHT)).findFirst()
                .orElseThrow().answer();
    }

    @Test
    void yesIsRefusedWhileNoWeightIsEntered() {
        SessionPlan plan = PlanFixtures.draft(ChecklistItem.defaults());
        assertThatThrownBy(() -> PlanEdits.answer(ChecklistItem.WEIGHT, ChecklistAnswer.YES, "").applyTo(plan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checklist item 'weight' cannot be answered yes: no weight is entered (enter it, and the "
                        + "answer follows)");
        // n/a (no anaesthetic planned) and no with a note remain possible
        assertThat(weightAnswer(PlanEdits.answer(ChecklistItem.WEIGHT, ChecklistAnswer.NOT_APPLICABLE, "")
                .applyTo(plan))).isEqualTo(ChecklistAnswer.NOT_APPLICABLE);
    }

    @Test
    void enteringTheWeightAnswersYesAndClearingItWithdrawsTheYes() {
        SessionPlan plan = PlanFixtures.draft(ChecklistItem.defaults());
        SessionPlan weighed = PlanEdits.patientWeight(72.5).applyTo(plan);
        assertThat(weightAnswer(weighed)).isEqualTo(ChecklistAnswer.YES);
        assertThat(weightAnswer(PlanEdits.answer(ChecklistItem.WEIGHT, ChecklistAnswer.YES, "").applyTo(weighed)))
                .isEqualTo(ChecklistAnswer.YES);
        SessionPlan cleared = PlanEdits.patientWeight(null).applyTo(weighed);
        assertThat(cleared.patientWeightKg()).isNull();
        assertThat(weightAnswer(cleared)).isNull();
        assertThat(cleared.unansweredChecklist()).extracting(e -> e.item().id()).contains(ChecklistItem.WEIGHT);
        // another answer than yes is not the field's to change when the weight is cleared
        SessionPlan notApplicable = PlanEdits.answer(ChecklistItem.WEIGHT, ChecklistAnswer.NOT_APPLICABLE, "")
                .applyTo(plan);
        assertThat(weightAnswer(PlanEdits.patientWeight(null).applyTo(notApplicable)))
                .isEqualTo(ChecklistAnswer.NOT_APPLICABLE);
    }
}
