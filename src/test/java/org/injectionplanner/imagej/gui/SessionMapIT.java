package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.injectionplanner.cli.Main;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.SessionMap;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.injectionplanner.store.SignOff;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning a session in a real ImageJ: three injections on the transverse L4–L5 sample, one needle path
 * through a nerve zone; the violation is found; after its entry point moves, it clears; the order is
 * changed, the checklist answered and the plan signed.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class SessionMapIT {

    private static final String ALL_YES = "indication=yes no-infection=yes no-local-contraindication=yes "
            + "anticoagulants=yes nsaids-paused=yes no-allergy=yes pregnancy=n/a diabetes=yes prosthesis=n/a "
            + "weight=yes consent=yes site-marking=yes time-out=yes";

    @TempDir
    Path dir;

    @Test
    void aPathThroughANerveZoneIsFoundClearedAndThePlanSigned() throws Exception {
        Path store = dir.resolve("store");
        // The zone is centred at (470, 200), 25 × 20 px; T1 at (400, 300). The entry (589, 30) aims the
        // path through the zone's centre: at y = 200 the path is at x = 589 − 189 × 170/270 ≈ 470.
        String plan = GuiSession.openStudy(store, 1) + GuiSession.L4_L5_TARGETS + """
                run("Add Nerve Zone...", "ellipse=470,200,25,20 frame=1 kind=nerve name=[medial branch] margin=5");
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                run("Plan Needle Path...", "target=T1 entry_x=589 entry_y=30");
                run("Plan Needle Path...", "target=T2 entry_x=300 entry_y=30");
                run("Plan Needle Path...", "target=T3 entry_x=600 entry_y=40");
                run("Edit Injection...", "injection=T1 preset=[(fields below)] approach=in-plane needle=[22G 90mm] dextrose=15 anaesthetic=lidocaine concentration=0.2 volume=0.5");
                run("Edit Injection...", "injection=T2 preset=[(fields below)] approach=out-of-plane needle=[25G 38mm] dextrose=15 anaesthetic=lidocaine concentration=0.2 volume=0.5");
                run("Save Session Plan");
                File.saveString("saved", getArgument());
                """;
        GuiSession.Result first = GuiSession.run(plan, null, null);
        assertThat(first.log()).doesNotContain("Injection Planner:");
        Revision planned = newest(store);
        assertThat(planned.plan().injections()).hasSize(3);
        // The dura line's top at row 490: (490 − 22) × 0.09 = 42.1 mm deep, below every target (T3, the
        // deepest, at 29.5 mm). T2's path enters on the skin (row 30, 0.7 mm below the skin line, within
        // the 2 mm tolerance): 30 × 0.09 = 2.7 mm across, 300 × 0.09 = 27 mm down, 27.1 mm long from
        // the skin (row 22) ≈ 27.9 mm, out-of-plane; with a 38 mm needle it has no finding at all.
        Validation violated = validate(planned.file());
        assertThat(violated.status()).isEqualTo(1);
        assertThat(violated.json()).doesNotContain("T2 \\\"R L4/5 facet\\\"")
                .contains("\"check\" : \"zone-clearance\"")
                .contains("Injection 1, T1 \\\"L4/5 supraspinous\\\" (Supraspinous ligament): the needle path "
                        + "crosses zone Z1 \\\"medial branch\\\"");

        Path shot = GuiSession.screenshot("session-signed.png");
        // The new entry (300, 30): the path's closest approach to the zone's centre is
        // |170 × 270 − 170 × 100| / √(100² + 270²) ≈ 100 px, 75 px beyond the ellipse: ≈ 6.8 mm > 5 mm.
        String sign = GuiSession.openLatestPlan(store, 1) + """
                run("Plan Needle Path...", "target=T1 entry_x=300 entry_y=30");
                run("Move Injection...", "injection=T3 position=1");
                run("Lock Injection Position...", "injection=T3 locked");
                run("Propose Injection Order");
                run("Pre-procedure Checklist...", "weight_kg=70 %s");
                run("Finalize Session Plan...", "signer=[Dr Test]");
                run("Record Injection...", "injection=#1 state=done note=[]");
                run("Save Session Plan");
                run("Plan Panel");
                File.saveString(call("org.injectionplanner.imagej.gui.UserInput.rows", "Plan Panel"), getArgument());
                """.formatted(ALL_YES);
        GuiSession.Result second = GuiSession.run(sign, null, shot);
        assertThat(second.log()).doesNotContain("Injection Planner:");
        Revision signed = newest(store);
        SessionPlan p = signed.plan();
        assertThat(p.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(p.signature().signer()).isEqualTo("Dr Test");
        assertThat(SignOff.intact(p)).isTrue();
        assertThat(p.patientWeightKg()).isEqualTo(70.0);
        assertThat(p.unansweredChecklist()).isEmpty();
        assertThat(p.injections().get(0).locked()).as("T3 was locked at #1").isTrue();
        assertThat(p.targetOf(p.injections().get(0)).number()).isEqualTo(3);
        assertThat(p.injections().get(0).record().state().name()).isEqualTo("DONE");
        PlanStore planStore = new PlanStore(store);
        SessionMap map = SessionMap.of(p, SafetyChecks.check(p, SafetyContext.of(planStore.settings(),
                planStore.previousSessionDate(p).orElse(null))), planStore.settings(), planStore.signatureStatus(p));
        assertThat(second.output().lines()).as("the Plan Panel shows the session map's rows")
                .containsExactlyElementsOf(map.lines());
        assertThat(map.lines()).contains("Totals: 3 injections, 1.50 mL; lidocaine 3.0 mg in 1.50 mL");
        Validation clear = validate(signed.file());
        assertThat(clear.status()).as(clear.json()).isZero();
        assertThat(clear.json()).doesNotContain("zone-clearance");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // A follow-up a week later: the next session of the course, less than the 14 days apart the
        // clinic's limits ask for.
        LocalDate followUp = p.date().plusDays(7);
        String next = GuiSession.openLatestPlan(store, 1) + """
                run("New Session Plan...", "course=[next session of this course] date=%s author=[Dr Test]");
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Save Session Plan");
                run("Plan Panel");
                findings = call("org.injectionplanner.imagej.gui.UserInput.wrappedText", "Plan Panel");
                File.saveString(findings, getArgument());
                """.formatted(followUp);
        GuiSession.Result third = GuiSession.run(next, null, null);
        assertThat(third.log()).doesNotContain("Injection Planner:");
        Revision session2 = newest(store);
        assertThat(session2.plan().sessionNumber()).isEqualTo(2);
        assertThat(session2.plan().courseId()).isEqualTo(p.courseId());
        assertThat(session2.plan().checklist()).hasSize(13).allMatch(e -> e.answer() == null);
        assertThat(validate(session2.file()).json()).contains("\"previousSessionDate\" : \"" + p.date() + "\"")
                .contains("Session: 7 days after the previous session");
        SessionPlan p2 = session2.plan();
        SessionMap map2 = SessionMap.of(p2, SafetyChecks.check(p2, SafetyContext.of(planStore.settings(), p.date())),
                planStore.settings(), planStore.signatureStatus(p2));
        String[] findings = third.output().split("\\R", 2);
        String[] widths = findings[0].split(" ");
        assertThat(findings[1]).as("the Plan Panel's findings area shows the map's findings, the session's among them")
                .isEqualTo(String.join("\n", map2.details().stream().map(l -> "• " + l).toList()))
                .contains("Session: 7 days after");
        assertThat(Double.parseDouble(widths[0])).as("wrapped within the panel's default width: " + findings[0])
                .isLessThanOrEqualTo(Double.parseDouble(widths[1]));
        assertThat(Double.parseDouble(widths[2])).as("a line that would not fit unwrapped: " + findings[0])
                .isGreaterThan(Double.parseDouble(widths[1]));
    }

    @Test
    void aRowDraggedWithTheMouseMovesItsInjection() throws Exception {
        Path store = dir.resolve("store");
        String scenario = GuiSession.openStudy(store, 1) + """
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[first]");
                run("Add Injection Target...", "x=330 y=330 frame=1 structure=facet-capsule side=right level=L4/L5 label=[second]");
                run("Add Injection Target...", "x=530 y=350 frame=1 structure=facet-capsule side=left level=L4/L5 label=[third]");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                run("Record...");
                call(U + "place", "Recorder", "0", "650");
                run("Plan Panel");
                top = call(U + "dragRow", "Plan Panel", "#3 ", "#1 ");
                run("Save Session Plan");
                File.saveString("top=" + top + "\\n" + call(U + "recorded"), getArgument());
                """;
        GuiSession.Result r = GuiSession.run(scenario, null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        assertThat(r.output()).as("the session map's first row after the drop").contains("top=#1  T3");
        SessionPlan p = newest(store).plan();
        assertThat(p.injections().stream().map(i -> p.targetOf(i).label()))
                .as("the third injection dragged onto the first row now comes first")
                .containsExactly("third", "first", "second");
        assertThat(r.output()).contains("run(\"Move Injection...\", \"injection=T3 position=1\");");
    }

    private record Validation(int status, String json) {
    }

    private static Validation validate(Path revision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", revision.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return new Validation(status, out.toString(StandardCharsets.UTF_8));
    }

    /** The newest revision of the one course in the store in {@code root}. */
    private static Revision newest(Path root) throws Exception {
        assertThat(new PlanStore(root).courses()).hasSize(1);
        return GuiSession.newestRevision(root);
    }
}
