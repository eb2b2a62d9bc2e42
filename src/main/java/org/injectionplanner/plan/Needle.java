package org.injectionplanner.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A needle by gauge and length.
 *
 * @param gauge Birmingham gauge, e.g. 25 for 25 G (10 to 34)
 * @param lengthMm shaft length in mm, or null where the physician has not entered it
 */
public record Needle(int gauge, Double lengthMm) {

    /** "25g", "27 g 38mm", "22g 3.5 in", lower case with single spaces. */
    private static final Pattern WRITTEN = Pattern.compile("(\\d+) ?g?(?: (\\d+(?:\\.\\d+)?) ?(mm|in|\"))?");

    /** Millimetres per inch: needle lengths are often given in inches. */
    public static final double MM_PER_INCH = 25.4;

    public Needle {
        if (gauge < 10 || gauge > 34) {
            throw new IllegalArgumentException("needle gauge must be 10 to 34 G, got " + gauge);
        }
        if (lengthMm != null && !(Double.isFinite(lengthMm) && lengthMm > 0 && lengthMm <= 300)) {
            throw new IllegalArgumentException("needle length must be more than 0 and at most 300 mm, got " + lengthMm);
        }
    }

    /**
     * Parses "25G", "27 G 38mm", "22 G 3.5 in", "25" (gauge only) case-insensitively.
     *
     * @throws IllegalArgumentException naming the text if it is not a needle
     */
    public static Needle parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = WRITTEN.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read needle '" + text
                    + "': write the gauge and optionally the length, e.g. 25G, 27G 38mm or 22G 3.5in");
        }
        int gauge = Integer.parseInt(m.group(1));
        Double length = null;
        if (m.group(2) != null) {
            double value = Double.parseDouble(m.group(2));
            length = m.group(3).equals("mm") ? value : value * MM_PER_INCH;
        }
        return new Needle(gauge, length);
    }

    /** As {@link #parse} reads it: "25G" or "25G 38.1mm". */
    public String toText() {
        return gauge + "G" + (lengthMm == null ? "" : " " + Decimals.text(lengthMm, 6) + "mm");
    }

    /**
     * The needle as the session map, the Plan Panel and the exports show it: "25 G × 38 mm", "22 G × 88.9 mm",
     * or "25 G, length not entered". The one short form of a needle.
     */
    @Override
    public String toString() {
        return gauge + " G" + (lengthMm == null ? ", length not entered" : " × " + Decimals.text(lengthMm, 1) + " mm");
    }

    /** E.g. "25 G × 38.1 mm (1.5 in)" or "25 G, length not entered". */
    public String description() {
        if (lengthMm == null) {
            return gauge + " G, length not entered";
        }
        return gauge + " G × " + Decimals.text(lengthMm, 1) + " mm (" + Decimals.text(lengthMm / MM_PER_INCH, 2)
                + " in)";
    }
}
