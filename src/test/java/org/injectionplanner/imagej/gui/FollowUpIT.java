package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.injectionplanner.plan.DropReason;
import org.injectionplanner.plan.DroppedSite;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.PlanStatus;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.store.PlanStore;
import org.injectionplanner.store.Revision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follow-up in a real ImageJ with the two sample sessions: session 1 planned and signed on its study;
 * four weeks later, on the session-2 study, the next session is started, session 1 reviewed read-only
 * beside it, copied forward, two sites placed on today's image (a click on the ring, Edit Plan
 * Annotation... with x y), one dropped with a reason and one added; the Plan Panel's comparison lists exactly
 * those changes and follows the next edit; an edit on the read-only window is refused.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class FollowUpIT {

    private static final String ALL_YES = "indication=yes no-infection=yes no-local-contraindication=yes "
            + "anticoagulants=yes nsaids-paused=yes no-allergy=yes pregnancy=n/a diabetes=yes prosthesis=n/a "
            + "weight=yes consent=yes site-marking=yes time-out=yes";
    private static final Path SESSION_2 = GuiSession.PROJECT.resolve("sample-dicom/session-2");

    @TempDir
    Path dir;

    @Test
    void session1IsReviewedReadOnlyCopiedForwardAndItsSitesPlacedDroppedAndAddedTo() throws Exception {
        Path store = dir.resolve("store");
        String first = GuiSession.openNewCourse(store, 1) + GuiSession.L4_L5_TARGETS + """
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                run("Plan Needle Path...", "target=T1 entry_x=470 entry_y=30");
                run("Plan Needle Path...", "target=T2 entry_x=300 entry_y=30");
                run("Plan Needle Path...", "target=T3 entry_x=600 entry_y=40");
                run("Edit Injection...", "injection=T2 preset=[(fields below)] approach=out-of-plane needle=[25G 38mm] dextrose=15 anaesthetic=lidocaine concentration=0.2 volume=0.8");
                run("Pre-procedure Checklist...", "weight_kg=70 %s");
                run("Finalize Session Plan...", "signer=[Dr Test]");
                run("Save Session Plan");
                File.saveString("signed", getArgument());
                """.formatted(ALL_YES);
        GuiSession.Result one = GuiSession.run(first, null, null);
        assertThat(one.log()).doesNotContain("Injection Planner:");
        SessionPlan session1 = GuiSession.newestRevision(store).plan();
        assertThat(session1.status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(session1.targets()).hasSize(3);

        Path shot = GuiSession.screenshot("follow-up.png");
        String second = """
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                today = getTitle();
                run("Open Session Plan...", "plan=latest");
                run("New Session Plan...", "course=[next session of this course] date=2026-10-29 author=[Dr Test]");
                run("Review Prior Sessions...", "session=1 sync");
                prior = getTitle();
                selectImage(today);
                run("Copy Forward Prior Session...", "session=1");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                run("Injection Target");
                call(U + "click", "401", "299");
                run("Edit Plan Annotation...", "annotation=T2 structure=facet-capsule side=right level=L4/L5 label=[R L4/5 facet] notes=[] x=336 y=322");
                run("Drop Copied Site...", "site=T3 reason=[not tolerated] note=[]");
                run("Add Injection Target...", "x=470 y=380 frame=1 structure=facet-capsule side=left level=L5/S1 label=[L L5/S1 facet]");
                run("Add Nerve Zone...", "ellipse=400,500,150,10 frame=1 kind=dura name=[dura] margin=0");
                run("Overlay Prior Sites...", "show");
                selectImage(today);
                drawn = call("org.injectionplanner.imagej.gui.OverlayProbe.onSlice", "1");
                run("Save Session Plan");
                run("Plan Panel");
                saved = call("org.injectionplanner.imagej.gui.PanelProbe.comparison");
                run("Edit Injection...", "injection=T1 preset=[(fields below)] approach=out-of-plane needle=[25G 38mm] dextrose=15 anaesthetic=lidocaine concentration=0.2 volume=1.5");
                edited = call("org.injectionplanner.imagej.gui.PanelProbe.comparison");
                run("Undo Plan Edit");
                closed = call("org.injectionplanner.imagej.gui.PanelProbe.close");
                selectImage(prior);
                refusal = call(U + "refused", "Add Injection Target...", "x=100 y=100 frame=1 structure=supraspinous side=midline level=L4/L5 label=[refused]");
                File.saveString("prior=" + prior + "\\ntoday=" + today + "\\nrefusal=" + refusal
                        + "\\n[overlay]\\n" + drawn + "\\n[saved]\\n" + saved + "[edited]\\n" + edited,
                        getArgument());
                """.formatted(store, SESSION_2);
        GuiSession.Result two = GuiSession.run(second, null, shot);
        assertThat(two.output()).contains("prior=session 1 of 4, 2026-10-01, signed — read-only: Transverse L4-L5 "
                + "midline #1\n");
        assertThat(two.output()).as("the edit on the read-only window is refused")
                .contains("refusal=Injection Planner: \"session 1 of 4, 2026-10-01, signed — read-only: Transverse "
                        + "L4-L5 midline #1\" shows an earlier session read-only: it cannot be edited");

        String overlay = two.output().substring(two.output().indexOf("[overlay]\n"), two.output().indexOf("[saved]"));
        assertThat(overlay.lines().filter(l -> l.startsWith("text ")).map(l -> l.substring(l.lastIndexOf('|') + 1)))
                .as("session 1's sites on today's image, named as today's labels name theirs, behind their session")
                .contains("s1 T1 L4/5 supraspinous · Supraspinous ligament",
                        "s1 T2 R L4/5 facet · Facet joint capsule", "s1 T3 L L4/5 facet · Facet joint capsule")
                .anyMatch(l -> l.contains("T4 L L5/S1 facet · Facet joint capsule · "));
        String saved = two.output().substring(two.output().indexOf("[saved]\n") + 8,
                two.output().indexOf("[edited]"));
        assertThat(saved.lines()).as("the Plan Panel compares session 2 with session 1: exactly the follow-up's "
                + "changes").containsExactly(
                "Session 2 of 4 — compared with session 1 of 2026-10-01",
                "Session 1 → session 2: 1 added, 1 dropped, 0 changed, 2 unchanged",
                "added       L L5/S1 facet · Facet joint capsule",
                "dropped     L L4/5 facet · Facet joint capsule (reason: not tolerated)",
                "unchanged   L4/5 supraspinous · Supraspinous ligament",
                "unchanged   R L4/5 facet · Facet joint capsule");
        String edited = two.output().substring(two.output().indexOf("[edited]\n") + 9);
        assertThat(edited).as("the panel follows an edit at once")
                .contains("1 added, 1 dropped, 1 changed, 1 unchanged",
                        "changed     L4/5 supraspinous · Supraspinous ligament: volumeMl ");

        // session 2 opened again: the Plan Panel at its default size with its comparison, beside today's image
        String look = """
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                today = getTitle();
                run("Open Session Plan...", "plan=latest");
                run("Plan Panel");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                panel = call(U + "title", "Plan Panel");
                // the image's right edge at the screen's: its black left margin under the panel's right edge
                call(U + "place", today, "790", "110");
                call(U + "place", panel, "0", "110");
                File.saveString(call("org.injectionplanner.imagej.gui.PanelProbe.comparison") + "=====\\n"
                        + call(U + "rowWidths", "Plan Panel"), getArgument());
                """.formatted(store, SESSION_2);
        Path comparisonShot = GuiSession.screenshot("comparison.png");
        String[] reopened = GuiSession.run(look, null, comparisonShot).output().split("=====\n");
        assertThat(reopened[0]).as("the comparison shown when session 2 is opened again")
                .contains("Session 1 → session 2: 1 added, 1 dropped, 0 changed, 2 unchanged");
        TenSitePlanIT.assertRowsFitTheMap(reopened[1]);
        assertThat(Files.size(comparisonShot)).isGreaterThan(10_000);

        PlanStore planStore = new PlanStore(store);
        List<Revision> history = planStore.history(session1.courseId());
        SessionPlan session2 = history.get(history.size() - 1).plan();
        assertThat(session2.sessionNumber()).isEqualTo(2);
        assertThat(session2.date()).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(session2.copiedForward().fromPlanId()).isEqualTo(session1.id());
        assertThat(session2.copiedForward().toConfirm()).as("both kept sites are placed").isEmpty();
        UUID t1 = session1.targets().get(0).id();
        UUID t2 = session1.targets().get(1).id();
        UUID t3 = session1.targets().get(2).id();
        assertThat(session2.targets()).extracting(Target::label)
                .containsExactly("L4/5 supraspinous", "R L4/5 facet", "L L5/S1 facet");
        assertThat(session2.targets()).extracting(Target::id).startsWith(t1, t2).doesNotContain(t3);
        String todaysSop = session2.images().get(session2.images().size() - 1).sopInstanceUid();
        assertThat(session2.images()).as("session 1's image left the plan with its last site")
                .noneMatch(i -> session1.image(i.sopInstanceUid()).isPresent());
        Target placed1 = session2.target(t1).orElseThrow();
        Target placed2 = session2.target(t2).orElseThrow();
        assertThat(placed1.image().sopInstanceUid()).isEqualTo(todaysSop);
        assertThat(placed2.image().sopInstanceUid()).isEqualTo(todaysSop);
        assertThat(Math.hypot(placed1.point().x() - 401, placed1.point().y() - 299)).as("placed by the click")
                .isLessThan(1.5);
        assertThat(placed2.point().x()).isEqualTo(336.0);
        assertThat(placed2.point().y()).isEqualTo(322.0);
        assertThat(placed1.depthMm()).as("measured with today's calibration").isNotNull();
        assertThat(session2.copiedForward().dropped())
                .containsExactly(new DroppedSite(t3, 3, "L L4/5 facet", DropReason.NOT_TOLERATED, ""));
        assertThat(session2.targets().get(2).number()).as("T3 stays the dropped site's name").isEqualTo(4);
        List<Injection> kept = session2.injections();
        assertThat(kept).extracting(Injection::targetId).startsWith(t1, t2).hasSize(3);
        assertThat(kept.get(1).volumeMl()).as("T2's injection details are copied").isEqualTo(0.8);
        assertThat(kept.get(1).needle()).isEqualTo(session1.injectionAt(t2).orElseThrow().needle());
        assertThat(session2.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(session2.zones()).as("zones are marked again on today's image").hasSize(1);
        assertThat(SafetyChecks.check(session2, planStore.safetyContext(session2)).findings())
                .extracting(Finding::check).doesNotContain("to-confirm");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void aReviewedCineIsPagedWithTodaysCineOfTheSameView() throws Exception {
        Path store = dir.resolve("store");
        String first = GuiSession.openNewCourse(store, 3) + """
                run("Add Injection Target...", "x=400 y=300 frame=5 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Save Session Plan");
                File.saveString("saved", getArgument());
                """;
        assertThat(GuiSession.run(first, null, null).log()).doesNotContain("Injection Planner:");
        String second = """
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Open Ultrasound Study...", "path=[%s] series=3");
                today = getTitle();
                run("Open Session Plan...", "plan=latest");
                run("New Session Plan...", "course=[next session of this course] date=2026-10-29 author=[Dr Test]");
                run("Review Prior Sessions...", "session=1 sync");
                prior = getTitle();
                selectImage(today);
                Stack.setFrame(12);
                selectImage(prior);
                Stack.getPosition(c, z, t);
                File.saveString("prior=" + prior + "\\nframe=" + t, getArgument());
                """.formatted(store, SESSION_2);
        GuiSession.Result r = GuiSession.run(second, null, null);
        assertThat(r.output()).contains("prior=session 1 of 4, 2026-10-01, draft — read-only: Cine transverse L4-L5 "
                + "midline (36 frames)").contains("frame=12");
    }

    @Test
    void withoutAPlanTheStudysPatientFindsTheCourseAndWithoutAStudyTheCommandSaysWhatItNeeds() throws Exception {
        Path store = dir.resolve("store");
        String first = GuiSession.openStudy(store, 1) + """
                run("New Session Plan...", "course=[new course] date=2026-10-01 author=[Dr Test]");
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[L4/5 supraspinous]");
                run("Save Session Plan");
                File.saveString("saved", getArgument());
                """;
        assertThat(GuiSession.run(first, null, null).log()).doesNotContain("Injection Planner:");
        String second = """
                run("Injection Planner Options...", "memory=512 store=[%s]");
                U = "org.injectionplanner.imagej.gui.UserInput.";
                alone = call(U + "refused", "Review Prior Sessions...", "session=1");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                run("Review Prior Sessions...", "session=1");
                File.saveString("alone=" + alone + "\\nprior=" + getTitle(), getArgument());
                """.formatted(store, SESSION_2);
        GuiSession.Result r = GuiSession.run(second, null, null);
        assertThat(r.output()).contains("alone=Injection Planner: no session plan is open and no study of a known "
                + "patient is active").contains("prior=session 1 of 4, 2026-10-01, draft — read-only: Transverse "
                + "L4-L5 midline #1");
    }
}
