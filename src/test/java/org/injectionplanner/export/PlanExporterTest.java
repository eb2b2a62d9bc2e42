package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.injectionplanner.export.dicom.SourceImages;
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
        assertThat(ExportImages.locate(moved, new SourceImages(null)).fileOf(plan.images().get(0).sopInstanceUid()))
                .isEqualTo(renamed.resolve("IM0001"));
        // no recorded path: --images DIR is searched
        assertThat(ExportImages.locate(withPaths(plan, null), new SourceImages(dir))
                .fileOf(plan.images().get(0).sopInstanceUid()))
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
    void allWritesEveryFormatAndADeidentifiedExportMapsEachUidOnceAcrossItsFiles() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 3, 2, true);
        Path folder = dir.resolve("all");
        List<Path> written = PlanExporter.export(exported(plan), ExportFormat.ALL, folder,
                new ExportOptions(ExportOptions.Paper.A4, true, false), null, UTC);
        assertThat(written).extracting(f -> f.getFileName().toString()).contains("session-map.pdf",
                "injections.csv", "plan.json", "session-map-sr.dcm", "session-map-pdf.dcm")
                .anyMatch(n -> n.startsWith("frame") && n.endsWith(".png"));
        List<String> originals = new java.util.ArrayList<>();
        for (var image : plan.images()) {
            originals.add(image.sopInstanceUid());
            originals.add(image.studyInstanceUid());
            originals.add(image.seriesInstanceUid());
        }
        originals.add("DEMO-0001");
        for (Path f : written) {
            String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String original : originals) {
                assertThat(bytes).as(f.getFileName() + " holds " + original).doesNotContain(original);
            }
        }
        String csv = Files.readString(folder.resolve("injections.csv"));
        String sop = csv.lines().skip(1).findFirst().orElseThrow().split(",")[
                CsvExport.COLUMNS.indexOf("sop_instance_uid")];
        assertThat(sop).startsWith("2.25.");
        for (String name : List.of("plan.json", "session-map-sr.dcm")) {
            byte[] file = Files.readAllBytes(folder.resolve(name));
            assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(name + " names the image by the CSV's new UID").contains(sop);
        }
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

    /** Records every report; cancels once {@code cancelAfter} items are done (0: never). */
    private static final class Recorder implements ExportProgress {

        final List<Integer> done = new ArrayList<>();
        final Set<Integer> totals = new HashSet<>();
        final List<String> items = new ArrayList<>();
        private final int cancelAfter;

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void advanced(int done, int total, String item) {
            this.done.add(done);
            totals.add(total);
            items.add(item);
        }

        @Override
        public boolean cancelled() {
            return cancelAfter > 0 && done.size() >= cancelAfter;
        }
    }

    @Test
    void progressCountsEachFrameDrawnAndEachFileMadeAndWritten() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 4, 3, true);
        int frames = ExportImages.annotatedFrames(plan).size();
        assertThat(frames).isEqualTo(3);
        Recorder progress = new Recorder(0);
        List<Path> written = PlanExporter.export(exported(plan), ExportFormat.ALL, dir.resolve("all"),
                ExportOptions.DEFAULTS, null, UTC, progress);
        int total = frames + 2 * written.size();
        assertThat(progress.totals).containsExactly(total);
        assertThat(progress.done).isEqualTo(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(progress.items).contains("drew frame 1 of 3", "drew frame 3 of 3", "made session-map.pdf",
                "made frame-3.png", "wrote injections.csv", "wrote session-map-sr.dcm");
    }

    @Test
    void aCancelledExportLeavesNoFileNoTemporaryFileAndNoFolderOfItsOwn() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 4, 3, true);
        int frames = 3;
        int files = 5 + frames;
        int total = frames + 2 * files;
        // while drawing, while making the files, after the first temporary file, after the last one
        for (int cancelAfter : List.of(1, frames + 1, frames + files + 1, total)) {
            Path out = dir.resolve("run-" + cancelAfter).resolve("all");
            Recorder progress = new Recorder(cancelAfter);
            assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.ALL, out,
                    ExportOptions.DEFAULTS, null, UTC, progress))
                    .isInstanceOf(ExportCancelledException.class)
                    .hasMessage("export cancelled after " + cancelAfter + " of " + total
                            + " steps; no file was written");
            assertThat(progress.done).hasSize(cancelAfter);
            assertThat(dir.resolve("run-" + cancelAfter)).as("the folders the export made").doesNotExist();
        }
        // a file the export would have replaced stays as it was
        Path kept = Files.writeString(dir.resolve("map.pdf"), "kept");
        int pdfTotal = frames + 2;
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.PDF, kept,
                ExportOptions.DEFAULTS.forced(), null, UTC, new Recorder(pdfTotal)))
                .isInstanceOf(ExportCancelledException.class);
        assertThat(Files.readString(kept)).isEqualTo("kept");
        try (var all = Files.list(dir)) {
            assertThat(all.toList()).containsExactly(kept);
        }
    }

    @Test
    void anExistingFileIsRefusedBeforeAnyFrameIsDrawn() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 2, 2, true);
        Path out = dir.resolve("map.png");
        Files.writeString(out.resolveSibling("map-2.png"), "kept");
        Recorder progress = new Recorder(0);
        assertThatThrownBy(() -> PlanExporter.export(exported(plan), ExportFormat.PNG, out, ExportOptions.DEFAULTS,
                null, UTC, progress)).isInstanceOf(ExportException.class)
                .hasMessage(dir.resolve("map-2.png") + " exists: not overwritten (use --force, or choose another "
                        + "path)");
        assertThat(progress.done).as("nothing drawn or made").isEmpty();
        assertThat(filesIn(dir)).containsExactly(dir.resolve("map-2.png"));
    }
}
