package org.injectionplanner.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.junit.jupiter.api.Test;

/**
 * The local search above {@link OrderProposer#EXACT_GROUP_LIMIT} images against the exact optimum on
 * 16 to 18 images (docs/ordering.md §6): without locks the optimum comes from this test's own Held–Karp
 * over images, with locks from the proposer's exact search forced beyond its limit. Prints the worst gap.
 */
class HeuristicGapTest {

    private static final double[] WEIGHTS = {0.5, 1, 3, 10, 20};
    private static final int INSTANCES_PER_SIZE = 10;
    private static final double WORST_ALLOWED_GAP = 0.02;

    @Test
    void theExactSearchMatchesAnIndependentHeldKarpUpToItsLimit() {
        Random random = new Random(20261126);
        for (int images = 12; images <= OrderProposer.EXACT_GROUP_LIMIT; images++) {
            List<OrderItem> items = session(random, images, 0);
            CostModel model = model(random, images);
            double proposed = model.cost(OrderProposerPropertiesTest.sequence(items, OrderProposer.propose(items,
                    model)));

            assertThat(proposed).isCloseTo(optimumWithoutLocks(items, model), within(1e-6));
        }
    }

    @Test
    void withoutLocksTheLocalSearchIsCloseToTheOptimum() {
        Random random = new Random(1);
        Gaps gaps = new Gaps();
        for (int images = 16; images <= 18; images++) {
            for (int i = 0; i < INSTANCES_PER_SIZE; i++) {
                List<OrderItem> items = session(random, images, 0);
                CostModel model = model(random, i);
                List<UUID> order = OrderProposer.propose(items, model);
                OrderProposerPropertiesTest.assertEachOnce(items, order);
                OrderProposerPropertiesTest.assertImagesContiguous(items, order);
                double fewestChanges = (images - 1) * model.imageChangeWeight();
                gaps.add(model.cost(OrderProposerPropertiesTest.sequence(items, order)),
                        optimumWithoutLocks(items, model), fewestChanges);
            }
        }
        gaps.report("without locks, 16-18 images");
        assertThat(gaps.worst).isLessThanOrEqualTo(WORST_ALLOWED_GAP);
    }

    @Test
    void withLocksTheLocalSearchIsCloseToTheOptimum() {
        Random random = new Random(2);
        Gaps gaps = new Gaps();
        for (int images = 16; images <= 18; images++) {
            for (int i = 0; i < INSTANCES_PER_SIZE; i++) {
                List<OrderItem> items = session(random, images, 10);
                CostModel model = model(random, i);
                List<UUID> order = OrderProposer.propose(items, model);
                OrderProposerPropertiesTest.assertEachOnce(items, order);
                OrderProposerPropertiesTest.assertLockedInPlace(items, order);
                OrderProposerPropertiesTest.assertFreeBlocks(items, order);
                List<UUID> exact = OrderProposer.propose(items, model, 18, LocalSearch.WINDOW);
                double fewestChanges = (images - 1) * model.imageChangeWeight();
                gaps.add(model.cost(OrderProposerPropertiesTest.sequence(items, order)),
                        model.cost(OrderProposerPropertiesTest.sequence(items, exact)), fewestChanges);
            }
        }
        gaps.report("with locks, 16-18 images");
        assertThat(gaps.worst).isLessThanOrEqualTo(WORST_ALLOWED_GAP);
    }

    /** The default model for even {@code i}, else random weights. */
    private static CostModel model(Random random, int i) {
        if (i % 2 == 0) {
            return CostModel.defaults();
        }
        return new CostModel(WEIGHTS[random.nextInt(WEIGHTS.length)], WEIGHTS[random.nextInt(WEIGHTS.length)],
                WEIGHTS[random.nextInt(WEIGHTS.length)], WEIGHTS[random.nextInt(WEIGHTS.length)],
                WEIGHTS[random.nextInt(WEIGHTS.length)]);
    }

    /** A session on {@code images} images of 1 to 4 injections, each locked with {@code lockedPercent} %. */
    static List<OrderItem> session(Random random, int images, int lockedPercent) {
        List<Integer> counts = new ArrayList<>();
        for (int g = 0; g < images; g++) {
            counts.add(1 + random.nextInt(4));
        }
        int n = counts.stream().mapToInt(Integer::intValue).sum();
        List<Integer> positions = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            positions.add(p);
        }
        Collections.shuffle(positions, random);
        List<OrderItem> items = new ArrayList<>();
        SpinalLevel[] levels = SpinalLevel.values();
        Side[] sides = Side.values();
        for (int g = 0; g < images; g++) {
            for (int k = 0; k < counts.get(g); k++) {
                int number = items.size() + 1;
                SpinalLevel level = random.nextInt(100) < 15 ? null : levels[random.nextInt(levels.length)];
                Double depth = random.nextInt(100) < 20 ? null : (double) random.nextInt(81);
                items.add(Instances.item(number, g, level, sides[random.nextInt(sides.length)], depth,
                        positions.get(number - 1), random.nextInt(100) < lockedPercent));
            }
        }
        return items;
    }

    /** The cheapest order of the images of an unlocked session, by Held–Karp over the images. */
    static double optimumWithoutLocks(List<OrderItem> items, CostModel model) {
        Map<String, List<OrderItem>> byImage = new LinkedHashMap<>();
        items.forEach(item -> byImage.computeIfAbsent(item.groupKey(), k -> new ArrayList<>()).add(item));
        List<ProbePosition> positions = byImage.values().stream().map(ProbePosition::of).toList();
        ProbePosition start = ProbePosition.start(items);
        int m = positions.size();
        double[][] cost = new double[1 << m][m];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int g = 0; g < m; g++) {
            cost[1 << g][g] = model.travel(start, positions.get(g));
        }
        for (int mask = 1; mask < 1 << m; mask++) {
            for (int last = 0; last < m; last++) {
                double c = cost[mask][last];
                if (c == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int next = 0; next < m; next++) {
                    if ((mask & (1 << next)) == 0) {
                        int after = mask | (1 << next);
                        cost[after][next] = Math.min(cost[after][next],
                                c + model.move(positions.get(last), positions.get(next)));
                    }
                }
            }
        }
        return Arrays.stream(cost[(1 << m) - 1]).min().orElseThrow();
    }

    /** Relative gaps of heuristic costs over optimal ones. */
    private static final class Gaps {
        private int count;
        private int optimal;
        private double worst;
        private double worstTravel;
        private double sum;

        /** @param fewestChanges the cost of the fewest image changes any order makes */
        void add(double heuristic, double optimum, double fewestChanges) {
            assertThat(heuristic).isGreaterThanOrEqualTo(optimum - 1e-6);
            double gap = optimum == 0 ? 0 : (heuristic - optimum) / optimum;
            double travel = optimum - fewestChanges;
            double travelGap = travel <= 0 ? 0 : (heuristic - optimum) / travel;
            count++;
            optimal += gap <= 1e-9 ? 1 : 0;
            worst = Math.max(worst, gap);
            worstTravel = Math.max(worstTravel, travelGap);
            sum += gap;
        }

        void report(String what) {
            System.out.printf("HeuristicGapTest %s: optimal in %d of %d, worst gap %.3f %% (%.3f %% of the cost"
                    + " beyond the fewest possible image changes), mean gap %.4f %%%n", what, optimal, count,
                    100 * worst, 100 * worstTravel, 100 * sum / count);
        }
    }
}
