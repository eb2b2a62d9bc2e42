package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The GUI test harness itself: an unexpected error dialog ends the session with its text, not a timeout. */
@Tag("gui")
class GuiDriverIT {

    @BeforeEach
    void ready() {
        GuiSession.assumeReady();
    }

    @Test
    void anErrorDialogEndsTheSessionAtOnceWithItsMessage() {
        String scenario = """
                run("Open Ultrasound Study...", "path=[/no/such/study] series=1");
                File.saveString("reached", getArgument());
                """;
        assertThatThrownBy(() -> GuiSession.run(scenario, null, null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a dialog blocks the macro")
                .hasMessageContaining("/no/such/study");
    }
}
