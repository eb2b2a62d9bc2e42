package org.injectionplanner.plan;

/**
 * A clinic's weights for the cost of an order of injections, in arbitrary units (docs/ordering.md §2).
 *
 * @param levelWeight cost per vertebral segment the probe travels cranio-caudally, >= 0
 * @param sideWeight cost of changing the side the needle works from (walking round the table or reaching
 *        across); stepping out from the midline to a side costs half of it, >= 0
 * @param imageChangeWeight cost of every change of image, >= 0
 * @param orientationWeight cost of turning the probe between transverse and longitudinal, >= 0
 * @param reversalWeight cost of going back up (cranially) on the same side, >= 0
 */
public record OrderWeights(double levelWeight, double sideWeight, double imageChangeWeight,
        double orientationWeight, double reversalWeight) {

    public OrderWeights {
        check("level", levelWeight);
        check("side", sideWeight);
        check("image change", imageChangeWeight);
        check("orientation", orientationWeight);
        check("reversal", reversalWeight);
    }

    /**
     * The weights of a clinic that has set none (their rationale is docs/ordering.md §2.5): level 1, side
     * 40, image change 20, orientation 2, reversal 10.
     */
    public static OrderWeights defaults() {
        return new OrderWeights(1, 40, 20, 2, 10);
    }

    private static void check(String name, double weight) {
        if (!(Double.isFinite(weight) && weight >= 0)) {
            throw new IllegalArgumentException("the " + name + " weight must be a finite number >= 0, got " + weight);
        }
    }
}
