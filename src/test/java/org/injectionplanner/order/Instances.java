package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;

/** Random sessions to order: images of 1 to 4 injections at random levels, sides and depths. */
final class Instances {

    /** What an injection is, before it gets an id, image and position. */
    record Site(SpinalLevel level, Side side, Double depthMm, boolean locked, ProbeOrientation orientation) {
    }

    private Instances() {
    }

    /** An injection with id {@code new UUID(0, number)} on image {@code "1.2.3." + image}. */
    static OrderItem item(int number, int image, SpinalLevel level, Side side, Double depthMm, int position,
            boolean locked) {
        return item(number, image, level, side, depthMm, position, locked, ProbeOrientation.UNKNOWN);
    }

    /** {@link #item} on an image in a known orientation. */
    static OrderItem item(int number, int image, SpinalLevel level, Side side, Double depthMm, int position,
            boolean locked, ProbeOrientation orientation) {
        return new OrderItem(new UUID(0, number), "1.2.3." + image, level, side, depthMm, position, locked,
                orientation);
    }

    /**
     * Sessions of 1 to {@code maxImages} images with 1 to 4 injections each, in a random current order,
     * each injection locked with probability {@code lockedPercent} %; an image's orientation is its first
     * site's.
     */
    static Arbitrary<List<OrderItem>> sessions(int maxImages, int lockedPercent) {
        return sessions(maxImages, lockedPercent, Arbitraries.of(Side.class));
    }

    /** {@link #sessions(int, int)} with sites on the given sides. */
    static Arbitrary<List<OrderItem>> sessions(int maxImages, int lockedPercent, Arbitrary<Side> sides) {
        Arbitrary<Site> site = Combinators.combine(
                Arbitraries.of(SpinalLevel.class).injectNull(0.15),
                sides,
                Arbitraries.integers().between(0, 80).map(Double::valueOf).injectNull(0.2),
                Arbitraries.integers().between(1, 100).map(p -> p <= lockedPercent),
                Arbitraries.of(ProbeOrientation.class))
                .as(Site::new);
        return site.list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform())
                .list().ofMinSize(1).ofMaxSize(maxImages).withSizeDistribution(RandomDistribution.uniform())
                .flatMap(images -> {
                    int n = images.stream().mapToInt(List::size).sum();
                    List<Integer> positions = new ArrayList<>();
                    for (int p = 1; p <= n; p++) {
                        positions.add(p);
                    }
                    return Arbitraries.shuffle(positions).map(order -> build(images, order));
                });
    }

    /** The default cost model, or one with weights that make ties likely. */
    static Arbitrary<CostModel> models() {
        Arbitrary<Double> weight = Arbitraries.of(0.0, 0.5, 1.0, 3.0, 10.0, 20.0);
        return Arbitraries.oneOf(Arbitraries.just(CostModel.defaults()),
                Combinators.combine(weight, weight, weight, weight, weight).as(CostModel::new));
    }

    private static List<OrderItem> build(List<List<Site>> images, List<Integer> positions) {
        List<OrderItem> items = new ArrayList<>();
        for (int image = 0; image < images.size(); image++) {
            ProbeOrientation orientation = images.get(image).get(0).orientation();
            for (Site s : images.get(image)) {
                int number = items.size() + 1;
                items.add(item(number, image, s.level(), s.side(), s.depthMm(), positions.get(number - 1),
                        s.locked(), orientation));
            }
        }
        return items;
    }
}
