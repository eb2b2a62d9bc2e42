package org.injectionplanner.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.order.CostModel;
import org.injectionplanner.order.OrderItem;
import org.injectionplanner.order.OrderProposer;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link OrderProposer#propose} (docs/ordering.md §7): 40 injections on 12 images of a lumbosacral session,
 * free and with 4 locked, which the exact search orders (the requirement: under 50 ms); and 100 injections
 * on 40 images, which the local search orders.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderProposalBenchmark {

    private final CostModel model = CostModel.defaults();
    private List<OrderItem> twelveImages;
    private List<OrderItem> twelveImagesFourLocked;
    private List<OrderItem> fortyImages;

    /** Builds the sessions, current orders shuffled with fixed seeds. */
    @Setup
    public void setUp() {
        twelveImages = lumbosacralSession(new Random(12), 0);
        twelveImagesFourLocked = lumbosacralSession(new Random(12), 4);
        fortyImages = randomSession(new Random(40), 40, 100);
        check(twelveImages, 40);
        check(twelveImagesFourLocked, 40);
        check(fortyImages, 100);
    }

    /** 40 injections on 12 images, none locked. */
    @Benchmark
    public List<UUID> fortyInjectionsOnTwelveImages() {
        return OrderProposer.propose(twelveImages, model);
    }

    /** 40 injections on 12 images, 4 of them locked. */
    @Benchmark
    public List<UUID> fortyInjectionsOnTwelveImagesFourLocked() {
        return OrderProposer.propose(twelveImagesFourLocked, model);
    }

    /** 100 injections on 40 images, 10 locked: the local search. */
    @Benchmark
    public List<UUID> hundredInjectionsOnFortyImages() {
        return OrderProposer.propose(fortyImages, model);
    }

    /**
     * Midline L2/L3 to L5/S1 (4 images of 4 injections: supraspinous, interspinous at two depths, skin),
     * facets L3/L4 to L5/S1 and the iliolumbar ligament at L5 on both sides (8 images of 3: skin wheal,
     * capsule, periosteum): 40 injections.
     */
    private static List<OrderItem> lumbosacralSession(Random random, int locked) {
        List<String[]> images = new ArrayList<>();
        for (String level : new String[] {"L2/L3", "L3/L4", "L4/L5", "L5/S1"}) {
            images.add(new String[] {level, "midline", "4", "8", "25", "35"});
        }
        for (String side : new String[] {"left", "right"}) {
            for (String level : new String[] {"L3/L4", "L4/L5", "L5/S1", "L5"}) {
                images.add(new String[] {level, side, "3", "45", "55"});
            }
        }
        int n = 0;
        for (String[] image : images) {
            n += image.length - 2;
        }
        List<Integer> positions = shuffledPositions(random, n);
        List<OrderItem> items = new ArrayList<>();
        for (int g = 0; g < images.size(); g++) {
            String[] image = images.get(g);
            for (int k = 2; k < image.length; k++) {
                int i = items.size();
                items.add(new OrderItem(new UUID(12, i), "1.2.826.0.1.3680043.8.498." + g,
                        SpinalLevel.parse(image[0]), Side.parse(image[1]), Double.valueOf(image[k]), positions.get(i),
                        i % 10 == 3 && i / 10 < locked));
            }
        }
        return items;
    }

    /** {@code images} images at random levels and sides, {@code n} injections, a tenth of them locked. */
    private static List<OrderItem> randomSession(Random random, int images, int n) {
        List<Integer> positions = shuffledPositions(random, n);
        SpinalLevel[] levels = SpinalLevel.values();
        Side[] sides = Side.values();
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int g = i < images ? i : random.nextInt(images);
            Random image = new Random(g);
            items.add(new OrderItem(new UUID(40, i), "1.2.826.0.1.3680043.8.498." + g,
                    levels[image.nextInt(levels.length)], sides[image.nextInt(sides.length)],
                    (double) random.nextInt(80), positions.get(i), i % 10 == 7));
        }
        return items;
    }

    private static List<Integer> shuffledPositions(Random random, int n) {
        List<Integer> positions = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            positions.add(p);
        }
        Collections.shuffle(positions, random);
        return positions;
    }

    private void check(List<OrderItem> items, int n) {
        List<UUID> order = OrderProposer.propose(items, model);
        if (items.size() != n || new HashSet<>(order).size() != n) {
            throw new IllegalStateException("the benchmark session does not order to " + n + " injections");
        }
        for (OrderItem item : items) {
            if (item.locked() && !order.get(item.currentPosition() - 1).equals(item.id())) {
                throw new IllegalStateException("a locked injection moved");
            }
        }
    }
}
