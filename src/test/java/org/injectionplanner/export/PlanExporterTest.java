package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the images, writing atomically, refusing to overwrite, and the formats this build lacks. */
class PlanExporterTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private static ExportedPlan exported(SessionPlan plan) {
        ClinicSettings settings = ClinicSettings.defaults();
        return new ExportedPlan(plan, settings, SafetyChecks.check(plan, SafetyContext.of(settings, null)),
                SignatureStatus.UNSIGNED, null);
    }

    /** The plan with every image's recorded path replaced by {@code path} (null: none recorded). */
    private static SessionPlan withPaths(SessionPlan plan, String path) {
        List<PlanImage> images = new ArrayList<>();
        for (PlanImage i : plan.images()) {
            images.add(new PlanImage(i.sopInstanceUid(), i.studyInstanceUid(), i.seriesInstanceUid(),
                    i.description(), i.frames(), path, i.patient(), i.studyDate()));
        }
        return new SessionPlan(plan.id(), plan.courseId(), plan.sessionNumber(), plan.date(), plan.author(),
                plan.status(), plan.patientWeightKg(), images, plan.targets(), plan.zones(), plan.injections(),
                plan.checklist(), plan.overrides(), plan.signature(), plan.amendments(), null, null);
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aMissingImageIsAnErrorNamingItsUidAndEveryPlaceLookedAndNothingIsWritten() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        SessionPlan plan = withPaths(SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true),
                dir.resolve("moved/01.dcm").toString());
        String uid = plan.images().get(0).sopInstanceUid();
        Path out = dir.resolve("out/map.pdf");
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.PDF, out, ExportOptions.DEFAULTS,
                elsewhere, UTC))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("SOP Instance UID " + uid + " not found")
                .hasMessageContaining("at the recorded path " + dir.resolve("moved/01.dcm") + " (no such file)")
                .hasMessageContaining("in the study folder " + dir.resolve("moved") + " (no such folder)")
                .hasMessageContaining("in the images folder " + elsewhere + " (0 DICOM image(s), none with that UID)");
        assertThat(filesIn(dir)).isEmpty();
        assertThatThrownBy(() -> PlanExporter.export(exported(withPaths(plan, null)), ExportFormat.PNG, out,
                ExportOptions.DEFAULTS, null, UTC))
                .hasMessageContaining("the plan records none").hasMessageContaining("none given: --images DIR");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void imagesAreFoundByUidInTheStudyFolderOrTheImagesFolderWhateverTheirNames() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        Path renamed = Files.createDirectories(dir.resolve("renamed"));
        Files.copy(Path.of(plan.images().get(0).path()), renamed.resolve("IM0001"));
        // the recorded file is gone but its folder holds the image under another name
        SessionPlan moved = withPaths(plan, renamed.resolve("01-transverse-L4-L5.dcm").toString());
        assertThat(ExportImages.locate(moved, null).fileOf(plan.images().get(0).sopInstanceUid()))
                .isEqualTo(renamed.resolve("IM0001"));
        // no recorded path: --images DIR is searched
        assertThat(ExportImages.locate(withPaths(plan, null), dir).fileOf(plan.images().get(0).sopInstanceUid()))
                .isEqualTo(renamed.resolve("IM0001"));
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForceAndIsWithIt() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        Path out = dir.resolve("map.pdf");
        Files.writeString(out, "kept");
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.PDF, out, ExportOptions.DEFAULTS,
                null, UTC)).hasMessageContaining(out + " exists: not overwritten");
        assertThat(Files.readString(out)).isEqualTo("kept");
        assertThat(filesIn(dir)).containsExactly(out);
        PlanExporter.export(exported(plan), ExportFormat.PDF, out, new ExportOptions(ExportOptions.Paper.A4, false,
                true), null, UTC);
        assertThat(new String(Files.readAllBytes(out), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(filesIn(dir)).containsExactly(out);
    }

    @Test
    void formatsThisBuildLacksAreAClearErrorAndAllWritesNothingThen() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 1, true);
        for (ExportFormat f : List.of(ExportFormat.CSV, ExportFormat.JSON, ExportFormat.SR, ExportFormat.PDF_DICOM)) {
            assertThatThrownBy(() -> PlanExporter.export(exported(plan), f, dir.resolve("x"), ExportOptions.DEFAULTS,
                    null, UTC)).hasMessage("the " + f.key() + " export is not available in this build");
        }
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.ALL, dir.resolve("all"),
                ExportOptions.DEFAULTS, null, UTC)).hasMessageContaining("not available in this build");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void anUnwritableFolderIsAClearErrorLeavingNoFile() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true);
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the folder should be");
        Path out = blocker.resolve("map.pdf");
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.PDF, out, ExportOptions.DEFAULTS,
                null, UTC)).isInstanceOf(ExportException.class).hasMessageStartingWith("cannot write " + out);
        assertThat(filesIn(dir)).containsExactly(blocker);
    }
}
