package org.injectionplanner.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.util.List;
import java.util.Locale;
import org.injectionplanner.geometry.PixelBounds;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.Decimals;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.SignatureStatus;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.sessionmap.SessionMap;
import org.junit.jupiter.api.Test;

/** The drag readout's text on a known plan, its agreement with the session map, and where its box goes. */
class DragReadoutTest {

    /** 0.1 mm/px, the skin line at row 0. */
    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);
    private static final ImageRef FRAME = new ImageRef(PlanFixtures.IMAGE.sopInstanceUid(), 1);

    /**
     * T1 at (100, 200), 20 mm deep, its path from (10, 80): 9 mm across and 12 mm down, 15 mm at 53°; Z1 a square
     * from x = 150, 5 mm right of T1 and further from the rest of the path.
     */
    private static SessionPlan plan() {
        Target t1 = PlanFixtures.target(1, 100, 200, CAL);
        return PlanFixtures.draft().withTarget(t1)
                .withZone(PlanFixtures.zone(1, PlanFixtures.polygon(150, 190, 170, 190, 170, 210, 150, 210), 2, CAL))
                .withInjection(PlanFixtures.injection(t1, PlanFixtures.path(10, 80, CAL)));
    }

    @Test
    void aTargetsReadoutGivesItsPathDepthAndNearestZone() {
        SessionPlan plan = plan();
        DragReadout r = DragReadout.ofTarget(plan, plan.targets().get(0).id());
        assertThat(r.lines()).containsExactly("T1", "path 15.0 mm, 53°", "20.0 mm deep", "5.0 mm from Z1 nerve 1");
        assertThat(r.text()).isEqualTo(String.join("\n", r.lines()));
    }

    @Test
    void theNumbersAreTheSessionMapsForTheSamePlan() {
        SessionPlan plan = plan();
        ClinicSettings settings = ClinicSettings.defaults();
        SessionMap map = SessionMap.of(plan, SafetyChecks.check(plan, SafetyContext.of(settings, plan.date())),
                settings, SignatureStatus.UNSIGNED);
        SessionMap.InjectionEntry e = map.injections().get(0);
        assertThat(DragReadout.ofTarget(plan, e.targetId()).lines()).contains(
                String.format(Locale.ROOT, "path %s mm, %.0f°", Decimals.ceilTenth(e.pathLengthMm()), e.angleDeg()),
                Decimals.ceilTenth(e.depthMm()) + " mm deep",
                Decimals.floorTenth(e.minClearanceMm()) + " mm from Z1 nerve 1");
    }

    @Test
    void aMovedTargetReadsItsNewPlace() {
        SessionPlan plan = plan();
        Target t1 = plan.targets().get(0);
        // 13.5 mm across, 12 mm down: 18.06 mm at 41.6°, 5 px (0.5 mm) from Z1
        SessionPlan moved = plan.withTarget(t1.movedTo(p(145, 200), CAL));
        assertThat(DragReadout.ofTarget(moved, t1.id()).lines()).containsExactly("T1", "path 18.1 mm, 42°",
                "20.0 mm deep", "0.5 mm from Z1 nerve 1");
    }

    @Test
    void aTargetWithoutPathReadsItsDepthAndTheClearanceOfItsPoint() {
        Target t1 = PlanFixtures.target(1, 100, 200, CAL);
        SessionPlan plan = PlanFixtures.draft().withTarget(t1);
        assertThat(DragReadout.ofTarget(plan, t1.id()).lines())
                .containsExactly("T1", "20.0 mm deep", "no zone on this frame");
    }

    @Test
    void aLineNotOnATargetReadsTheLineToTheMouse() {
        DragReadout r = DragReadout.ofLine(plan(), FRAME, PlanFixtures.path(10, 80, CAL), p(100, 200), CAL);
        assertThat(r.lines()).containsExactly("release on a target", "path 15.0 mm, 53°", "20.0 mm deep",
                "5.0 mm from Z1 nerve 1");
    }

    @Test
    void uncalibratedReadsNotCalibrated() {
        Target t1 = PlanFixtures.target(1, 100, 200, MeasuredCalibration.UNCALIBRATED);
        SessionPlan plan = PlanFixtures.draft().withTarget(t1);
        assertThat(DragReadout.ofTarget(plan, t1.id()).lines()).containsExactly("T1", "not calibrated");
        assertThat(DragReadout.ofLine(plan, FRAME, PlanFixtures.path(10, 80, CAL), p(100, 200),
                MeasuredCalibration.UNCALIBRATED).lines()).containsExactly("release on a target", "not calibrated");
    }

    @Test
    void aPathFromAnotherRegionIsNotCalibratedButTheDepthIs() {
        DragReadout r = DragReadout.ofLine(plan(), FRAME, PlanFixtures.path(10, 80, PlanFixtures.region(1, 0.1, 0.1)),
                p(100, 200), CAL);
        assertThat(r.lines()).containsExactly("release on a target", "path not calibrated", "20.0 mm deep",
                "5.0 mm from Z1 nerve 1");
    }

    @Test
    void theBoxGoesBelowRightOfTheCursorAndFlipsNearTheRightAndBottomEdges() {
        PixelBounds visible = new PixelBounds(0, 0, 400, 300);
        assertThat(DragReadout.place(p(100, 100), 80, 40, 10, visible)).isEqualTo(new PixelBounds(110, 110, 190, 150));
        assertThat(DragReadout.place(p(350, 100), 80, 40, 10, visible))
                .as("left of the cursor near the right edge").isEqualTo(new PixelBounds(260, 110, 340, 150));
        assertThat(DragReadout.place(p(100, 280), 80, 40, 10, visible))
                .as("above the cursor near the bottom").isEqualTo(new PixelBounds(110, 230, 190, 270));
        assertThat(DragReadout.place(p(399, 299), 80, 40, 10, visible)).isEqualTo(new PixelBounds(309, 249, 389, 289));
    }

    @Test
    void theBoxStaysInsideAScrolledViewAndInsideOneSmallerThanTheBox() {
        PixelBounds scrolled = new PixelBounds(200, 100, 300, 180);
        for (double x = 150; x <= 350; x += 10) {
            for (double y = 50; y <= 230; y += 10) {
                PixelBounds b = DragReadout.place(p(x, y), 60, 30, 8, scrolled);
                assertThat(List.of(b.minX() >= 200, b.minY() >= 100, b.maxX() <= 300, b.maxY() <= 180))
                        .as("box %s for the cursor at (%s, %s)", b, x, y).containsOnly(true);
            }
        }
        assertThat(DragReadout.place(p(250, 150), 200, 30, 8, scrolled).minX())
                .as("wider than the view: at its left edge").isEqualTo(200);
    }
}
