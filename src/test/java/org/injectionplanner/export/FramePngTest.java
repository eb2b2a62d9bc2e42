package org.injectionplanner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.png.AbstractPngText;
import org.apache.commons.imaging.formats.png.PngImageInfo;
import org.injectionplanner.export.dicom.SourceImages;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.scene.PlanStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG of each annotated frame, read back with Commons Imaging: size, text chunks, physical scale, pixels. */
class FramePngTest {

    @TempDir
    Path dir;

    private static ExportedPlan exported(SessionPlan plan) {
        ClinicSettings settings = ClinicSettings.defaults();
        return new ExportedPlan(plan, settings, SafetyChecks.check(plan, SafetyContext.of(settings, null)),
                SignatureStatus.UNSIGNED, 4);
    }

    private static Map<String, String> textChunks(Path png) throws Exception {
        PngImageInfo info = (PngImageInfo) Imaging.getImageInfo(png.toFile());
        Map<String, String> chunks = new HashMap<>();
        for (AbstractPngText t : info.getTextChunks()) {
            chunks.put(t.keyword, t.text);
        }
        return chunks;
    }

    @Test
    void eachAnnotatedFrameIsAPngAtTheImagesResolutionNamingPlanRevisionFrameAndCalibration() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 5, 3, true);
        List<ImageRef> frames = ExportImages.annotatedFrames(plan);
        Path out = dir.resolve("map.png");
        List<Path> written = PlanExporter.export(exported(plan), ExportFormat.PNG, out, ExportOptions.DEFAULTS, null,
                ZoneId.of("UTC"));
        assertThat(written).containsExactly(dir.resolve("map-1.png"), dir.resolve("map-2.png"),
                dir.resolve("map-3.png"));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("no temporary file left").isEqualTo(3);
        }
        for (int k = 0; k < 3; k++) {
            Path png = written.get(k);
            PngImageInfo info = (PngImageInfo) Imaging.getImageInfo(png.toFile());
            assertThat(info.getWidth()).isEqualTo(800);
            assertThat(info.getHeight()).isEqualTo(600);
            assertThat(textChunks(png)).containsEntry(FramePng.PLAN_ID, plan.id().toString())
                    .containsEntry(FramePng.REVISION, "4")
                    .containsEntry(FramePng.SOP_INSTANCE_UID, frames.get(k).sopInstanceUid())
                    .containsEntry(FramePng.FRAME, Integer.toString(frames.get(k).frame()))
                    .containsEntry(FramePng.CALIBRATION, "0.0900000 mm/px");
            // 0.09 mm per pixel as metres per pixel in pHYs (stored as whole pixels per metre)
            assertThat(1 / info.getPhysicalScale().getHorizontalUnitsPerPixel()).isCloseTo(1000 / 0.09, within(1.0));
        }
    }

    @Test
    void theTargetsLabelsNameTheirStructuresAsTheClinicsCatalogueDoes() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true);
        StructureCatalogue clinic = new StructureCatalogue(StructureCatalogue.defaults().structures().stream()
                .map(s -> !s.id().equals("supraspinous") ? s : new Structure(s.id(), "Clinic supraspinous", s.kind(),
                        s.hackettCode(), s.snomedCode(), s.laterality(), s.levelled(), s.levels(), s.userAdded()))
                .toList());
        ClinicSettings settings = ClinicSettings.defaults().withCatalogue(clinic);
        ExportedPlan exported = new ExportedPlan(plan, settings,
                SafetyChecks.check(plan, SafetyContext.of(settings, null)), SignatureStatus.UNSIGNED, 4);
        ExportImages images = ExportImages.locate(plan, new SourceImages(null));
        PlanScene scene = AnnotatedFrame.of(exported, images, images.frames().get(0)).scene();
        assertThat(scene.labels()).extracting(PlanScene.Label::text)
                .anySatisfy(t -> assertThat(t).startsWith("#1 T1 site 1 · Clinic supraspinous · ")
                        .contains(" mm deep"))
                .noneMatch(t -> t.contains("Supraspinous ligament"));
    }

    @Test
    void anUncalibratedFrameSaysSoAndItsPixelsCarryThePlanDrawing() throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, false);
        Path out = dir.resolve("frame.png");
        PlanExporter.export(exported(plan), ExportFormat.PNG, out, ExportOptions.DEFAULTS, null, ZoneId.of("UTC"));
        assertThat(textChunks(out)).containsEntry(FramePng.CALIBRATION, "not calibrated");
        var image = Imaging.getBufferedImage(out.toFile());
        var target = plan.targets().get(0).point();
        // beside the centre, off the violation's cross, inside the dot
        int rgb = image.getRGB((int) target.x() + 5, (int) target.y());
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        assertThat(r != g || g != b).as("the target's dot is drawn in colour on the grey frame").isTrue();
    }

    @Test
    void aCalibratedFrameCarriesTheDepthRulerAndScaleBarAsTheOverlayDoesAndAnUncalibratedOneSaysSo()
            throws Exception {
        SessionPlan plan = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, true);
        ExportImages images = ExportImages.locate(plan, new SourceImages(null));
        AnnotatedFrame frame = AnnotatedFrame.of(exported(plan), images, images.frames().get(0));
        PlanScene.ScaleBar bar = frame.scene().scaleBar();
        assertThat(bar).as("the scale bar").isNotNull();
        assertThat(bar.text()).isEqualTo(String.format(java.util.Locale.ROOT, "%.0f mm", bar.mm()));
        assertThat(bar.mm() / bar.lengthPx()).isCloseTo(0.09, within(1e-9));
        List<String> texts = frame.scene().guides().stream().filter(PlanScene.Label.class::isInstance)
                .map(m -> ((PlanScene.Label) m).text()).toList();
        assertThat(texts).as("the depth ruler's numbers and the bar's length").contains("0 mm", bar.text())
                .anyMatch(t -> t.matches("[1-9][0-9]*"));
        // the bar is painted into the exported pixels: the guide colour in the middle of the bar
        Path out = dir.resolve("frame.png");
        PlanExporter.export(exported(plan), ExportFormat.PNG, out, ExportOptions.DEFAULTS, null, ZoneId.of("UTC"));
        var png = Imaging.getBufferedImage(out.toFile());
        int x = (int) (bar.start().x() + bar.lengthPx() / 2);
        int y = (int) (bar.start().y() - 2);
        assertThat(png.getRGB(x, y) & 0xFFFFFF).isEqualTo(PlanStyle.CURRENT.guide().getRGB() & 0xFFFFFF);

        SessionPlan uncalibrated = SamplePlans.plan(SamplePlans.SESSION_1, 1, 1, false);
        ExportImages same = ExportImages.locate(uncalibrated, new SourceImages(null));
        PlanScene scene = AnnotatedFrame.of(exported(uncalibrated), same, same.frames().get(0)).scene();
        assertThat(scene.scaleBar()).isNull();
        assertThat(scene.guides()).filteredOn(PlanScene.Label.class::isInstance)
                .extracting(m -> ((PlanScene.Label) m).text()).containsExactly("not calibrated: no mm scale");
    }
}
