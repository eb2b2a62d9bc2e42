package org.injectionplanner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.injectionplanner.plan.SpinalLevel;

/**
 * The spinal levels an image's description names, read leniently: a vertebra ("L4", "S1", "T12") or a range of
 * them ("L4-L5", "L4/5", "L4–L5", "L5 to S1", "l4-l5"), anywhere in the text, as whole words. A range covers
 * its vertebrae and the interspaces between them ("L4-L5": L4, L4/L5 and L5); a single vertebra only itself.
 * Letters and numbers that are no lumbosacral vertebra (e.g. "L7", "T4") name nothing.
 */
final class SeriesLevels {

    private static final Pattern LEVEL = Pattern.compile(
            "\\b([TLS])(\\d{1,2})(?:\\s*(?:-|/|–|\\bTO\\b)\\s*([TLS])?(\\d{1,2}))?\\b");

    /** Closed ranges of positions in {@link SpinalLevel}'s order (vertebrae and interspaces alternate there). */
    private final List<int[]> ranges;

    private SeriesLevels(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /** The levels {@code description} names (none for null). */
    static SeriesLevels of(String description) {
        List<int[]> ranges = new ArrayList<>();
        if (description != null) {
            Matcher m = LEVEL.matcher(description.toUpperCase(Locale.ROOT));
            while (m.find()) {
                int from = position(m.group(1), m.group(2));
                int to = m.group(4) == null ? from
                        : position(m.group(3) == null ? m.group(1) : m.group(3), m.group(4));
                if (from != NONE && to != NONE) {
                    ranges.add(new int[] {Math.min(from, to), Math.max(from, to)});
                }
            }
        }
        return new SeriesLevels(List.copyOf(ranges));
    }

    private static final int NONE = Integer.MIN_VALUE;

    /** The position of a vertebra in {@link SpinalLevel}'s order (T12 just before T12/L1), or {@link #NONE}. */
    private static int position(String region, String number) {
        if (region.equals("T")) {
            return number.equals("12") ? SpinalLevel.T12_L1.ordinal() - 1 : NONE;
        }
        try {
            return SpinalLevel.valueOf(region + Integer.parseInt(number)).ordinal();
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    /** Whether the description names any level. */
    boolean namesAny() {
        return !ranges.isEmpty();
    }

    /** Whether a target at {@code level} lies within what the description names. */
    boolean covers(SpinalLevel level) {
        int p = level.ordinal();
        return ranges.stream().anyMatch(r -> r[0] <= p && p <= r[1]);
    }
}
