package org.injectionplanner.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.injectionplanner.plan.PlanFixtures.draft;
import static org.injectionplanner.plan.PlanFixtures.injection;
import static org.injectionplanner.plan.PlanFixtures.region;
import static org.injectionplanner.plan.PlanFixtures.target;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.injectionplanner.plan.Anaesthetic;
import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.Target;
import org.junit.jupiter.api.Test;

/**
 * The dose checks against the clinic's drug table (docs/safety.md §3: {@code anaesthetic-dose},
 * {@code patient-weight}, {@code drug-name}, {@code concentration}), every limit worked out by hand in a
 * comment. mg = % × 10 mg/mL × mL.
 */
class DoseChecksTest {

    private static final Offset<Double> EXACT = within(1e-9);
    private static final MeasuredCalibration CAL = region(0, 0.1, 0.1);

    /** One injection per solution and volume, calibrated, without paths, in that order. */
    private static SessionPlan plan(Double weightKg, Object... solutionAndVolume) {
        SessionPlan plan = draft();
        for (int k = 0; k < solutionAndVolume.length; k += 2) {
            Target t = target(k / 2 + 1, 50 + 50 * k, 300, CAL);
            Injection i = injection(t, null);
            plan = plan.withTarget(t).withInjection(i.prescribed(i.approach(), i.needle(),
                    (Solution) solutionAndVolume[k], (Double) solutionAndVolume[k + 1]));
        }
        return plan.withPatientWeightKg(weightKg);
    }

    private static List<Finding> findings(SessionPlan plan, String check) {
        return SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).findings().stream()
                .filter(f -> f.check().equals(check)).toList();
    }

    private static Finding only(SessionPlan plan, String check) {
        List<Finding> found = findings(plan, check);
        assertThat(found).as("findings of %s", check).hasSize(1);
        return found.get(0);
    }

    @Test
    void xylocaineLidocaineHclAndLidocaineWithAdrenalineAreSummedAsLidocaineEachFormAgainstItsLimit() {
        // 70 kg: plain lidocaine min(4.5 × 70 = 315, 300) = 300 mg; with adrenaline min(7 × 70 = 490, 500) = 490.
        // Xylocaine 1 % × 10 mL = 100 mg + lidocaine HCl 1 % × 10 mL = 100 mg: 200 mg plain, 200/300;
        // lidocaine with adrenaline 1 % × 20 mL = 200 mg, 200/490. Together 0.6667 + 0.4082 = 1.0748 > 1.
        SessionPlan plan = plan(70.0, new Solution(15.0, "Xylocaine", 1.0), 10.0,
                new Solution(15.0, "lidocaine HCl", 1.0), 10.0,
                new Solution(15.0, "lidocaine with adrenaline", 1.0), 20.0);
        Finding f = only(plan, "anaesthetic-dose");
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.key()).isEqualTo("anaesthetic-dose");
        assertThat(f.measured()).isCloseTo(100 * (200.0 / 300 + 200.0 / 490), EXACT);
        assertThat(f.limit()).isEqualTo(100.0);
        assertThat(f.unit()).isEqualTo("%");
        assertThat(f.message()).isEqualTo("Session: local anaesthetic at 107.5 % of the limit (the drugs' shares "
                + "added): lidocaine 200.0 mg of 300 mg (4.5 mg/kg, at most 300 mg × 70 kg) + lidocaine with "
                + "adrenaline 200.0 mg of 490 mg (7 mg/kg, at most 500 mg × 70 kg)");
        // the same 400 mg, all with adrenaline, is within its 490 mg: no finding (as plain it would be 133 %)
        SessionPlan withAdrenaline = plan(70.0, new Solution(15.0, "Xylocaine with epinephrine 1:100,000", 1.0),
                40.0);
        assertThat(findings(withAdrenaline, "anaesthetic-dose")).isEmpty();
        assertThat(findings(withAdrenaline, "drug-name")).isEmpty();
        assertThat(findings(plan(70.0, new Solution(15.0, "lidocaine", 1.0), 40.0), "anaesthetic-dose"))
                .singleElement().satisfies(g -> assertThat(g.measured()).isCloseTo(400.0 / 3, EXACT));
    }

    @Test
    void bupivacaineIsHeldAgainstItsOwnLimit() {
        // 60 kg: plain bupivacaine min(2 × 60 = 120, 175) = 120 mg. 0.5 % × 25 mL = 125 mg > 120 mg.
        Finding f = only(plan(60.0, new Solution(null, "Bupivacaine", 0.5), 25.0), "anaesthetic-dose");
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.measured()).isCloseTo(100 * 125.0 / 120, EXACT);
        assertThat(f.message()).isEqualTo("Session: local anaesthetic at 104.2 % of the limit: bupivacaine "
                + "125.0 mg of 120 mg (2 mg/kg, at most 175 mg × 60 kg)");
        // 0.5 % × 24 mL = 120 mg: at the limit, not over it (lidocaine's 300 mg would have let 125 mg pass)
        assertThat(findings(plan(60.0, new Solution(null, "Bupivacaine", 0.5), 24.0), "anaesthetic-dose")).isEmpty();
        // 100 kg: min(200, 175) = 175 mg caps it: 0.5 % × 36 mL = 180 mg > 175
        assertThat(only(plan(100.0, new Solution(null, "Marcaine", 0.5), 36.0), "anaesthetic-dose").measured())
                .isCloseTo(100 * 180.0 / 175, EXACT);
    }

    @Test
    void twoAnaestheticsAreCombinedAsFractionsOfEachOnesLimit() {
        // 70 kg: lidocaine 1 % × 20 mL = 200 mg of 300 (0.667); ropivacaine 0.5 % × 15 mL = 75 mg of min(3 × 70
        // = 210, 200) = 200 (0.375): each alone within its limit, together 1.042 > 1.
        SessionPlan both = plan(70.0, new Solution(15.0, "lidocaine", 1.0), 20.0,
                new Solution(null, "Naropin", 0.5), 15.0);
        Finding f = only(both, "anaesthetic-dose");
        assertThat(f.measured()).isCloseTo(100 * (200.0 / 300 + 75.0 / 200), EXACT);
        assertThat(f.message()).contains("lidocaine 200.0 mg of 300 mg").contains("ropivacaine 75.0 mg of 200 mg");
        assertThat(findings(plan(70.0, new Solution(15.0, "lidocaine", 1.0), 20.0), "anaesthetic-dose")).isEmpty();
        assertThat(findings(plan(70.0, new Solution(null, "ropivacaine", 0.5), 15.0), "anaesthetic-dose")).isEmpty();
        // 10 mL of ropivacaine: 0.667 + 0.25 = 0.917: within
        assertThat(findings(plan(70.0, new Solution(15.0, "lidocaine", 1.0), 20.0,
                new Solution(null, "ropivacaine", 0.5), 10.0), "anaesthetic-dose")).isEmpty();
    }

    @Test
    void anAnaestheticNotInTheTableIsAViolationUntilTheClinicAddsIt() {
        SessionPlan plan = plan(70.0, new Solution(15.0, "articaine", 1.0), 1.0);
        Finding f = only(plan, "drug-name");
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.key()).isEqualTo("drug-name/" + plan.injections().get(0).id());
        assertThat(f.injectionId()).isEqualTo(plan.injections().get(0).id());
        assertThat(f.message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): cannot be certified: the "
                + "local anaesthetic \"articaine\" "
                + "is not in the clinic's drug table, so its dose limit is unknown (add it, or a synonym, in Clinic "
                + "Settings)");
        // a name that merely contains a known one is not it
        assertThat(findings(plan(70.0, new Solution(15.0, "lidocaine and prilocaine", 1.0), 1.0), "drug-name"))
                .hasSize(1);
        // once the clinic adds it, it is dosed: 7 mg/kg × 70 kg = 490, at most 500
        List<Anaesthetic> anaesthetics = new ArrayList<>(DrugTable.defaults().anaesthetics());
        anaesthetics.add(Anaesthetic.fromLine("articaine; Septocaine; 5; 350; 7; 500; 0; 4"));
        DrugTable added = DrugTable.defaults().withAnaesthetics(anaesthetics);
        SafetyReport report = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults().withDrugs(added),
                null));
        assertThat(report.findings()).extracting(Finding::check).doesNotContain("drug-name", "anaesthetic-dose");
    }

    @Test
    void aMissingWeightIsAViolationWheneverAnAnaestheticIsPlanned() {
        // 1 % × 0.5 mL = 5 mg: far under any limit, yet it cannot be certified without the weight
        Finding f = only(plan(null, new Solution(15.0, "lidocaine", 1.0), 0.5), "patient-weight");
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.key()).isEqualTo("patient-weight");
        assertThat(f.message()).isEqualTo("Session: cannot be certified: the patient's weight is not entered, and "
                + "the local anaesthetic dose limits are per kg (lidocaine 5.0 mg planned)");
        assertThat(findings(plan(null, new Solution(15.0, "lidocaine", 1.0), 0.5), "anaesthetic-dose")).isEmpty();
        // without a weight the absolute maximum still applies: 1 % × 40 mL = 400 mg > 300 mg
        assertThat(only(plan(null, new Solution(15.0, "lidocaine", 1.0), 40.0), "anaesthetic-dose").message())
                .endsWith("lidocaine 400.0 mg of 300 mg (its maximum; weight not entered)");
        // dextrose alone needs no weight
        assertThat(findings(plan(null, new Solution(15.0, null, null), 0.5), "patient-weight")).isEmpty();
    }

    @Test
    void dextrose50AndLidocaine10PercentAreOutsideTheConcentrationRange() {
        SessionPlan plan = plan(70.0, new Solution(50.0, null, null), 0.5, new Solution(null, "lidocaine", 10.0), 0.5);
        List<Finding> found = findings(plan, "concentration");
        assertThat(found).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.VIOLATION));
        assertThat(found.get(0).key()).isEqualTo("concentration/" + plan.injections().get(0).id() + "/dextrose");
        assertThat(found.get(0).measured()).isEqualTo(50.0);
        assertThat(found.get(0).limit()).isEqualTo(30.0);
        assertThat(found.get(0).message()).isEqualTo("Injection 1, T1 (Iliolumbar ligament): dextrose 50 % is "
                + "outside the 0–30 % the "
                + "clinic allows for injection");
        assertThat(found.get(1).key()).isEqualTo("concentration/" + plan.injections().get(1).id() + "/anaesthetic");
        assertThat(found.get(1).measured()).isEqualTo(10.0);
        assertThat(found.get(1).limit()).isEqualTo(2.0);
        assertThat(found.get(1).message()).endsWith("lidocaine 10 % is outside the 0–2 % the clinic allows for "
                + "injection");
        // the Yelland and Hackett-Hemwall solutions are inside
        assertThat(findings(plan(70.0, new Solution(20.0, "lignocaine", 0.2), 0.5,
                new Solution(15.0, "lidocaine", 0.2), 0.5), "concentration")).isEmpty();
    }

    @Test
    void anUncalibratedSiteStillHasItsSolutionChecked() {
        SessionPlan plan = draft();
        Target t = target(1, 50, 300, MeasuredCalibration.UNCALIBRATED);
        Injection i = injection(t, null);
        plan = plan.withTarget(t).withInjection(i.prescribed(i.approach(), i.needle(), new Solution(50.0, "xylo", 1.0),
                0.5)).withPatientWeightKg(70.0);
        assertThat(findings(plan, "concentration")).hasSize(1);
        assertThat(findings(plan, "drug-name")).hasSize(1);
    }
}
