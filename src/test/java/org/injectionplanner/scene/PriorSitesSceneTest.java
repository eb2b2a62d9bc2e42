package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureCatalogue;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/**
 * Earlier sessions' sites on a current image: hollow rings with their labels, muted, each label naming its site
 * as today's labels name today's targets at the same detail, by the scene's structure catalogue, behind the
 * session it comes from.
 */
class PriorSitesSceneTest {

    private static final ImageRef FRAME = new ImageRef("2.25.9", 1);

    private static Target target(int number, String label, String structure, double x, double y) {
        return new Target(UUID.randomUUID(), number, label, structure, Side.LEFT, SpinalLevel.L5, FRAME,
                new PixelPoint(x, y), null, "", MeasuredCalibration.UNCALIBRATED);
    }

    @Test
    void eachSiteOnTheImageIsAHollowRingWithItsLabelLaidOutBesideIt() {
        Target a = target(1, "", null, 400, 300);
        Target b = target(3, "L iliolumbar", "iliolumbar", 5, 300);
        Target outside = target(9, "", null, 900, 300);
        PlanScene scene = PlanScene.priorSites(List.of(new PlanScene.PriorSite(a, "s1", ""),
                new PlanScene.PriorSite(b, "", "to place (s1)"), new PlanScene.PriorSite(outside, "s1", "")), FRAME,
                800, 600, PlanStyle.MUTED, SceneOptions.DEFAULT);
        assertThat(scene.marks()).extracting(PlanScene.Mark::annotationId).as("rings, then their labels")
                .containsExactly(a.id(), b.id(), a.id(), b.id());
        assertThat(scene.marks()).noneMatch(m -> m instanceof PlanScene.Disc);
        PlanScene.Ring ring = (PlanScene.Ring) scene.marks().get(0);
        assertThat(ring.centre()).isEqualTo(new PixelPoint(400, 300));
        assertThat(ring.colour()).isEqualTo(PlanStyle.MUTED.target());
        assertThat(ring.radius()).isEqualTo(PlanStyle.RING_RADIUS);
        PlanScene.Label label = (PlanScene.Label) scene.marks().get(2);
        assertThat(label.text()).isEqualTo("s1 T1");
        double r = PlanStyle.RING_RADIUS;
        assertThat(label.x() + label.width() <= 400 - r || label.x() >= 400 + r || label.y() + label.height() <= 300 - r
                || label.y() >= 300 + r).as("the label leaves the ring free").isTrue();
        PlanScene.Label nearEdge = (PlanScene.Label) scene.marks().get(3);
        assertThat(nearEdge.text()).isEqualTo("T3 L iliolumbar · Iliolumbar ligament · to place (s1)");
        assertThat(nearEdge.x() + nearEdge.width() <= 5 - r || nearEdge.x() >= 5 + r
                || nearEdge.y() + nearEdge.height() <= 300 - r || nearEdge.y() >= 300 + r)
                .as("clear of the ring at the edge").isTrue();
        assertThat(nearEdge.x()).as("inside the image").isGreaterThanOrEqualTo(0);
        assertThat(nearEdge.x() + nearEdge.width()).isLessThanOrEqualTo(800);
        assertThat(scene.scaleBar()).isNull();
    }

    @Test
    void aSitesLabelNamesItsStructureAsTodaysLabelAtTheSameDetailBehindItsSession() {
        Target prior = target(3, "L5 iliolumbar", "iliolumbar", 200, 300);
        Target today = new Target(UUID.randomUUID(), 2, "L5 iliolumbar", "iliolumbar", Side.LEFT, SpinalLevel.L5,
                FRAME, new PixelPoint(500, 300), null, "", MeasuredCalibration.UNCALIBRATED);
        SessionPlan plan = PlanFixtures.draft().withTarget(today);
        for (LabelDetail detail : LabelDetail.values()) {
            PlanScene scene = PlanScene.of(plan, null, FRAME, 800, 600, null, PlanStyle.CURRENT,
                    SceneOptions.DEFAULT.withDetail(detail).withPriorSites(List.of(new PlanScene.PriorSite(prior,
                            "s1", ""))));
            String todays = labelOf(scene, today.id());
            String name = switch (detail) {
                case NUMBER -> "";
                case NAME -> " L5 iliolumbar";
                case FULL -> " L5 iliolumbar · Iliolumbar ligament";
            };
            assertThat(todays).as(detail + ": today's label").startsWith("T2" + name);
            assertThat(labelOf(scene, prior.id())).as(detail + ": the same name, behind its session")
                    .isEqualTo("s1 T3" + name);
        }
    }

    @Test
    void namesComeFromTheScenesCatalogueAndAnIdItLacksIsShownAsItIs() {
        Structure fascia = new Structure("gluteal-fascia", "Gluteal fascia (clinic entry)", StructureKind.FASCIA, null,
                null, Laterality.PAIRED, false, List.of(), true);
        StructureCatalogue clinic = StructureCatalogue.defaults().with(fascia);
        Target blank = target(4, "", "gluteal-fascia", 200, 200);
        Target held = target(5, "right sacrotuberous ligament", "sacrotuberous", 200, 400);
        Target foreign = target(6, "", "another-clinics-id", 600, 300);
        List<PlanScene.PriorSite> sites = List.of(new PlanScene.PriorSite(blank, "s2", ""),
                new PlanScene.PriorSite(held, "s2", ""), new PlanScene.PriorSite(foreign, "s2", ""));
        PlanScene scene = PlanScene.priorSites(sites, FRAME, 800, 600, PlanStyle.MUTED,
                SceneOptions.DEFAULT.withStructures(clinic));
        assertThat(labelOf(scene, blank.id())).isEqualTo("s2 T4 Gluteal fascia (clinic entry)");
        assertThat(labelOf(scene, held.id())).as("the label already holds the name")
                .isEqualTo("s2 T5 right sacrotuberous ligament");
        assertThat(labelOf(scene, foreign.id())).isEqualTo("s2 T6 another-clinics-id");
        PlanScene numbers = PlanScene.priorSites(sites, FRAME, 800, 600, PlanStyle.MUTED,
                SceneOptions.DEFAULT.withStructures(clinic).withDetail(LabelDetail.NUMBER));
        assertThat(numbers.labels()).extracting(PlanScene.Label::text).containsExactly("s2 T4", "s2 T5", "s2 T6");
    }

    private static String labelOf(PlanScene scene, UUID id) {
        return scene.labels().stream().filter(l -> id.equals(l.annotationId())).map(PlanScene.Label::text)
                .findFirst().orElseThrow();
    }
}
