package org.injectionplanner.bench;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NeedlePath;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.injectionplanner.safety.SafetyReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SafetyChecks#check} on a large session, what the Injection Target, Nerve Zone and Needle Path
 * tools run on every mouse-drag event to colour their preview: 30 injections, each with a needle path from
 * the skin line, and 30 zones (15 star-shaped polygons, 15 ellipses, margins 2–8 mm) on one 800 × 600
 * frame at 0.1 mm a pixel, so that every target and path is measured against every zone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SafetyChecksBenchmark {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int INJECTIONS = 30;
    private static final int ZONES = 30;
    private static final String SOP = "2.25.1001";
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.1, 0, 0.0);

    private SessionPlan plan;
    private SafetyContext context;

    @Setup
    public void setUp() {
        plan = plan(new Random(42));
        context = SafetyContext.of(ClinicSettings.defaults(), LocalDate.of(2026, 11, 1));
    }

    /** All findings of the session, as one drag event of a preview needs them. */
    @Benchmark
    public SafetyReport check() {
        return SafetyChecks.check(plan, context);
    }

    private static SessionPlan plan(Random random) {
        SessionPlan p = SessionPlan.newDraft(UUID.randomUUID(), 2, LocalDate.of(2026, 11, 26), "bench")
                .withImage(new PlanImage(SOP, "2.25.1", "2.25.2", "bench", 1, null, null, null));
        for (int i = 0; i < ZONES; i++) {
            PixelPoint centre = new PixelPoint(60 + random.nextDouble() * (WIDTH - 120),
                    120 + random.nextDouble() * (HEIGHT - 180));
            p = p.withZone(new NerveZone(UUID.randomUUID(), i + 1, i % 5 == 0 ? ZoneKind.DURA : ZoneKind.NERVE,
                    "zone " + (i + 1), new ImageRef(SOP, 1), i % 2 == 0 ? PlanFixtures.star(centre, random)
                            : new EllipseShape(centre, 8 + random.nextDouble() * 30, 6 + random.nextDouble() * 20,
                                    random.nextDouble() * 180),
                    2 + random.nextInt(7), CAL));
        }
        Side[] sides = Side.values();
        SpinalLevel[] levels = SpinalLevel.values();
        String[] structures = {"supraspinous", "interspinous", "facet-capsule", "iliolumbar"};
        for (int i = 0; i < INJECTIONS; i++) {
            PixelPoint at = new PixelPoint(20 + random.nextDouble() * (WIDTH - 40),
                    60 + random.nextDouble() * (HEIGHT - 80));
            Target target = new Target(UUID.randomUUID(), i + 1, "T" + (i + 1), structures[i % structures.length],
                    sides[i % sides.length], levels[i % levels.length], new ImageRef(SOP, 1), at, null, "",
                    CAL);
            NeedlePath path = new NeedlePath(new PixelPoint(20 + random.nextDouble() * (WIDTH - 40), 5), CAL);
            Injection injection = Injection.fromPreset(target.id(), ClinicSettings.defaults().defaultPreset())
                    .withPath(path);
            p = p.withTarget(target).withInjection(injection);
        }
        return p;
    }
}
