package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Test;

/**
 * The side markers a scene draws from the sides the plan records for its frame's image, as the overlay and every
 * export get them, with the midline's tick on a transverse image; options that name markers take precedence;
 * unknown sides draw none.
 */
class RecordedSidesTest {

    private static final ImageRef FRAME = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);

    private static SessionPlan plan(ImageSides sides) {
        SessionPlan plan = PlanFixtures.draft().withTarget(PlanFixtures.target(1, 300, 200,
                PlanFixtures.region(0, 0.1, 0.1)));
        return PlanEdits.setImageSides(PlanFixtures.IMAGE, sides).applyTo(plan);
    }

    private static java.util.List<String> texts(PlanScene scene) {
        return scene.labels().stream().map(PlanScene.Label::text).toList();
    }

    @Test
    void theRecordedSidesAreWrittenAtTheTopCorners() {
        SessionPlan plan = plan(new ImageSides(PatientDirection.LEFT, 300.0, ImageSides.Source.PHYSICIAN, "Dr A"));
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, PlanStyle.CURRENT);
        PlanScene.Label left = scene.labels().stream().filter(l -> l.text().equals("L")).findFirst().orElseThrow();
        PlanScene.Label right = scene.labels().stream().filter(l -> l.text().equals("R")).findFirst().orElseThrow();
        assertThat(left.x()).isLessThan(5);
        assertThat(right.x()).isGreaterThan(500);
        assertThat(left.y()).isLessThan(5);
        assertThat(right.y()).isLessThan(5);
        assertThat(texts(PlanScene.of(plan, null, FRAME, 600, 400, null, PlanStyle.CURRENT,
                SceneOptions.DEFAULT.withOrientation(new ImageOrientation("CRAN", "CAUD")))))
                .contains("CRAN", "CAUD").doesNotContain("L", "R");
    }

    @Test
    void aTransverseImageShowsItsMidlineAsATickAtTheTopEdgeThatNoLabelCovers() {
        // a target just under the tick (its text moves below it) and one whose label would go over the tick
        SessionPlan plan = PlanEdits.setImageSides(PlanFixtures.IMAGE, new ImageSides(PatientDirection.RIGHT,
                212.0, ImageSides.Source.PHYSICIAN, "Dr A")).applyTo(PlanFixtures.draft()
                .withTarget(PlanFixtures.target(1, 190, 5, PlanFixtures.region(0, 0.1, 0.1)))
                .withTarget(PlanFixtures.target(2, 212, 30, PlanFixtures.region(0, 0.1, 0.1))));
        PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, PlanStyle.CURRENT);
        PlanScene.Line tick = scene.guides().stream().filter(m -> m instanceof PlanScene.Line l && l.from().y() == 0
                && l.to().y() == FrameGuides.MIDLINE_TICK)
                .map(m -> (PlanScene.Line) m).findFirst().orElseThrow();
        assertThat(tick.from().x()).isEqualTo(212.5);
        assertThat(tick.to().x()).isEqualTo(212.5);
        assertThat(tick.to().y()).isEqualTo(FrameGuides.MIDLINE_TICK);
        assertThat(tick.colour()).isEqualTo(PlanStyle.CURRENT.guide());
        PlanScene.Label text = scene.labels().stream().filter(l -> l.text().equals(FrameGuides.MIDLINE)).findFirst()
                .orElseThrow();
        assertThat(text.x()).as("under the tick").isLessThan(212).isGreaterThan(212 - text.width());
        assertThat(text.y()).as("below the target under the tick").isGreaterThan(30 + PlanStyle.RING_RADIUS);
        Rectangle2D tickBox = new Rectangle2D.Double(211.5, 0, 2, FrameGuides.MIDLINE_TICK);
        for (PlanScene.Label l : scene.labels()) {
            assertThat(box(l).intersects(tickBox)).as(l.text() + " over the tick").isFalse();
        }
        CrowdedLabelsTest.assertLaidOut(scene);
        // painted: the tick's column is the guide's white at the top, and not beside it
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        PlanPainter.paint(g, scene);
        g.dispose();
        assertThat(image.getRGB(212, 2)).isEqualTo(PlanStyle.CURRENT.guide().getRGB());
        assertThat(image.getRGB(208, 2)).isEqualTo(java.awt.Color.BLACK.getRGB());
    }

    @Test
    void noMidlineIsDrawnOnALongitudinalImageOrWhereItLiesOffTheImage() {
        SessionPlan longitudinal = plan(new ImageSides(PatientDirection.CRANIAL, null, ImageSides.Source.PHYSICIAN,
                "Dr A"));
        SessionPlan off = plan(new ImageSides(PatientDirection.RIGHT, 700.0, ImageSides.Source.PHYSICIAN, "Dr A"));
        for (SessionPlan plan : List.of(longitudinal, off)) {
            PlanScene scene = PlanScene.of(plan, null, FRAME, 600, 400, null, PlanStyle.CURRENT);
            assertThat(texts(scene)).doesNotContain(FrameGuides.MIDLINE);
            assertThat(scene.guides()).noneMatch(m -> m instanceof PlanScene.Line l && l.from().y() == 0
                && l.to().y() == FrameGuides.MIDLINE_TICK);
        }
    }

    private static Rectangle2D box(PlanScene.Label l) {
        return new Rectangle2D.Double(l.x(), l.y(), l.width(), l.height());
    }

    @Test
    void unknownSidesDrawNoMarkers() {
        assertThat(texts(PlanScene.of(plan(null), null, FRAME, 600, 400, null, PlanStyle.CURRENT)))
                .doesNotContain("L", "R", "CRAN", "CAUD");
        SessionPlan longitudinal = plan(new ImageSides(PatientDirection.CAUDAL, null, ImageSides.Source.DICOM_HEADER,
                "Patient Orientation (0020,0020) \"H\\A\""));
        assertThat(texts(PlanScene.of(longitudinal, null, FRAME, 600, 400, null, PlanStyle.CURRENT)))
                .contains("CAUD", "CRAN");
    }
}
