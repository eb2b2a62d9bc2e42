package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.injectionplanner.plan.PlanFixtures.p;

import java.util.List;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.Laterality;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Structure;
import org.injectionplanner.plan.StructureKind;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.junit.jupiter.api.Test;

/**
 * A finding's text names its site and zone in words: the injection's place, the target's number and label, the
 * structure's name from the clinic's catalogue (never its id, unless the catalogue lacks it), the zone's number
 * and name; its key stays the ids, for macros and overrides.
 */
class FindingTextTest {

    private static final MeasuredCalibration CAL = PlanFixtures.region(0, 0.1, 0.1);

    /** A zone about (300, 200) with a 3 mm margin, and the path of target 1 passing 1.2 mm from it. */
    private static SessionPlan nearZone(Target target) {
        NerveZone zone = new NerveZone(PlanFixtures.id("zone", 2), 2, ZoneKind.NERVE,
                "medial branch", target.image(), new EllipseShape(p(300, 200), 20, 10, 0), 3, CAL);
        return PlanFixtures.draft().withZone(zone).withTarget(target)
                .withInjection(PlanFixtures.injection(target, PlanFixtures.path(332, 0, CAL)));
    }

    private static Finding clearance(SessionPlan plan, ClinicSettings settings) {
        return SafetyChecks.check(plan, SafetyContext.of(settings, null)).findings().stream()
                .filter(f -> f.check().equals("zone-clearance")).findFirst().orElseThrow();
    }

    @Test
    void aClearanceFindingNamesTheSiteByItsStructureAndTheZoneByItsName() {
        Target base = PlanFixtures.target(3, 332, 240, CAL);
        Target t3 = base.describedAs("L5 iliolumbar", "iliolumbar", base.side(), base.level(), "");
        Finding f = clearance(nearZone(t3), ClinicSettings.defaults());
        assertThat(f.message()).matches("Injection 1, T3 \"L5 iliolumbar\" \\(Iliolumbar ligament\\): the needle "
                + "path passes \\d+\\.\\d mm from zone Z2 \"medial branch\", inside its 3 mm margin");
        assertThat(f.key()).as("the key stays the ids").isEqualTo("zone-clearance/path/" + t3.id() + "/"
                + PlanFixtures.id("zone", 2));
        assertThat(f.message()).doesNotContain(t3.id().toString(), "iliolumbar)", "zone-clearance");
    }

    @Test
    void theNameComesFromTheClinicsCatalogueOnceAndAnIdItLacksIsShownAsItIs() {
        Target base = PlanFixtures.target(3, 332, 240, CAL);
        Structure clinic = new Structure("gluteal-fascia", "Gluteal fascia", StructureKind.FASCIA, null, null,
                Laterality.ANY, false, List.of(), true);
        ClinicSettings settings = ClinicSettings.defaults().withCatalogue(ClinicSettings.defaults().catalogue()
                .with(clinic));
        Target custom = base.describedAs("", "gluteal-fascia", base.side(), null, "");
        assertThat(clearance(nearZone(custom), settings).message()).startsWith("Injection 1, T3 (Gluteal fascia): ");
        Target holds = base.describedAs("L gluteal fascia", "gluteal-fascia", base.side(), null, "");
        assertThat(clearance(nearZone(holds), settings).message()).as("the label holds the name: not repeated")
                .startsWith("Injection 1, T3 \"L gluteal fascia\": ");
        Target foreign = base.describedAs("", "another-clinics-id", base.side(), null, "");
        assertThat(clearance(nearZone(foreign), ClinicSettings.defaults()).message())
                .startsWith("Injection 1, T3 (another-clinics-id): ");
        Target none = base.describedAs("L5 site", null, base.side(), null, "");
        assertThat(clearance(nearZone(none), ClinicSettings.defaults()).message())
                .startsWith("Injection 1, T3 \"L5 site\": ");
    }
}
