package org.injectionplanner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Target;
import org.injectionplanner.planfile.PlanJson;

/** Write → read gives an equal plan, and writing again gives the same bytes, for any valid plan. */
class PlanJsonPropertiesTest {

    @Property(tries = 500)
    void anyPlanRoundTripsExactly(@ForAll long seed) throws Exception {
        SessionPlan plan = TestPlans.random(new Random(seed));
        byte[] json = PlanJson.write(plan);
        SessionPlan back = PlanJson.read(json, "random.json");
        assertThat(back).isEqualTo(plan);
        assertThat(PlanJson.write(back)).isEqualTo(json);
    }

    @Property(tries = 300)
    void anyPlanRoundTripsThroughARevisionAndAnAutosave(@ForAll long seed) throws Exception {
        SessionPlan plan = TestPlans.random(new Random(seed));
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 26, 14, 3, 7, 125_000_000, ZoneOffset.ofHours(1));
        RevisionFile.Written written = RevisionFile.write(plan, 2, at, "Dr A", "why", "0".repeat(64));
        RevisionFile.Parsed parsed = RevisionFile.parse(written.bytes(), "rev");
        assertThat(parsed.plan()).isEqualTo(plan);
        assertThat(parsed.header()).isEqualTo(written.header());
        assertThat(parsed.contentIntact()).isTrue();
        AutosaveFile.Parsed autosave = AutosaveFile.parse(AutosaveFile.write(plan, at, null), "auto");
        assertThat(autosave.plan()).isEqualTo(plan);
        assertThat(autosave.savedAt()).isEqualTo(at);
    }

    @Property(tries = 300)
    void anyFiniteCoordinatesRoundTrip(@ForAll double x, @ForAll double y) throws Exception {
        Assume.that(Double.isFinite(x) && Double.isFinite(y));
        SessionPlan plan = TestPlans.sample();
        Target t = plan.targets().get(0);
        SessionPlan moved = plan.withTarget(t.movedTo(new PixelPoint(x, y), t.calibration()));
        assertThat(PlanJson.read(PlanJson.write(moved), "xy")).isEqualTo(moved);
    }
}
