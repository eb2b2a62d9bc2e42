package org.injectionplanner.order;

import java.util.Collection;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;

/**
 * Where the probe is on the back for an image, in the two coordinates the cost model prices
 * (docs/ordering.md §2.1).
 *
 * @param level cranio-caudal position in vertebral segments, growing caudally: L1 = 1, L1/L2 = 1.5, ...,
 *        L5 = 5, L5/S1 = 5.5, S1 = 6, S2 = 7, S3 = 8, S4 = 9, T12/L1 = 0.5; null when unknown
 * @param side position across the back: -1 the patient's left, 0 the midline, +1 the patient's right
 * @param orientation how the probe lies
 */
public record ProbePosition(Double level, double side, ProbeOrientation orientation) {

    public ProbePosition {
        if (level != null && !Double.isFinite(level)) {
            throw new IllegalArgumentException("a probe level must be finite, got " + level);
        }
        if (!(side >= -1 && side <= 1)) {
            throw new IllegalArgumentException("a probe side lies in [-1, 1], got " + side);
        }
        if (orientation == null) {
            throw new IllegalArgumentException("a probe position needs an orientation (UNKNOWN if none)");
        }
    }

    /** A position whose orientation is not known. */
    public ProbePosition(Double level, double side) {
        this(level, side, ProbeOrientation.UNKNOWN);
    }

    /**
     * The probe position of an image: the mean level of its injections that have a level (null if none
     * has), the mean of their side coordinates, and their orientation ({@link ProbeOrientation#UNKNOWN}
     * if they disagree).
     *
     * @param itemsOnOneImage the injections on the image, at least one
     */
    public static ProbePosition of(Collection<OrderItem> itemsOnOneImage) {
        if (itemsOnOneImage.isEmpty()) {
            throw new IllegalArgumentException("an image position needs at least one injection");
        }
        double levelSum = 0;
        int levels = 0;
        double sideSum = 0;
        ProbeOrientation orientation = itemsOnOneImage.iterator().next().orientation();
        for (OrderItem item : itemsOnOneImage) {
            if (item.orientation() != orientation) {
                orientation = ProbeOrientation.UNKNOWN;
            }
            if (item.level() != null) {
                levelSum += segments(item.level());
                levels++;
            }
            sideSum += side(item.side());
        }
        return new ProbePosition(levels == 0 ? null : levelSum / levels, sideSum / itemsOnOneImage.size(),
                orientation);
    }

    /**
     * Where a session starts: at the most cranial level of any of the injections (null if none has a
     * level), on the midline, in no particular orientation.
     *
     * @param allItems all injections of the session
     */
    public static ProbePosition start(Collection<OrderItem> allItems) {
        Double top = null;
        for (OrderItem item : allItems) {
            if (item.level() != null && (top == null || segments(item.level()) < top)) {
                top = segments(item.level());
            }
        }
        return new ProbePosition(top, 0, ProbeOrientation.UNKNOWN);
    }

    /** The cranio-caudal coordinate of a level in vertebral segments (see {@link #level()}). */
    public static double segments(SpinalLevel level) {
        return switch (level) {
            case T12_L1 -> 0.5;
            case L1 -> 1;
            case L1_L2 -> 1.5;
            case L2 -> 2;
            case L2_L3 -> 2.5;
            case L3 -> 3;
            case L3_L4 -> 3.5;
            case L4 -> 4;
            case L4_L5 -> 4.5;
            case L5 -> 5;
            case L5_S1 -> 5.5;
            case S1 -> 6;
            case S2 -> 7;
            case S3 -> 8;
            case S4 -> 9;
        };
    }

    /** The side coordinate: -1 left, 0 midline, +1 right. */
    public static double side(Side side) {
        return switch (side) {
            case LEFT -> -1;
            case MIDLINE -> 0;
            case RIGHT -> 1;
        };
    }
}
