package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/**
 * A known plan painted to an image: the target marker, the zone's outline, fill and margin, and the scale
 * bar are at their pixels, and nothing is drawn far from them.
 */
class PlanPainterTest {

    /** 0.5 mm per pixel both ways: the 5 mm margin lies 10 px outside the zone. */
    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.5, 0.5);
    private static final ImageRef FRAME = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);
    private static final Color BACKGROUND = new Color(128, 128, 128);
    private static final PlanStyle STYLE = PlanStyle.CURRENT;

    /**
     * T1 at (40, 40); Z1 an ellipse about (140, 110), 12 × 8 px, 5 mm margin; on a 200 × 150 image (the
     * labels lie above and left of both: T1's at (50, 28), Z1's, wider than the space right of it, from x = 50
     * at y = 86).
     */
    private static BufferedImage painted() {
        Target t1 = PlanFixtures.target(1, 40, 40, CAL);
        SessionPlan plan = PlanFixtures.draft().withTarget(t1)
                .withZone(PlanFixtures.zone(1, new EllipseShape(p(140, 110), 12, 8, 0), 5, CAL));
        PlanScene scene = PlanScene.of(plan, null, FRAME, 200, 150, null, STYLE);
        BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, 200, 150);
        PlanPainter.paint(g, scene);
        g.dispose();
        return image;
    }

    @Test
    void theTargetMarkerIsAnOrangeDotInABlackRing() {
        BufferedImage image = painted();
        assertThat(colour(image, 40, 40)).isEqualTo(STYLE.target());
        assertThat(colour(image, 37, 42)).isEqualTo(STYLE.target());
        // between the dot's edge (6 px) and the ring's (8 px)
        assertThat(distance(colour(image, 46, 40), Color.BLACK)).isLessThan(40);
        assertThat(distance(colour(image, 40, 46), Color.BLACK)).isLessThan(40);
        assertThat(colour(image, 40, 50)).as("beyond the ring").isEqualTo(BACKGROUND);
        assertThat(colour(image, 29, 40)).as("beyond the ring").isEqualTo(BACKGROUND);
    }

    @Test
    void theZoneHasItsOutlineAFillAndItsMarginOutline() {
        BufferedImage image = painted();
        // the outline's right end is at x = 152; the 2 px line covers pixel column 151 there
        assertThat(distance(colour(image, 151, 110), STYLE.zone())).isLessThan(10);
        assertThat(distance(colour(image, 128, 110), STYLE.zone())).isLessThan(10);
        Color inside = colour(image, 140, 110);
        assertThat(inside).as("translucent blue over grey").isNotEqualTo(BACKGROUND);
        assertThat(inside.getBlue()).isGreaterThan(inside.getRed());
        // the margin line: 10 px (5 mm) right of the outline and below it, drawn aliased in one pixel
        assertThat(anyIn(image, 161, 163, 109, 111, STYLE.margin())).isTrue();
        assertThat(anyIn(image, 139, 141, 127, 129, STYLE.margin())).isTrue();
        assertThat(colour(image, 157, 110)).as("between the outline and the margin").isEqualTo(BACKGROUND);
        assertThat(colour(image, 170, 110)).as("beyond the margin").isEqualTo(BACKGROUND);
    }

    @Test
    void nothingIsDrawnFarFromTheAnnotationsAndGuides() {
        BufferedImage image = painted();
        assertThat(colour(image, 140, 22)).isEqualTo(BACKGROUND);
        assertThat(colour(image, 100, 45)).isEqualTo(BACKGROUND);
        assertThat(colour(image, 150, 140)).isEqualTo(BACKGROUND);
        assertThat(colour(image, 5, 5)).isEqualTo(BACKGROUND);
    }

    @Test
    void theDepthRulerRunsDownTheRightEdgeWithATickEveryTwentyMillimetres() {
        BufferedImage image = painted();
        // the skin line is row 0; at 0.5 mm/px a 20 mm step is 40 px, the shortest of 5, 10, 20… mm at least two
        // label heights apart; the ruler's line is the 1-pixel column 198
        assertThat(colour(image, 198, 75)).isEqualTo(Color.WHITE);
        assertThat(colour(image, 198, 140)).isEqualTo(Color.WHITE);
        assertThat(anyIn(image, 192, 194, 39, 41, Color.WHITE)).as("the 20 mm tick").isTrue();
        assertThat(anyIn(image, 192, 194, 79, 81, Color.WHITE)).as("the 40 mm tick").isTrue();
        assertThat(colour(image, 193, 60)).as("no long tick at 30 mm").isNotEqualTo(Color.WHITE);
        assertThat(colour(image, 196, 60)).as("a short one").isEqualTo(Color.WHITE);
    }

    @Test
    void theScaleBarIsTwentyMillimetresLongAtTheBottomLeft() {
        BufferedImage image = painted();
        // a fifth of the 200 px width is 40 px, 20 mm at 0.5 mm/px: the longest bar of 1, 2, 5, 10, 20… mm that fits
        assertThat(colour(image, 12, 138)).isEqualTo(Color.WHITE);
        assertThat(colour(image, 48, 138)).isEqualTo(Color.WHITE);
        assertThat(colour(image, 53, 138)).isEqualTo(BACKGROUND);
    }

    private static boolean anyIn(BufferedImage image, int x0, int x1, int y0, int y1, Color wanted) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (colour(image, x, y).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Color colour(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
