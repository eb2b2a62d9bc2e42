package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-plane entries beyond the end of the linear probe on session 1's transverse image (B-mode region x 188–610,
 * skin line y = 22, 0.09 mm per pixel): a Needle Path drag from beside the image and a Plan Needle Path...
 * line with the distance from the probe's end both plan a certified path from the skin beside the image.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class OffImageEntryIT {

    private static final double SCREEN_PIXEL = 2.0;

    @TempDir
    Path dir;

    @Test
    void aDragFromBesideTheImageAndADistanceFromTheProbeEndPlanOffImagePaths() throws Exception {
        String scenario = GuiSession.openStudy(dir.resolve("store"), 1) + """
                run("Add Injection Target...", "x=250 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Add Injection Target...", "x=550 y=200 frame=1 structure=facet-capsule side=right level=L4/L5 label=[R facet]");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                run("Needle Path");
                call(U + "drag", "120", "260", "251", "201");
                run("Plan Needle Path...", "target=T2 entry_offset_mm=12 probe_end=right");
                run("Save Session Plan");
                """;
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        SessionPlan plan = GuiSession.newestRevision(dir.resolve("store")).plan();
        Target t1 = plan.targets().get(0);
        Target t2 = plan.targets().get(1);
        NeedlePath left = plan.injectionAt(t1.id()).orElseThrow().path();
        NeedlePath right = plan.injectionAt(t2.id()).orElseThrow().path();
        assertThat(left.imageEdgeX()).isEqualTo(188.0);
        assertThat(left.entry().y()).as("taken at skin level").isEqualTo(22.0);
        assertThat(left.entry().x()).isCloseTo(120, within(SCREEN_PIXEL));
        assertThat(right.imageEdgeX()).isEqualTo(611.0);
        assertThat(right.entry().x()).isCloseTo(611 + 12 / 0.09, within(1e-6));
        assertThat(right.entry().y()).isEqualTo(22.0);
        NeedlePath.Measurement m = right.measure(t2).orElseThrow();
        assertThat(m.lengthMm()).isCloseTo(0.09 * Math.hypot(611 + 12 / 0.09 - 550, 178), within(1e-6));
        assertThat(m.offImageMm()).isGreaterThan(12);
        var findings = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).findings();
        assertThat(findings).extracting(Finding::check).doesNotContain("path-calibration")
                .filteredOn(c -> c.equals("off-image")).hasSize(2);
    }

    @Test
    void anOutOfPlaneInjectionRefusesAnEntryBeyondTheProbe() throws Exception {
        GuiSession.BatchResult r = GuiSession.runBatch("run(\"Open Ultrasound Study...\", \"path=["
                + GuiSession.STUDY + "] series=1\");\n" + """
                run("Add Injection Target...", "x=250 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Edit Injection...", "injection=T1 approach=out-of-plane");
                run("Plan Needle Path...", "target=T1 entry_offset_mm=12 probe_end=left");
                print("went on after the error");
                """);
        assertThat(r.exitStatus()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("T1 is planned out-of-plane: an entry beyond the probe's end is for in-plane")
                .doesNotContain("went on after the error");
    }
}
