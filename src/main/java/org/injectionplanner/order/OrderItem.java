package org.injectionplanner.order;

import java.util.UUID;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;

/**
 * One injection as the order proposal sees it (docs/ordering.md).
 *
 * @param id the injection's identity
 * @param groupKey the image the injection is planned on (its SOP Instance UID); the injections of one
 *        image form a group, which the proposal keeps together
 * @param level the spinal level of the site, or null where none applies or it is not known
 * @param side the patient's side of the site
 * @param depthMm depth of the target below the skin line in mm, or null when uncalibrated or not known
 * @param currentPosition the injection's position in the current order, 1-based
 * @param locked whether the injection keeps {@code currentPosition} in a proposal
 * @param orientation the probe's orientation on the injection's image ({@link ProbeOrientation#UNKNOWN}
 *        when not known); the injections of one image share it
 */
public record OrderItem(UUID id, String groupKey, SpinalLevel level, Side side, Double depthMm,
        int currentPosition, boolean locked, ProbeOrientation orientation) {

    public OrderItem {
        if (id == null) {
            throw new IllegalArgumentException("an injection to order needs an id");
        }
        if (groupKey == null || groupKey.isBlank()) {
            throw new IllegalArgumentException("injection " + id + " needs the SOP Instance UID of its image");
        }
        if (side == null) {
            throw new IllegalArgumentException("injection " + id + " needs a side");
        }
        if (depthMm != null && !(Double.isFinite(depthMm) && depthMm >= 0)) {
            throw new IllegalArgumentException("injection " + id + ": depth must be a finite number of mm >= 0, got "
                    + depthMm);
        }
        if (orientation == null) {
            throw new IllegalArgumentException("injection " + id + " needs a probe orientation (UNKNOWN if none)");
        }
        if (currentPosition < 1) {
            throw new IllegalArgumentException("injection " + id + ": positions start at 1, got " + currentPosition);
        }
    }

    /** An injection on an image whose probe orientation is not known. */
    public OrderItem(UUID id, String groupKey, SpinalLevel level, Side side, Double depthMm, int currentPosition,
            boolean locked) {
        this(id, groupKey, level, side, depthMm, currentPosition, locked, ProbeOrientation.UNKNOWN);
    }
}
