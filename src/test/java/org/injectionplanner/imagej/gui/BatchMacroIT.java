package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.injectionplanner.imagej.gui.GuiSession.BatchResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A command's error in {@code ImageJ -batch} ends the run with the message on the output and a non-zero
 * status, instead of waiting on a dialog nobody can see (issue 14 item 6).
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class BatchMacroIT {

    private static final String OPEN = "run(\"Open Ultrasound Study...\", \"path=[" + GuiSession.STUDY
            + "] series=1\");\nprint(\"opened\");\n";

    @Test
    void pointsGivenWithCommasInsteadOfSemicolonsEndTheRunWithTheMessage() throws Exception {
        BatchResult r = GuiSession.runBatch(OPEN + "run(\"Add Nerve Zone...\", \"points=[250,500,560,500,560,600] "
                + "frame=1 kind=nerve name=x margin=5\");\nprint(\"went on after the error\");\n");
        assertThat(r.exitStatus()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("opened", "Injection Planner: error: each point needs x,y; got '250,500,560")
                .doesNotContain("went on after the error");
    }

    @Test
    void aPointThatIsNoNumberEndsTheRunWithTheMessage() throws Exception {
        BatchResult r = GuiSession.runBatch(OPEN + "run(\"Add Nerve Zone...\", \"points=[garbage] frame=1 "
                + "kind=nerve name=x margin=5\");\nprint(\"went on after the error\");\n");
        assertThat(r.exitStatus()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("Injection Planner: error: points: 'garbage' is not a number")
                .doesNotContain("went on after the error");
    }

    @Test
    void aRunWithoutErrorsEndsWithStatusZero() throws Exception {
        BatchResult r = GuiSession.runBatch(OPEN + "run(\"Add Nerve Zone...\", \"points=[250,500;560,500;560,600] "
                + "frame=1 kind=nerve name=x margin=5\");\nprint(\"zone added\");\n");
        assertThat(r.exitStatus()).as(r.output()).isZero();
        assertThat(r.output()).contains("zone added").doesNotContain("error:");
    }
}
