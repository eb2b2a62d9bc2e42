package org.injectionplanner.sessionmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.injectionplanner.plan.Injection;
import org.injectionplanner.plan.Needle;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Solution;

/**
 * The nurse's drawing-up list of a session: the syringes to fill, one per solution and concentration with the
 * total volume of it the session's injections give, and the needles to lay out, by gauge and length with how
 * many. In the order each first occurs in the session order. Volumes in mL.
 *
 * @param syringes per solution (as entered: the same drug under two names is two syringes)
 * @param needles per needle
 */
public record DrawingUp(List<Syringe> syringes, List<NeedleCount> needles) {

    public DrawingUp {
        syringes = List.copyOf(syringes);
        needles = List.copyOf(needles);
    }

    /**
     * One solution to draw up.
     *
     * @param solution what it holds
     * @param sites how many injections give it
     * @param totalMl their volume in all, mL
     */
    public record Syringe(Solution solution, int sites, double totalMl) {
    }

    /**
     * One kind of needle to lay out.
     *
     * @param needle gauge and length
     * @param count how many injections use it
     */
    public record NeedleCount(Needle needle, int count) {
    }

    /** The drawing-up list of all the plan's injections, in session order. */
    public static DrawingUp of(SessionPlan plan) {
        Map<Solution, double[]> solutions = new LinkedHashMap<>();
        Map<Needle, int[]> needles = new LinkedHashMap<>();
        for (Injection i : plan.injections()) {
            double[] s = solutions.computeIfAbsent(i.solution(), k -> new double[2]);
            s[0]++;
            s[1] += i.volumeMl();
            needles.computeIfAbsent(i.needle(), k -> new int[1])[0]++;
        }
        List<Syringe> syringes = new ArrayList<>();
        solutions.forEach((solution, s) -> syringes.add(new Syringe(solution, (int) s[0], s[1])));
        List<NeedleCount> counts = new ArrayList<>();
        needles.forEach((needle, n) -> counts.add(new NeedleCount(needle, n[0])));
        return new DrawingUp(syringes, counts);
    }

    /**
     * The list as lines: "Draw up: dextrose 15 % + lidocaine 0.2 %, 4.50 mL (9 sites)" per syringe, then
     * "Needles: 22 G × 90 mm × 9, 25 G × 38 mm × 1"; "Draw up: nothing planned" without injections.
     */
    public List<String> lines() {
        if (syringes.isEmpty()) {
            return List.of("Draw up: nothing planned");
        }
        List<String> out = new ArrayList<>();
        for (Syringe s : syringes) {
            out.add(String.format(Locale.ROOT, "Draw up: %s, %.2f mL (%d site%s)", s.solution().description(),
                    s.totalMl(), s.sites(), s.sites() == 1 ? "" : "s"));
        }
        out.add("Needles: " + String.join(", ", needles.stream().map(n -> n.needle() + " × " + n.count()).toList()));
        return out;
    }
}
