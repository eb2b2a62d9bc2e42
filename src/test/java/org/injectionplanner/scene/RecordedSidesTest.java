package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;

import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.ImageSides;
import org.injectionplanner.plan.PatientDirection;
import org.injectionplanner.plan.PlanEdits;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.junit.jupiter.api.Test;

/**
 * The side markers a scene draws from the sides the plan records for its frame's image, as the overlay and every
 * export get them; options that name markers take precedence; unknown sides draw none.
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
    void unknownSidesDrawNoMarkers() {
        assertThat(texts(PlanScene.of(plan(null), null, FRAME, 600, 400, null, PlanStyle.CURRENT)))
                .doesNotContain("L", "R", "CRAN", "CAUD");
        SessionPlan longitudinal = plan(new ImageSides(PatientDirection.CAUDAL, null, ImageSides.Source.DICOM_HEADER,
                "Patient Orientation (0020,0020) \"H\\A\""));
        assertThat(texts(PlanScene.of(longitudinal, null, FRAME, 600, 400, null, PlanStyle.CURRENT)))
                .contains("CAUD", "CRAN");
    }
}
