package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Names of targets, zones and injections, and reading them back. */
class AnnotationNamesTest {

    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    private static SessionPlan plan() {
        Target t3 = PlanFixtures.target(3, 100, 100, CAL);
        Target t5 = PlanFixtures.target(5, 200, 100, CAL);
        return PlanFixtures.draft().withTarget(t3).withTarget(t5)
                .withZone(PlanFixtures.zone(2, polygon(10, 10, 40, 10, 25, 30), 5, CAL))
                .withInjection(PlanFixtures.injection(t5, null)).withInjection(PlanFixtures.injection(t3, null));
    }

    @Test
    void namesAnnotationsByNumberAndInjectionsByTargetOrPosition() {
        SessionPlan plan = plan();
        Target t5 = plan.targets().get(1);
        assertThat(AnnotationNames.of(t5)).isEqualTo("T5");
        assertThat(AnnotationNames.of(plan.zones().get(0))).isEqualTo("Z2");
        assertThat(AnnotationNames.of(plan, plan.injections().get(0))).isEqualTo("T5");
        assertThat(AnnotationNames.of(plan, plan.zones().get(0).id())).isEqualTo("Z2");
        assertThat(AnnotationNames.of(plan, UUID.randomUUID())).isEqualTo("?");
        assertThat(AnnotationNames.position(2)).isEqualTo("#2");
    }

    @Test
    void readsNamesBackCaseInsensitivelyOrByUuid() {
        SessionPlan plan = plan();
        Target t3 = plan.targets().get(0);
        assertThat(AnnotationNames.resolve(plan, " t3 ")).isEqualTo(t3.id());
        assertThat(AnnotationNames.resolve(plan, "Z2")).isEqualTo(plan.zones().get(0).id());
        assertThat(AnnotationNames.resolve(plan, t3.id().toString())).isEqualTo(t3.id());
        assertThat(AnnotationNames.resolveInjection(plan, "#2").targetId()).isEqualTo(t3.id());
        assertThat(AnnotationNames.resolveInjection(plan, "T5")).isEqualTo(plan.injections().get(0));
    }

    @Test
    void aNameThatGivesNothingSaysWhy() {
        SessionPlan plan = plan();
        assertThatThrownBy(() -> AnnotationNames.resolve(plan, "T4")).hasMessageContaining("no annotation 'T4'");
        assertThatThrownBy(() -> AnnotationNames.resolve(plan, "T99999999999"))
                .hasMessageContaining("no annotation 'T99999999999'");
        assertThatThrownBy(() -> AnnotationNames.resolveInjection(plan, "#3"))
                .hasMessageContaining("the session has 2 injections");
        assertThatThrownBy(() -> AnnotationNames.resolveInjection(plan, "Z2")).hasMessageContaining("is a zone");
        SessionPlan withoutInjection = plan.withoutInjection(plan.injections().get(0).id());
        assertThatThrownBy(() -> AnnotationNames.resolveInjection(withoutInjection, "T5"))
                .hasMessageContaining("T5 has no injection");
    }
}
