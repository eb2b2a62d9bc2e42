package org.injectionplanner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How the patient-reported outcomes changed from one session to a later one, measure by measure, against
 * the minimal clinically important change (docs/domain.md §4.1: Ostelo et al. 2008, the consensus for low back
 * pain: 2 points on the 0–10 NRS, 10 points on the ODI, 5 on the RMDQ, or 30 % of the earlier value for
 * each). Lower is better on every measure here; PGIC is itself a rating of change and is reported as given.
 *
 * @param changes one per measure both sessions recorded, in the order NRS rest, NRS activity, ODI, RMDQ
 * @param pgic the later session's global impression of change, or null
 */
public record OutcomeChange(List<MeasureChange> changes, Integer pgic) {

    /** Relative change counted as important on every measure, % of the earlier value. */
    public static final double IMPORTANT_PERCENT = 30;

    /** A measure and its minimal clinically important change in points. */
    public enum Measure {
        NRS_REST("nrsRest", 2, o -> o.nrsRest() == null ? null : o.nrsRest().doubleValue()),
        NRS_ACTIVITY("nrsActivity", 2, o -> o.nrsActivity() == null ? null : o.nrsActivity().doubleValue()),
        ODI("odiPercent", 10, Outcomes::odiPercent),
        RMDQ("rmdq", 5, o -> o.rmdq() == null ? null : o.rmdq().doubleValue());

        private final String key;
        private final double importantPoints;
        private final Function<Outcomes, Double> value;

        Measure(String key, double importantPoints, Function<Outcomes, Double> value) {
            this.key = key;
            this.importantPoints = importantPoints;
            this.value = value;
        }

        /** The measure's name in JSON, as in the plan file. */
        public String key() {
            return key;
        }

        /** The minimal clinically important change, points (% points for the ODI). */
        public double importantPoints() {
            return importantPoints;
        }

        /** The measure's value in {@code outcomes}, or null when not recorded. */
        public Double of(Outcomes outcomes) {
            return outcomes == null ? null : value.apply(outcomes);
        }
    }

    /**
     * The change of one measure.
     *
     * @param measure which
     * @param before the earlier session's value
     * @param after the later session's value
     * @param change after − before (negative: better)
     * @param percent the change in % of {@code before}, or null when {@code before} is 0
     * @param verdict improved or worse by at least the important change, or no important change
     */
    public record MeasureChange(Measure measure, double before, double after, double change, Double percent,
            Verdict verdict) {
    }

    /** Whether a change reaches the minimal clinically important change. */
    public enum Verdict {
        IMPROVED, NO_IMPORTANT_CHANGE, WORSE;

        /** The verdict in lower case with spaces, as shown and written. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public OutcomeChange {
        changes = List.copyOf(changes);
    }

    /** The change from {@code before} to {@code after} (either may be null: then nothing is compared). */
    public static OutcomeChange between(Outcomes before, Outcomes after) {
        List<MeasureChange> out = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Double b = m.of(before);
            Double a = m.of(after);
            if (b != null && a != null) {
                double change = a - b;
                Double percent = b == 0 ? null : 100 * change / b;
                out.add(new MeasureChange(m, b, a, change, percent, verdict(m, change, percent)));
            }
        }
        return new OutcomeChange(out, after == null ? null : after.pgic());
    }

    /** The verdict of a change: at least the measure's points, or 30 % of the earlier value, either way. */
    static Verdict verdict(Measure m, double change, Double percent) {
        double tolerance = 1e-9;
        boolean important = Math.abs(change) >= m.importantPoints() - tolerance
                || (percent != null && Math.abs(percent) >= IMPORTANT_PERCENT - tolerance);
        if (!important || change == 0) {
            return Verdict.NO_IMPORTANT_CHANGE;
        }
        return change < 0 ? Verdict.IMPROVED : Verdict.WORSE;
    }
}
