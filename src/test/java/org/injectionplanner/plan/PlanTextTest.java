package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.injectionplanner.geometry.PixelPoint;
import org.junit.jupiter.api.Test;

/** Text that cannot round-trip through the plan format is refused where it enters a plan. */
class PlanTextTest {

    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);

    @Test
    void anUnpairedSurrogateInAZoneNameIsRefusedByTheEditorAndNothingChanges() {
        NerveZone zone = PlanFixtures.zone(1, PlanFixtures.polygon(10, 10, 50, 10, 30, 40), 5, CAL);
        PlanEditor editor = new PlanEditor(PlanFixtures.draft().withZone(zone));
        SessionPlan before = editor.plan();
        assertThatThrownBy(() -> editor.apply(PlanEdits.describeZone(zone.id(), ZoneKind.NERVE, "Dr \ud800 A", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the zone's name holds an unpaired surrogate U+D800 at character 4, which no file can "
                        + "store: retype the text");
        assertThat(editor.plan()).isEqualTo(before);
        assertThatThrownBy(() -> zone.describedAs(ZoneKind.NERVE, "x\udc00", 5))
                .hasMessageContaining("unpaired surrogate U+DC00 at character 2");
        assertThat(zone.describedAs(ZoneKind.NERVE, "L5 root \ud83d\ude00", 5).name())
                .isEqualTo("L5 root \ud83d\ude00");
    }

    @Test
    void controlCharactersAreRefusedInNamesAndAllowedAsLineBreaksInNotes() {
        Target t = PlanFixtures.target(1, 10, 10, CAL);
        assertThatThrownBy(() -> t.describedAs("T1\u0007", t.structureId(), t.side(), t.level(), ""))
                .hasMessage("the target's label holds the control character U+0007 at character 3; it is one line "
                        + "of text: retype the text");
        assertThatThrownBy(() -> t.describedAs("T1\nT2", t.structureId(), t.side(), t.level(), ""))
                .hasMessageContaining("control character U+000A");
        assertThat(t.describedAs("T1", t.structureId(), t.side(), t.level(), "deep\r\n\tsecond line").notes())
                .isEqualTo("deep\r\n\tsecond line");
        assertThatThrownBy(() -> t.describedAs("T1", t.structureId(), t.side(), t.level(), "a\u0000b"))
                .hasMessage("the target's notes holds the control character U+0000 at character 2: retype the text");
        assertThatThrownBy(() -> SessionPlan.newDraft(PlanFixtures.COURSE, 1, PlanFixtures.DATE, "Dr\u001bA"))
                .hasMessageStartingWith("the plan's author holds the control character U+001B");
        assertThatThrownBy(() -> new Signature("Dr \ud800", PlanFixtures.AT, "0".repeat(64)))
                .hasMessageStartingWith("the signer's name holds an unpaired surrogate");
        assertThatThrownBy(() -> new Target(t.id(), 1, "\u0085", t.structureId(), t.side(), t.level(), t.image(),
                new PixelPoint(1, 1), null, "", CAL)).hasMessageContaining("U+0085");
    }
}
