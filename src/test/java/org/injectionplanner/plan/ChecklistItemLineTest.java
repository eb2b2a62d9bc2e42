package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The checklist's line format of Clinic Settings... ({@code id; question; blocks} or {@code ...; flags}) and
 * which items block sign-off by default (docs/safety.md §6).
 */
class ChecklistItemLineTest {

    @Test
    void everyDefaultItemRoundTripsThroughItsLineWithItsMarker() {
        for (ChecklistItem item : ChecklistItem.defaults()) {
            assertThat(item.toLine()).endsWith(item.blocksSignOff() ? "; blocks" : "; flags");
            assertThat(ChecklistItem.fromLine(item.toLine())).isEqualTo(item);
        }
    }

    @Test
    void theDefaultsBlockWhereTheItemGuardsAgainstHarmAndFlagTheRest() {
        assertThat(ChecklistItem.defaults().stream().filter(ChecklistItem::blocksSignOff).map(ChecklistItem::id))
                .containsExactly("no-infection", "anticoagulants", "weight", "consent", "site-marking", "time-out");
    }

    @Test
    void aLineWithoutTheMarkerTakesTheDefaultForItsIdAndKeepsTheSemicolonsOfItsQuestion() {
        assertThat(ChecklistItem.fromLine("consent; Written consent signed"))
                .isEqualTo(new ChecklistItem("consent", "Written consent signed", true));
        assertThat(ChecklistItem.fromLine("nsaids-paused; NSAIDs paused; steroids discussed"))
                .isEqualTo(new ChecklistItem("nsaids-paused", "NSAIDs paused; steroids discussed", false));
        assertThat(ChecklistItem.fromLine("own-item; Asked by our clinic").blocksSignOff()).isFalse();
    }

    @Test
    void theMarkerOverridesTheDefaultInEitherDirectionWhateverItsCase() {
        assertThat(ChecklistItem.fromLine("consent;Written consent signed;  Flags "))
                .isEqualTo(new ChecklistItem("consent", "Written consent signed", false));
        assertThat(ChecklistItem.fromLine("nsaids-paused; NSAIDs paused; steroids discussed; BLOCKS"))
                .isEqualTo(new ChecklistItem("nsaids-paused", "NSAIDs paused; steroids discussed", true));
        // a question whose last part only looks like a marker keeps it when the line ends with its own marker
        ChecklistItem tricky = new ChecklistItem("own-item", "Which one; blocks", false);
        assertThat(tricky.toLine()).isEqualTo("own-item; Which one; blocks; flags");
        assertThat(ChecklistItem.fromLine(tricky.toLine())).isEqualTo(tricky);
    }

    @Test
    void aLineWithoutAQuestionIsRefusedNamingIt() {
        assertThatThrownBy(() -> ChecklistItem.fromLine("consent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checklist line 'consent': expected 'id; question; blocks' or 'id; question; flags'");
        assertThatThrownBy(() -> ChecklistItem.fromLine("consent; ; blocks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checklist item 'consent' needs its question");
    }
}
