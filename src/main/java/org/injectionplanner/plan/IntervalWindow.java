package org.injectionplanner.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The intended interval between two sessions of a course, in whole days: from {@code minDays} to
 * {@code maxDays} inclusive. The clinic's window is {@link ClinicSettings#intervalWindow()}.
 *
 * @param minDays fewest days (the interval safety limit)
 * @param maxDays most days
 */
public record IntervalWindow(int minDays, int maxDays) {

    public IntervalWindow {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException("the interval window needs 0 ≤ shortest ≤ longest, got " + minDays
                    + "–" + maxDays + " days (the shortest is the interval safety limit)");
        }
    }

    /** Days from {@code from} to {@code to} (negative if {@code to} is earlier). */
    public static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** True when {@code days} lies in the window. */
    public boolean contains(long days) {
        return days >= minDays && days <= maxDays;
    }

    /** The first day a session after one on {@code previous} is due. */
    public LocalDate earliestAfter(LocalDate previous) {
        return previous.plusDays(minDays);
    }

    /** The last day a session after one on {@code previous} is due. */
    public LocalDate latestAfter(LocalDate previous) {
        return previous.plusDays(maxDays);
    }
}
