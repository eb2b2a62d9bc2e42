package org.injectionplanner.order;

/**
 * Exact tours by Held–Karp dynamic programming over subsets of blocks: O(2^w · w²) time and about
 * 8 · 2^w · w bytes for w blocks (docs/ordering.md §3). Of the optimal orders it returns the one that is
 * lexicographically smallest by the blocks' indices in the array it is given.
 */
final class HeldKarp {

    private final TourProblem problem;
    private final int[] blocks;
    private final int offset;
    private final int[] filled;
    /**
     * toGo[mask * w + last]: the least cost of placing the blocks not in mask after those in mask, last
     * placed last, up to and including the step into the block that follows (or the end).
     */
    private final double[] toGo;

    private HeldKarp(TourProblem problem, int[] blocks, int offset, int next) {
        this.problem = problem;
        this.blocks = blocks;
        this.offset = offset;
        int w = blocks.length;
        int full = (1 << w) - 1;
        filled = new int[full + 1];
        for (int mask = 1; mask <= full; mask++) {
            int low = Integer.numberOfTrailingZeros(mask);
            filled[mask] = filled[mask & (mask - 1)] + problem.blockSize(blocks[low]);
        }
        toGo = new double[(full + 1) * w];
        for (int mask = full; mask > 0; mask--) {
            for (int last = 0; last < w; last++) {
                if ((mask & (1 << last)) == 0) {
                    continue;
                }
                double best;
                if (mask == full) {
                    best = next < 0 ? problem.tail(blocks[last])
                            : problem.segment(blocks[last], next, offset + filled[full]);
                } else {
                    best = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < w; j++) {
                        if ((mask & (1 << j)) == 0) {
                            best = Math.min(best, via(mask, last, j));
                        }
                    }
                }
                toGo[mask * w + last] = best;
            }
        }
    }

    /** Whether {@code value} is at most {@code best}, up to rounding. */
    static boolean ties(double value, double best) {
        return value <= best + 1e-9 * Math.max(1, Math.abs(best));
    }

    /** The optimal tour of a whole problem with at least one block. */
    static int[] solve(TourProblem problem) {
        int[] all = new int[problem.blockCount()];
        for (int b = 0; b < all.length; b++) {
            all[b] = b;
        }
        return solve(problem, all, -1, 0, -1);
    }

    /**
     * The cheapest order of some blocks between fixed neighbours: they are placed after {@code previous}
     * when the blocks before fill {@code offset} free positions, and {@code next} follows them.
     *
     * @param blocks the blocks to order, at least one, ascending for the tie-break by rank
     * @param previous the block before them, or -1 if they start the tour ({@code offset} 0)
     * @param offset the number of free positions the blocks before them fill
     * @param next the block after them, or -1 if they end the tour
     * @return the blocks in their cheapest order
     */
    static int[] solve(TourProblem problem, int[] blocks, int previous, int offset, int next) {
        return new HeldKarp(problem, blocks, offset, next).cheapestAfter(previous);
    }

    /** The cost of placing block j after the blocks in mask, last placed last, and of what follows. */
    private double via(int mask, int last, int j) {
        int w = blocks.length;
        return problem.segment(blocks[last], blocks[j], offset + filled[mask]) + toGo[(mask | (1 << j)) * w + j];
    }

    /** Reads the optimal order out of the table, taking the lowest index among equally cheap choices. */
    private int[] cheapestAfter(int previous) {
        int w = blocks.length;
        double[] start = new double[w];
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < w; j++) {
            start[j] = problem.segment(previous, blocks[j], offset) + toGo[(1 << j) * w + j];
            best = Math.min(best, start[j]);
        }
        int[] order = new int[w];
        for (int j = 0; j < w; j++) {
            if (ties(start[j], best)) {
                order[0] = j;
                break;
            }
        }
        int mask = 1 << order[0];
        for (int i = 1; i < w; i++) {
            int last = order[i - 1];
            double remaining = toGo[mask * w + last];
            for (int j = 0; j < w; j++) {
                if ((mask & (1 << j)) == 0 && ties(via(mask, last, j), remaining)) {
                    order[i] = j;
                    break;
                }
            }
            mask |= 1 << order[i];
        }
        int[] result = new int[w];
        for (int i = 0; i < w; i++) {
            result[i] = blocks[order[i]];
        }
        return result;
    }
}
