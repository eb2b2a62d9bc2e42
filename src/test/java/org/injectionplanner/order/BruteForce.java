package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimum by enumeration, independent of the proposer's tour machinery: every order of the images'
 * blocks of free injections (each block in {@link CostModel#WITHIN_IMAGE} order) laid into the free
 * positions around the locked injections, priced by {@link CostModel#cost}.
 */
final class BruteForce {

    private BruteForce() {
    }

    /**
     * The current order if no arrangement is cheaper; else, of the cheapest arrangements, the first when
     * blocks are enumerated in order of their earliest current position.
     */
    static List<OrderItem> optimum(List<OrderItem> items, CostModel model) {
        int n = items.size();
        OrderItem[] fixed = new OrderItem[n];
        Map<String, List<OrderItem>> free = new LinkedHashMap<>();
        for (OrderItem item : items) {
            if (item.locked()) {
                fixed[item.currentPosition() - 1] = item;
            } else {
                free.computeIfAbsent(item.groupKey(), k -> new ArrayList<>()).add(item);
            }
        }
        List<List<OrderItem>> blocks = new ArrayList<>(free.values());
        blocks.forEach(block -> block.sort(CostModel.WITHIN_IMAGE));
        blocks.sort(Comparator.comparingInt(block -> block.stream().mapToInt(OrderItem::currentPosition).min()
                .orElseThrow()));
        Search search = new Search(fixed, blocks, model);
        search.extend(new int[blocks.size()], 0, new boolean[blocks.size()]);
        List<OrderItem> current = new ArrayList<>(items);
        current.sort(Comparator.comparingInt(OrderItem::currentPosition));
        double currentCost = model.cost(current);
        return currentCost <= search.bestCost + 1e-9 * Math.max(1, Math.abs(search.bestCost)) ? current : search.best;
    }

    private static final class Search {
        private final OrderItem[] fixed;
        private final List<List<OrderItem>> blocks;
        private final CostModel model;
        private List<OrderItem> best;
        private double bestCost = Double.POSITIVE_INFINITY;

        Search(OrderItem[] fixed, List<List<OrderItem>> blocks, CostModel model) {
            this.fixed = fixed;
            this.blocks = blocks;
            this.model = model;
        }

        void extend(int[] permutation, int depth, boolean[] used) {
            if (depth == permutation.length) {
                List<OrderItem> sequence = lay(permutation);
                double cost = model.cost(sequence);
                if (cost < bestCost - 1e-9 * Math.max(1, Math.abs(cost))) {
                    bestCost = cost;
                    best = sequence;
                }
                return;
            }
            for (int b = 0; b < blocks.size(); b++) {
                if (!used[b]) {
                    used[b] = true;
                    permutation[depth] = b;
                    extend(permutation, depth + 1, used);
                    used[b] = false;
                }
            }
        }

        private List<OrderItem> lay(int[] permutation) {
            OrderItem[] sequence = fixed.clone();
            int p = 0;
            for (int b : permutation) {
                for (OrderItem item : blocks.get(b)) {
                    while (sequence[p] != null) {
                        p++;
                    }
                    sequence[p] = item;
                }
            }
            return Arrays.asList(sequence);
        }
    }
}
