package org.injectionplanner.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.ByteProcessor;
import java.awt.Color;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.PolygonShape;
import org.injectionplanner.scene.PlanScene;
import org.injectionplanner.scene.PlanStyle;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.junit.jupiter.api.Test;

/**
 * A read-only plan (a prior session) is drawn muted beneath the current plan, and taken off again; earlier sites
 * set on a current image are drawn in its plan's scenes, their labels laid out with the plan's.
 */
class ReadOnlyOverlayTest {

    private static final String SOP = "2.25.77";
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.1, 0, 0.0);

    private static ImagePlus image() {
        ImageStack s = new ImageStack(200, 150);
        s.addSlice(new ByteProcessor(200, 150));
        ImagePlus imp = new ImagePlus("follow-up", s);
        imp.setProp(UltrasoundImages.PROP_SOP_UID, SOP);
        return imp;
    }

    private static SessionPlan plan(int session, double x) {
        return SessionPlan.newDraft(UUID.randomUUID(), session, LocalDate.of(2026, 11, session), "test")
                .withImage(new PlanImage(SOP, "2.25.1", "2.25.2", "test", 1, null, null, null))
                .withTarget(new Target(UUID.randomUUID(), 1, "T1", "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                        new ImageRef(SOP, 1), new PixelPoint(x, 60), null, "", CAL))
                .withZone(new NerveZone(UUID.randomUUID(), 1, ZoneKind.NERVE, "nerve", new ImageRef(SOP, 1),
                        new PolygonShape(List.of(new PixelPoint(x, 90), new PixelPoint(x + 30, 90),
                                new PixelPoint(x + 15, 120))), 3, CAL));
    }

    /** Site {@code number} of session 1, with its label, at ({@code x}, {@code y}). */
    private static PlanScene.PriorSite earlier(UUID id, int number, String label, double x, double y) {
        return new PlanScene.PriorSite(new Target(id, number, label, "supraspinous", Side.MIDLINE, SpinalLevel.L4_L5,
                new ImageRef(SOP, 1), new PixelPoint(x, y), null, "", CAL), "s1", "");
    }

    private static List<Roi> marked(ImagePlus imp, String mark) {
        return imp.getOverlay() == null ? List.of()
                : Arrays.stream(imp.getOverlay().toArray()).filter(r -> mark.equals(r.getProperty(PlanOverlay.MARK)))
                        .toList();
    }

    @Test
    void readOnlyPlansAreMutedBeneathTheCurrentPlan() {
        ImagePlus imp = image();
        SessionPlan previous = plan(1, 40);
        SessionPlan current = plan(2, 120);
        PlanOverlay.renderReadOnly(imp, List.of(previous));
        PlanOverlay.render(imp, current, null, null);

        List<Roi> muted = marked(imp, PlanOverlay.READ_ONLY);
        // the read-only plan's annotations, without the guides (ruler, scale bar) the current plan's overlay has
        int elements = (int) PlanOverlay.build(imp, previous, null, null).stream()
                .filter(r -> r.getProperty(PlanOverlay.PROP_ID) != null).count();
        assertThat(muted).hasSize(elements);
        List<Color> mutedColours = List.of(PlanStyle.MUTED.target(), PlanStyle.MUTED.zone(),
                PlanStyle.MUTED.zoneFill(), PlanStyle.MUTED.margin(), PlanStyle.MUTED.ink());
        assertThat(muted).filteredOn(r -> r.getFillColor() == null).isNotEmpty()
                .allMatch(r -> mutedColours.contains(r.getStrokeColor()), "stroked in the muted style");
        assertThat(muted).filteredOn(r -> r.getFillColor() != null).isNotEmpty()
                .allMatch(r -> mutedColours.contains(r.getFillColor()), "filled in the muted style");
        assertThat(muted).extracting(Roi::getStrokeColor).doesNotContain(PlanStyle.CURRENT.target(),
                PlanStyle.CURRENT.zone(), PlanStyle.CURRENT.margin());
        assertThat(muted).extracting(r -> r.getProperty(PlanOverlay.PROP_ID)).contains(
                previous.targets().get(0).id().toString(), previous.zones().get(0).id().toString());
        Roi[] all = imp.getOverlay().toArray();
        assertThat(Arrays.stream(all).limit(elements)).as("the read-only plan is beneath").containsExactlyElementsOf(
                muted);
        assertThat(marked(imp, "true")).hasSize(PlanOverlay.build(imp, current, null, null).size());

        PlanOverlay.render(imp, current, null, current.targets().get(0).id());
        assertThat(marked(imp, PlanOverlay.READ_ONLY)).as("redrawing the current plan keeps it").hasSize(elements);
        PlanOverlay.renderReadOnly(imp, List.of());
        assertThat(marked(imp, PlanOverlay.READ_ONLY)).isEmpty();
        assertThat(marked(imp, "true")).isNotEmpty();
        PlanOverlay.render(imp, null, null, null);
        assertThat(imp.getOverlay()).isNull();
    }

    @Test
    void earlierSitesAreDrawnWithTheCurrentPlanTheirLabelsClearOfItsLabels() {
        ImagePlus imp = image();
        SessionPlan current = plan(2, 120);
        // one site on today's target, one beside it: separate layouts put their labels over today's
        UUID onTarget = UUID.randomUUID();
        UUID beside = UUID.randomUUID();
        PlanOverlay.setPriorSites(imp, Map.of(1, List.of(earlier(onTarget, 1, "L4/5 supraspinous", 120, 60),
                earlier(beside, 2, "", 134, 64))));
        PlanOverlay.render(imp, current, null, null);
        List<Roi> drawn = marked(imp, "true");
        assertThat(drawn).extracting(r -> r.getProperty(PlanOverlay.PROP_ID))
                .contains(onTarget.toString(), beside.toString(), current.targets().get(0).id().toString());
        List<Roi> texts = drawn.stream().filter(r -> r instanceof TextRoi && r.getProperty(PlanOverlay.PROP_ID) != null)
                .toList();
        assertThat(texts).filteredOn(r -> onTarget.toString().equals(r.getProperty(PlanOverlay.PROP_ID))
                || beside.toString().equals(r.getProperty(PlanOverlay.PROP_ID))).hasSize(2);
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertThat(texts.get(i).getFloatBounds().intersects(texts.get(j).getFloatBounds()))
                        .as(((TextRoi) texts.get(i)).getText() + " and " + ((TextRoi) texts.get(j)).getText())
                        .isFalse();
            }
        }

        PlanOverlay.render(imp, null, null, null);
        assertThat(marked(imp, "true")).as("without a plan, the sites alone")
                .extracting(r -> r.getProperty(PlanOverlay.PROP_ID)).containsOnly(onTarget.toString(),
                        beside.toString());
        PlanOverlay.setPriorSites(imp, Map.of());
        PlanOverlay.render(imp, current, null, null);
        assertThat(marked(imp, "true")).extracting(r -> r.getProperty(PlanOverlay.PROP_ID))
                .doesNotContain(onTarget.toString(), beside.toString());
    }
}
