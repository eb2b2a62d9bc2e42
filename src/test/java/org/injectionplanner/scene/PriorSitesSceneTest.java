package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ImageRef;
import org.junit.jupiter.api.Test;

/** Earlier sessions' sites on a current image: hollow rings with their labels, muted. */
class PriorSitesSceneTest {

    private static final ImageRef FRAME = new ImageRef("2.25.9", 1);

    @Test
    void eachSiteOnTheImageIsAHollowRingWithItsLabelLaidOutBesideIt() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID outside = UUID.randomUUID();
        PlanScene scene = PlanScene.priorSites(List.of(new PlanScene.PriorSite(a, new PixelPoint(400, 300), "s1 T1"),
                new PlanScene.PriorSite(b, new PixelPoint(5, 300), "T3 L iliolumbar · to place (s1)"),
                new PlanScene.PriorSite(outside, new PixelPoint(900, 300), "s1 T9")), FRAME, 800, 600,
                PlanStyle.MUTED);
        assertThat(scene.marks()).extracting(PlanScene.Mark::annotationId).as("rings, then their labels")
                .containsExactly(a, b, a, b);
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
        assertThat(nearEdge.x()).as("inside the image, clear of the ring at the edge").isGreaterThan(5 + r);
        assertThat(nearEdge.x() + nearEdge.width()).isLessThanOrEqualTo(800);
        assertThat(scene.scaleBar()).isNull();
    }
}
