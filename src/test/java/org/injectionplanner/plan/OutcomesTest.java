package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static Outcomes nrs(Integer rest, Integer activity) {
        return new Outcomes(rest, activity, null, null, null, null, "", PlanFixtures.AT);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheRange() {
        assertThatThrownBy(() -> nrs(11, null)).hasMessage("pain at rest (NRS) must be 0–10, got 11");
        assertThatThrownBy(() -> nrs(null, -1)).hasMessage("pain on activity (NRS) must be 0–10, got -1");
        assertThatThrownBy(() -> new Outcomes(null, null, 100.5, null, null, null, "", PlanFixtures.AT))
                .hasMessage("the Oswestry Disability Index (ODI) must be 0–100 %, got 100.5");
        assertThatThrownBy(() -> new Outcomes(null, null, null, null, 25, null, "", PlanFixtures.AT))
                .hasMessage("the Roland-Morris score (RMDQ) must be 0–24, got 25");
        assertThatThrownBy(() -> new Outcomes(null, null, null, null, null, 0, "", PlanFixtures.AT))
                .hasMessage("the global impression of change (PGIC) must be 1–7, got 0");
        assertThatThrownBy(() -> new Outcomes(null, null, null, sections(0, 1, 2, 3, 4, 6, 0, 0, 0, 0), null, null,
                "", PlanFixtures.AT)).hasMessage("ODI section 6 must be 0–5, got 6");
        assertThat(new Outcomes(0, 10, 0.0, null, 0, 7, "", PlanFixtures.AT).nrsActivity()).isEqualTo(10);
    }

    @Test
    void odiFromTenSectionsIsTheSumOverFifty() {
        Outcomes o = new Outcomes(null, null, null, sections(2, 2, 2, 2, 2, 1, 1, 1, 1, 2), null, null, "",
                PlanFixtures.AT);
        assertThat(o.odiPercent()).isEqualTo(32.0);
    }

    @Test
    void anUnansweredSectionLeavesTheDenominator() {
        // Fairbank and Pynsent 2000: 16 scored of 45 possible = 35.6 %
        Outcomes o = new Outcomes(null, null, null, sections(2, 2, 2, 2, 2, 1, 1, 2, 2, null), null, null, "",
                PlanFixtures.AT);
        assertThat(o.odiPercent()).isCloseTo(100.0 * 16 / 45, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(o.odiSections()).hasSize(10).endsWith((Integer) null);
    }

    @Test
    void fewerThanEightSectionsAnsweredAreRefused() {
        assertThatThrownBy(() -> new Outcomes(null, null, null, sections(1, 1, 1, 1, 1, 1, 1, null, null, null),
                null, null, "", PlanFixtures.AT)).hasMessage("the ODI needs at least 8 of its 10 sections answered, "
                        + "got 7");
        assertThatThrownBy(() -> new Outcomes(null, null, null, sections(1, 1, 1), null, null, "", PlanFixtures.AT))
                .hasMessageContaining("has 10 sections, got 3 scores");
    }

    @Test
    void aTotalThatDisagreesWithItsSectionsIsRefused() {
        assertThatThrownBy(() -> new Outcomes(null, null, 40.0, sections(2, 2, 2, 2, 2, 1, 1, 1, 1, 2), null, null,
                "", PlanFixtures.AT)).hasMessageContaining("disagrees with its section scores, which give 32.0 %");
    }

    @Test
    void outcomesAreRecordedOnASignedPlanWithoutTouchingItsSignedContent() {
        SessionPlan draft = PlanFixtures.draft();
        Signature signature = new Signature("Dr A", PlanFixtures.AT, "0".repeat(64));
        SessionPlan signed = draft.signed(signature);
        PlanEditor editor = new PlanEditor(signed);
        SessionPlan after = editor.apply(PlanEdits.outcomes(nrs(6, 8)));
        assertThat(after.outcomes().nrsRest()).isEqualTo(6);
        assertThat(after.plannedContent()).isEqualTo(signed.plannedContent());
        // carried through an amendment
        SessionPlan amended = after.amended(new Amendment("level corrected", "Dr A", PlanFixtures.AT, signature));
        assertThat(amended.outcomes()).isEqualTo(after.outcomes());
        assertThat(editor.undo()).isTrue();
        assertThat(editor.plan().outcomes()).isNull();
    }

    private static List<Integer> sections(Integer... scores) {
        return new ArrayList<>(Arrays.asList(scores));
    }
}
