package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.draft;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.path;
import static org.injectionplanner.plan.PlanFixtures.polygon;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;
import static org.injectionplanner.plan.PlanFixtures.zone;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;

/**
 * Crossing and containment do not depend on the pixels' size: a needle path through a zone, or a target
 * inside one, is a violation at every scale a plan file can hold, from 1e-300 to 1e300 mm per pixel.
 */
class ClearanceAtAnyScaleTest {

    /** The square 100..200 × 100..200 px, and an ellipse of the same extent. */
    private static final List<ZoneShape> ZONES = List.of(polygon(100, 100, 200, 100, 200, 200, 100, 200),
            EllipseShape.of(PixelPoint.of(150, 150), 50, 50, 0));

    private static List<Finding> clearanceFindings(SessionPlan plan) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).findings().stream()
                .filter(f -> f.check().equals("zone-clearance")).toList();
    }

    /** mm per pixel 10^e, e spread over −300..300 (jqwik tries the ends and 0 among its edge cases). */
    @Provide
    Arbitrary<Double> scales() {
        return Arbitraries.doubles().between(-300, 300)
                .map(e -> Math.pow(10, e));
    }

    @Property(tries = 400)
    void aPathThroughAZoneIsAViolationAtEveryScale(@ForAll("scales") double mmPerPixelX,
            @ForAll("scales") double mmPerPixelY, @ForAll @DoubleRange(min = 0, max = 1) double shape) {
        MeasuredCalibration cal = region(0, mmPerPixelX, mmPerPixelY);
        // entry above the zone, target below it: the path x = 150 runs through the middle
        Target t = target(1, 150, 300, cal);
        NerveZone z = zone(1, ZONES.get(shape < 0.5 ? 0 : 1), 5, cal);
        SessionPlan plan = draft().withTarget(t).withZone(z).withInjection(injection(t, path(150, 20, cal)));
        assertThat(clearanceFindings(plan)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.message()).endsWith("the needle path crosses zone Z1 \"nerve 1\"");
        });
    }

    @Property(tries = 200)
    void aTargetInsideAZoneIsAViolationAtEveryScale(@ForAll("scales") double mmPerPixelX,
            @ForAll("scales") double mmPerPixelY, @ForAll @DoubleRange(min = 0, max = 1) double shape) {
        MeasuredCalibration cal = region(0, mmPerPixelX, mmPerPixelY);
        Target t = target(1, 150, 150, cal);
        NerveZone z = zone(1, ZONES.get(shape < 0.5 ? 0 : 1), 5, cal);
        SessionPlan plan = draft().withTarget(t).withZone(z).withInjection(injection(t, path(150, 20, cal)));
        assertThat(clearanceFindings(plan)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(f.message()).endsWith("the target lies inside zone Z1 \"nerve 1\"");
        });
    }

    @Example
    void theReportedCaseAt1e300IsAViolation() {
        for (double s : new double[] {1e-300, 1e-200, 1e-10, 0.1, 1e10, 1e300}) {
            MeasuredCalibration cal = region(0, s, s);
            Target t = target(1, 150, 300, cal);
            NerveZone z = zone(1, ZONES.get(0), 5, cal);
            SessionPlan plan = draft().withTarget(t).withZone(z).withInjection(injection(t, path(150, 20, cal)));
            assertThat(clearanceFindings(plan)).as("at %s mm per pixel", s).hasSize(1);
        }
    }
}
