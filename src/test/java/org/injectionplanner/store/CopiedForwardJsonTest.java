package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.injectionplanner.plan.CopyForward;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanFormatException;
import org.injectionplanner.planfile.PlanJson;
import org.junit.jupiter.api.Test;

/** A plan started from an earlier session keeps where its sites came from through its file. */
class CopiedForwardJsonTest {

    private static SessionPlan copiedWithADrop() {
        SessionPlan prior = TestPlans.sample();
        SessionPlan draft = SessionPlan.newDraft(prior.courseId(), prior.sessionNumber() + 1,
                prior.date().plusDays(28), "Dr B");
        SessionPlan copy = CopyForward.from(prior, draft);
        Target last = copy.targets().get(copy.targets().size() - 1);
        return CopyForward.drop(last.id(), DropReason.OTHER, "patient asked\nto skip it").applyTo(copy);
    }

    @Test
    void aCopiedPlanRoundTripsWithItsSitesToConfirmAndDroppedSites() throws PlanFormatException {
        SessionPlan plan = copiedWithADrop();
        assertThat(plan.copiedForward().dropped()).hasSize(1);
        byte[] json = PlanJson.write(plan);
        SessionPlan read = PlanJson.read(json, "plan.json");
        assertThat(read).isEqualTo(plan);
        assertThat(PlanJson.write(read)).isEqualTo(json);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"copiedForward\": {").contains("\"reason\": \"OTHER\"")
                .contains("\"fromSession\": " + TestPlans.sample().sessionNumber());
    }

    @Test
    void aPlanNotCopiedWritesNoCopiedForwardMember() {
        assertThat(new String(PlanJson.write(TestPlans.sample()), StandardCharsets.UTF_8))
                .doesNotContain("copiedForward");
    }

    @Test
    void aSiteToConfirmThatWasNotCopiedIsRefusedAtItsPointer() {
        SessionPlan plan = copiedWithADrop();
        String text = new String(PlanJson.write(plan), StandardCharsets.UTF_8);
        String first = plan.copiedForward().toConfirm().get(0).toString();
        String stranger = UUID.nameUUIDFromBytes(new byte[] {1}).toString();
        int toConfirm = text.indexOf("\"toConfirm\"");
        String broken = text.substring(0, toConfirm) + text.substring(toConfirm).replaceFirst(first, stranger);
        assertThatThrownBy(() -> PlanJson.read(broken.getBytes(StandardCharsets.UTF_8), "plan.json"))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("plan.json: /copiedForward: site "
                        + stranger + " to confirm is not a copied site");
    }
}
