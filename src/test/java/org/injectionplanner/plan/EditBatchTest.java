package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.region;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Edits gathered into one step: each tried as it is added, applied together or not at all. */
class EditBatchTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    @Test
    void gathersEditsOnTheGrowingPlanAndRefusesOneThatDoesNotApply() {
        SessionPlan start = PlanFixtures.draft();
        EditBatch batch = new EditBatch(start);
        Target t1 = PlanFixtures.target(1, 10, 20, CAL);
        batch.add(PlanEdits.addTarget(t1));
        assertThat(batch.plan().nextTargetNumber()).isEqualTo(2);
        batch.add(PlanEdits.addInjection(PlanFixtures.injection(t1, null)));

        assertThatThrownBy(() -> batch.add(PlanEdits.deleteTarget(UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no target");
        assertThat(batch.edits()).hasSize(2);

        PlanEditor editor = new PlanEditor(start);
        editor.batch("Add T1", batch.edits());
        assertThat(editor.plan()).isEqualTo(batch.plan());
        assertThat(editor.undo()).isTrue();
        assertThat(editor.plan()).isEqualTo(start);
        assertThat(new EditBatch(start).isEmpty()).isTrue();
    }
}
