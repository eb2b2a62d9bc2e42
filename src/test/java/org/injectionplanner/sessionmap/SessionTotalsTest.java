package org.injectionplanner.sessionmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.injectionplanner.plan.ClinicSettings;
import org.injectionplanner.plan.DrugTable;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Solution;
import org.injectionplanner.plan.Target;
import org.injectionplanner.safety.DrugDoses;
import org.injectionplanner.safety.Finding;
import org.injectionplanner.safety.SafetyChecks;
import org.injectionplanner.safety.SafetyContext;
import org.junit.jupiter.api.Test;

/** A session's totals: volume in all, and mg and mL per drug, never across drugs. */
class SessionTotalsTest {

    private static final DrugTable DRUGS = DrugTable.defaults();

    /** One injection per solution and volume, at targets 1, 2, …, in that order. */
    private static SessionPlan plan(Object... solutionAndVolume) {
        SessionPlan plan = PlanFixtures.draft();
        for (int k = 0; k < solutionAndVolume.length; k += 2) {
            Target t = PlanFixtures.target(k / 2 + 1, 10 + 20 * k, 10, MeasuredCalibration.UNCALIBRATED);
            Injection i = PlanFixtures.injection(t, null);
            plan = plan.withTarget(t).withInjection(i.prescribed(i.approach(), i.needle(),
                    (Solution) solutionAndVolume[k], (Double) solutionAndVolume[k + 1]));
        }
        return plan;
    }

    @Test
    void anaestheticsAreSummedPerDrugInMgAndMl() {
        // lidocaine 1 % × 2 mL = 20 mg; Lignocaine (the same drug) 1 % × 1 mL = 10 mg; bupivacaine 0.25 % × 4 mL
        // = 10 mg; dextrose alone 1 mL: no anaesthetic
        SessionPlan plan = plan(new Solution(15.0, "lidocaine", 1.0), 2.0, new Solution(null, "Bupivacaine", 0.25),
                4.0, new Solution(12.5, "Lignocaine", 1.0), 1.0, new Solution(15.0, null, null), 1.0);
        SessionTotals totals = SessionTotals.of(plan, DRUGS);
        assertThat(totals.injections()).isEqualTo(4);
        assertThat(totals.volumeMl()).isCloseTo(8.0, within(1e-9));
        assertThat(totals.anaesthetics()).extracting(DrugDoses.Dose::drug).containsExactly("lidocaine", "bupivacaine");
        assertThat(totals.anaesthetics().get(0).mg()).isCloseTo(30.0, within(1e-9));
        assertThat(totals.anaesthetics().get(0).volumeMl()).isCloseTo(3.0, within(1e-9));
        assertThat(totals.anaesthetics().get(1).mg()).isCloseTo(10.0, within(1e-9));
        assertThat(totals.anaesthetics().get(1).volumeMl()).isCloseTo(4.0, within(1e-9));
        assertThat(totals.text()).isEqualTo("Totals: 4 injections, 8.00 mL; lidocaine 30.0 mg in 3.00 mL; "
                + "bupivacaine 10.0 mg in 4.00 mL");
    }

    @Test
    void brandNamesSaltsAndTheFormWithAdrenalineAreTotalledUnderTheTablesName() {
        // Xylocaine 1 % × 1 mL = 10 mg, lidocaine HCl 1 % × 2 mL = 20 mg, Lignocaine with adrenaline 1 % × 3 mL
        // = 30 mg: 60 mg of lidocaine, 30 of them with adrenaline; Marcaine 0.5 % × 2 mL = 10 mg of bupivacaine
        SessionPlan plan = plan(new Solution(15.0, "Xylocaine", 1.0), 1.0, new Solution(15.0, "lidocaine HCl", 1.0),
                2.0, new Solution(15.0, "Lignocaine with adrenaline 1:200,000", 1.0), 3.0,
                new Solution(null, "Marcaine", 0.5), 2.0);
        SessionTotals totals = SessionTotals.of(plan, DRUGS);
        assertThat(totals.anaesthetics()).extracting(DrugDoses.Dose::drug).containsExactly("lidocaine", "bupivacaine");
        assertThat(totals.anaesthetics().get(0).mg()).isCloseTo(60.0, within(1e-9));
        assertThat(totals.anaesthetics().get(0).vasoconstrictorMg()).isCloseTo(30.0, within(1e-9));
        assertThat(totals.text()).isEqualTo("Totals: 4 injections, 8.00 mL; lidocaine 60.0 mg in 6.00 mL; "
                + "bupivacaine 10.0 mg in 2.00 mL");
    }

    @Test
    void theTotalsAreWhatTheDoseCheckHoldsAgainstItsLimits() {
        // 2 × 10 mL of lidocaine 1 % = 200 mg and Lignocaine 1 % 12 mL = 120 mg: 320 mg of one drug, of a
        // 300 mg limit at 70 kg (4.5 mg/kg × 70 = 315, at most 300); bupivacaine 0.5 % × 3 mL = 15 mg of 140 mg
        // (2 mg/kg × 70 kg): together 320/300 + 15/140 = 117.4 %
        SessionPlan plan = plan(new Solution(15.0, "lidocaine", 1.0), 10.0, new Solution(15.0, "lidocaine", 1.0),
                10.0, new Solution(15.0, "Lignocaine", 1.0), 12.0, new Solution(null, "bupivacaine", 0.5), 3.0)
                .withPatientWeightKg(70.0);
        SessionTotals totals = SessionTotals.of(plan, DRUGS);
        var doses = SafetyChecks.check(plan, SafetyContext.of(ClinicSettings.defaults(), null)).findings().stream()
                .filter(f -> f.check().equals("anaesthetic-dose")).toList();
        assertThat(doses).extracting(Finding::key).containsExactly("anaesthetic-dose");
        double fraction = totals.anaesthetics().stream().mapToDouble(d -> d.fraction(70.0)).sum();
        assertThat(doses.get(0).measured()).isCloseTo(100 * fraction, within(1e-9));
        assertThat(fraction).isCloseTo(320.0 / 300 + 15.0 / 140, within(1e-9));
        assertThat(totals.anaesthetics().get(0).mg()).isCloseTo(320.0, within(1e-9));
    }

    @Test
    void aSessionWithoutAnaestheticSaysSo() {
        SessionTotals totals = SessionTotals.of(plan(new Solution(15.0, null, null), 0.5), DRUGS);
        assertThat(totals.anaesthetics()).isEmpty();
        assertThat(totals.text()).isEqualTo("Totals: 1 injections, 0.50 mL; no local anaesthetic");
        assertThat(SessionTotals.of(PlanFixtures.draft(), DRUGS).text()).isEqualTo("Totals: 0 injections, 0.00 mL; "
                + "no local anaesthetic");
    }
}
