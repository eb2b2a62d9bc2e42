package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GUI test harness itself: an unexpected error dialog, or an exception thrown by a {@code call(...)},
 * ends the session with its text, not a timeout or a silent pass.
 */
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

    @Test
    void aCallThatThrowsInTheMacrosLastLinesEndsTheSessionWithItsStackTrace() {
        String scenario = """
                call("org.injectionplanner.imagej.gui.UserInput.pickRow", "No Such Window", "1");
                File.saveString("reached", getArgument());
                """;
        assertThatThrownBy(() -> GuiSession.run(scenario, null, null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a call(...) threw")
                .hasMessageContaining("no window titled \"No Such Window...\"");
    }
}
