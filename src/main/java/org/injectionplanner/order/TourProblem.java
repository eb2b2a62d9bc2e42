package org.injectionplanner.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The proposal as a tour over blocks (docs/ordering.md §3): each image with free injections is one block
 * (its free injections in {@link CostModel#WITHIN_IMAGE} order); locked injections are fixed at their
 * positions; a tour is a sequence of all blocks, whose injections fill the free positions in turn.
 *
 * <p>The cost of placing a block includes the reversals within its image ({@link CostModel#withinImage}),
 * which depend on where its injections fall among the image's locked ones; the reversals within images
 * that have only locked injections are the same in every tour and left out.
 *
 * <p>Blocks are numbered by rank: the smallest current position of their injections, so that block 0
 * comes first in the current order. Positions here are 0-based. Segment costs are computed once and
 * remembered, so an instance is for one thread.
 */
final class TourProblem {

    private static final int NONE = -1;

    private final int size;
    private final OrderItem[] fixedItems;
    private final int[] fixedImage;
    private final int[] freeSlots;
    private final OrderItem[][] blocks;
    private final int[] blockImage;
    private final double[] startCost;
    private final double[][] moveCost;
    private final CostModel model;
    private final double[][] segmentCache;

    private TourProblem(int size, OrderItem[] fixedItems, int[] fixedImage, int[] freeSlots, OrderItem[][] blocks,
            int[] blockImage, double[] startCost, double[][] moveCost, CostModel model) {
        this.size = size;
        this.fixedItems = fixedItems;
        this.fixedImage = fixedImage;
        this.freeSlots = freeSlots;
        this.blocks = blocks;
        this.blockImage = blockImage;
        this.startCost = startCost;
        this.moveCost = moveCost;
        this.model = model;
        this.segmentCache = new double[(blocks.length + 1) * blocks.length][];
    }

    /**
     * The problem for validated items (distinct ids, current positions 1..n).
     */
    static TourProblem of(List<OrderItem> items, CostModel model) {
        int n = items.size();
        List<OrderItem> byPosition = new ArrayList<>(items);
        byPosition.sort(Comparator.comparingInt(OrderItem::currentPosition));
        Map<String, List<OrderItem>> byImage = new LinkedHashMap<>();
        for (OrderItem item : byPosition) {
            byImage.computeIfAbsent(item.groupKey(), k -> new ArrayList<>()).add(item);
        }
        List<String> keys = new ArrayList<>(byImage.keySet());
        ProbePosition start = ProbePosition.start(items);
        int images = keys.size();
        double[] startCost = new double[images];
        ProbePosition[] positions = new ProbePosition[images];
        for (int i = 0; i < images; i++) {
            positions[i] = ProbePosition.of(byImage.get(keys.get(i)));
            startCost[i] = model.travel(start, positions[i]);
        }
        double[][] moveCost = new double[images][images];
        for (int a = 0; a < images; a++) {
            for (int b = 0; b < images; b++) {
                moveCost[a][b] = a == b ? 0 : model.move(positions[a], positions[b]);
            }
        }
        OrderItem[] fixedItems = new OrderItem[n];
        int[] fixedImage = new int[n];
        Arrays.fill(fixedImage, NONE);
        List<Integer> free = new ArrayList<>();
        List<OrderItem[]> blocks = new ArrayList<>();
        List<Integer> blockImages = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            List<OrderItem> freeItems = new ArrayList<>();
            for (OrderItem item : byImage.get(keys.get(i))) {
                if (item.locked()) {
                    fixedItems[item.currentPosition() - 1] = item;
                    fixedImage[item.currentPosition() - 1] = i;
                } else {
                    freeItems.add(item);
                }
            }
            if (!freeItems.isEmpty()) {
                freeItems.sort(CostModel.WITHIN_IMAGE);
                blocks.add(freeItems.toArray(OrderItem[]::new));
                blockImages.add(i);
            }
        }
        for (int p = 0; p < n; p++) {
            if (fixedItems[p] == null) {
                free.add(p);
            }
        }
        Integer[] rank = new Integer[blocks.size()];
        for (int g = 0; g < rank.length; g++) {
            rank[g] = g;
        }
        Arrays.sort(rank, Comparator.comparingInt(g -> firstPosition(blocks.get(g))));
        OrderItem[][] rankedBlocks = new OrderItem[rank.length][];
        int[] rankedImages = new int[rank.length];
        for (int r = 0; r < rank.length; r++) {
            rankedBlocks[r] = blocks.get(rank[r]);
            rankedImages[r] = blockImages.get(rank[r]);
        }
        return new TourProblem(n, fixedItems, fixedImage, free.stream().mapToInt(Integer::intValue).toArray(),
                rankedBlocks, rankedImages, startCost, moveCost, model);
    }

    private static int firstPosition(OrderItem[] block) {
        int first = Integer.MAX_VALUE;
        for (OrderItem item : block) {
            first = Math.min(first, item.currentPosition());
        }
        return first;
    }

    /** The number of blocks (images with at least one free injection). */
    int blockCount() {
        return blocks.length;
    }

    /** The number of injections in a block. */
    int blockSize(int block) {
        return blocks[block].length;
    }

    /**
     * The cost of the positions that placing {@code block} after {@code previous} adds: from the position
     * after the previous block's last injection (the first position if {@code offset} is 0) to the
     * block's last injection, locked injections in between included, plus the reversals within the
     * block's image.
     *
     * @param previous the block placed last, or -1 when {@code offset} is 0
     * @param block the block to place
     * @param offset the number of free positions the blocks placed so far fill
     */
    double segment(int previous, int block, int offset) {
        int row = (offset == 0 ? 0 : previous + 1) * blocks.length + block;
        double[] costs = segmentCache[row];
        if (costs == null) {
            costs = new double[freeSlots.length];
            Arrays.fill(costs, Double.NaN);
            segmentCache[row] = costs;
        }
        if (Double.isNaN(costs[offset])) {
            costs[offset] = computeSegment(previous, block, offset);
        }
        return costs[offset];
    }

    private double computeSegment(int previous, int block, int offset) {
        int from = offset == 0 ? 0 : freeSlots[offset - 1] + 1;
        int to = freeSlots[offset + blocks[block].length - 1];
        int current = offset == 0 ? NONE : blockImage[previous];
        double cost = 0;
        for (int p = from; p <= to; p++) {
            int image = fixedImage[p] == NONE ? blockImage[block] : fixedImage[p];
            cost += current == NONE ? startCost[image] : moveCost[current][image];
            current = image;
        }
        return cost + withinImage(block, offset);
    }

    /** The reversals within a block's image when the block fills the free positions from {@code offset}. */
    private double withinImage(int block, int offset) {
        int image = blockImage[block];
        List<OrderItem> sequence = new ArrayList<>();
        int next = 0;
        for (int p = 0; p < size; p++) {
            if (fixedImage[p] == image) {
                sequence.add(fixedItems[p]);
            } else if (next < blocks[block].length && p == freeSlots[offset + next]) {
                sequence.add(blocks[block][next++]);
            }
        }
        return model.withinImage(sequence);
    }

    /** The cost of the locked positions after the last free one, when {@code last} is the last block. */
    double tail(int last) {
        int current = blockImage[last];
        double cost = 0;
        for (int p = freeSlots[freeSlots.length - 1] + 1; p < size; p++) {
            cost += moveCost[current][fixedImage[p]];
            current = fixedImage[p];
        }
        return cost;
    }

    /** The cost of a tour: a sequence of every block once. */
    double cost(int[] tour) {
        double cost = 0;
        int offset = 0;
        int previous = NONE;
        for (int block : tour) {
            cost += segment(previous, block, offset);
            offset += blocks[block].length;
            previous = block;
        }
        return cost + tail(previous);
    }

    /** The injection ids in the order a tour gives (all positions, locked ones where they are). */
    List<UUID> order(int[] tour) {
        OrderItem[] placed = fixedItems.clone();
        int slot = 0;
        for (int block : tour) {
            for (OrderItem item : blocks[block]) {
                placed[freeSlots[slot++]] = item;
            }
        }
        List<UUID> ids = new ArrayList<>(size);
        for (OrderItem item : placed) {
            ids.add(item.id());
        }
        return List.copyOf(ids);
    }
}
