package org.injectionplanner.imagej.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.injectionplanner.dicom.PlausibleScale;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.ChecklistEntry;
import org.injectionplanner.plan.ChecklistItem;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.PercentRange;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SignOffGate;
import org.injectionplanner.store.PlanStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinic Settings... in a real ImageJ, as a recorded macro runs it: the limits and the margin change, and
 * structures are added to the catalogue with their laterality, including by a macro recorded before the
 * laterality was a choice (its {@code structure_midline} checkbox). Drug Table... replaces the drug table.
 * The plausible image scale decides which images opened afterwards are calibrated. The checklist's lines mark which
 * questions block sign-off, and new plans ask them so.
 */
@Tag("gui")
@ExtendWith(GuiSession.Ready.class)
class ClinicSettingsIT {

    @TempDir
    Path dir;

    @Test
    void settingsAndNewStructuresAreSavedInTheStore() throws Exception {
        Path store = dir.resolve("store");
        GuiSession.Result r = GuiSession.run("""
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Clinic Settings...", "margin=4 reserve=12 angle=30 no_go_depth=40 site=2 session=30 interval=14 new_id=midline-fascia new_name=[Midline fascia] new_kind=fascia new_laterality=any levelled spinal_levels=[L4 L5]");
                run("Clinic Settings...", "margin=4 reserve=12 angle=30 no_go_depth=40 site=2 session=30 interval=14 new_id=old-macro new_name=[Old macro] new_kind=ligament structure_midline");
                run("Clinic Settings...", "margin=4 reserve=12 angle=30 no_go_depth=40 site=2 session=30 interval=14 new_id=paired-tendon new_name=[Paired tendon] new_kind=tendon");
                File.saveString("done", getArgument());
                """.formatted(store), null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        ClinicSettings settings = new PlanStore(store).settings();
        assertThat(settings.defaultMarginMm()).isEqualTo(4.0);
        assertThat(settings.limits().needleReserveMm()).isEqualTo(12.0);
        assertThat(settings.limits().minIntervalDays()).isEqualTo(14);
        assertThat(settings.catalogue().find("midline-fascia")).contains(new Structure("midline-fascia",
                "Midline fascia", StructureKind.FASCIA, null, null, Laterality.ANY, true,
                List.of(SpinalLevel.L4, SpinalLevel.L5), true));
        assertThat(settings.catalogue().find("old-macro").orElseThrow().laterality())
                .as("structure_midline, as macros recorded before the laterality choice say it")
                .isEqualTo(Laterality.MIDLINE);
        assertThat(settings.catalogue().find("paired-tendon").orElseThrow().laterality())
                .as("the default").isEqualTo(Laterality.PAIRED);
        assertThat(settings.catalogue().find("thoracolumbar-fascia").orElseThrow().laterality())
                .isEqualTo(Laterality.ANY);
    }

    @Test
    void theDrugTableIsEditedOneDrugPerLine() throws Exception {
        Path store = dir.resolve("store");
        GuiSession.Result r = GuiSession.run("""
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Drug Table...", "dextrose_min=10 dextrose_max=25 text1=[lidocaine; lignocaine, Xylocaine; 4; 250; 6; 400; 0; 1\\narticaine; Septocaine; 5; 350; 7; 500; 0; 4]");
                File.saveString("done", getArgument());
                """.formatted(store), null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        DrugTable drugs = new PlanStore(store).settings().drugs();
        assertThat(drugs.dextrose()).isEqualTo(new PercentRange(10, 25));
        assertThat(drugs.anaesthetics()).extracting(Anaesthetic::toLine).containsExactly(
                "lidocaine; lignocaine, Xylocaine; 4; 250; 6; 400; 0; 1",
                "articaine; Septocaine; 5; 350; 7; 500; 0; 4");
        assertThat(drugs.find("Marcaine")).as("left out of the table").isEmpty();
    }

    /**
     * The sample study is 0.09 mm a pixel: with the plausible scale set to 0.1–5 mm per pixel it opens
     * uncalibrated, with the reason, and a target placed on it has no mm values; set back to the default, the
     * study opened again is calibrated.
     */
    @Test
    void thePlausibleScaleDecidesWhetherImagesOpenedAfterwardsAreCalibrated() throws Exception {
        Path store = dir.resolve("store");
        GuiSession.Result r = GuiSession.run("""
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Clinic Settings...", "min_mm_per_pixel=0.1 max_mm_per_pixel=5");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                narrow = Property.get("InjectionPlanner.Calibration");
                run("Add Injection Target...", "x=400 y=300 frame=1 structure=supraspinous side=midline level=L4/L5 label=[narrow]");
                close("*");
                run("Clinic Settings...", "min_mm_per_pixel=0.005 max_mm_per_pixel=5");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                wide = Property.get("InjectionPlanner.Calibration");
                run("Add Injection Target...", "x=400 y=320 frame=1 structure=supraspinous side=midline level=L4/L5 label=[default]");
                run("Save Session Plan");
                File.saveString(narrow + "\\n" + wide + "\\n", getArgument());
                """.formatted(store, GuiSession.STUDY, GuiSession.STUDY), null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        assertThat(r.output().lines()).containsExactly(
                "uncalibrated: the ultrasound regions give no scale in cm (ultrasound region 1: Physical Delta X of "
                        + "0.009 cm per pixel is outside the plausible 0.1 to 5.0 mm per pixel)",
                "calibrated from ultrasound region 1: 0.09000 × 0.09000 mm/pixel (x × y); y is the depth below the "
                        + "skin line (row 22)");
        assertThat(new PlanStore(store).settings().plausibleScale()).isEqualTo(PlausibleScale.DEFAULT);
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(plan.targets()).extracting(Target::label).containsExactly("narrow", "default");
        assertThat(plan.targets().get(0).calibration().isCalibrated()).isFalse();
        assertThat(plan.targets().get(0).depthMm()).isNull();
        assertThat(plan.targets().get(1).calibration().isCalibrated()).isTrue();
        assertThat(plan.targets().get(1).depthMm()).isCloseTo((320 - 22) * 0.09, within(1e-9));
    }

    @Test
    void theClinicMarksWhichChecklistQuestionsBlockSignOffAndNewPlansAskThemSo() throws Exception {
        Path store = dir.resolve("store");
        GuiSession.Result r = GuiSession.run("""
                run("Injection Planner Options...", "memory=512 store=[%s]");
                run("Clinic Settings...", "text2=[consent; Written consent signed; flags\\nnsaids-paused; NSAIDs paused; blocks\\ntime-out; Time-out done]");
                run("Open Ultrasound Study...", "path=[%s] series=1");
                run("Add Injection Target...", "x=300 y=200 frame=1 structure=facet-capsule side=left level=L4/L5 label=[L facet]");
                run("Pre-procedure Checklist...", "weight_kg=70 consent=n consent_note=[form at home] nsaids-paused=na time-out=y");
                run("Save Session Plan");
                File.saveString("done", getArgument());
                """.formatted(store, GuiSession.STUDY), null, null);
        assertThat(r.log()).doesNotContain("Injection Planner:");
        List<ChecklistItem> asked = List.of(new ChecklistItem("consent", "Written consent signed", false),
                new ChecklistItem("nsaids-paused", "NSAIDs paused", true),
                new ChecklistItem("time-out", "Time-out done", true));
        assertThat(new PlanStore(store).settings().checklist()).isEqualTo(asked);
        SessionPlan plan = GuiSession.newestRevision(store).plan();
        assertThat(plan.checklist()).extracting(ChecklistEntry::item).isEqualTo(asked);
        assertThat(SignOffGate.problems(plan, SafetyChecks.check(plan, SafetyContext.of(new PlanStore(store)
                .settings(), null)))).filteredOn(p -> p.startsWith("checklist")).containsExactly(
                SignOffGate.BLOCKING_ANSWER + "n/a: NSAIDs paused");
    }
}
