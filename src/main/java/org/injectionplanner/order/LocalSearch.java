package org.injectionplanner.order;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * The heuristic tour for many blocks (docs/ordering.md §3).
 *
 * <ol>
 * <li>Construction: a nearest-neighbour tour from every possible first block; the {@value #STARTS}
 * cheapest are improved by local search: Or-opt (moving a run of 1 to 3 blocks elsewhere), 2-opt
 * (reversing a run) and exchanges of two runs of 1 to 3 blocks, each improving move taken as soon as it
 * is found, until none improves. The cheapest result is kept.
 * <li>Polishing: windows of {@code window} consecutive blocks, overlapping by half, are re-ordered exactly
 * ({@link HeldKarp}), alternating with local search, until neither improves the tour. A tour of at most
 * {@code window} blocks is thereby optimal.
 * <li>Iterated local search, when there are more blocks than a window: {@value #KICKS} times, the best
 * tour is perturbed by a double-bridge move (drawn from a generator with a fixed seed, so that the result
 * is deterministic) and polished; a cheaper result becomes the best tour.
 * </ol>
 */
final class LocalSearch {

    /** The number of consecutive blocks the polishing re-orders exactly. */
    static final int WINDOW = 10;

    private static final int LONGEST_RUN = 3;
    private static final int STARTS = 5;
    private static final int KICKS = 50;
    private static final long SEED = 0x5EED_0F_0DE5L;

    private LocalSearch() {
    }

    /**
     * A good tour of a problem with at least one block.
     *
     * @param window the number of consecutive blocks to re-order exactly while polishing, at least 2
     */
    static int[] solve(TourProblem problem, int window) {
        int m = problem.blockCount();
        int[][] constructed = new int[m][];
        double[] constructedCost = new double[m];
        Integer[] firsts = new Integer[m];
        for (int first = 0; first < m; first++) {
            constructed[first] = nearestNeighbour(problem, first);
            constructedCost[first] = problem.cost(constructed[first]);
            firsts[first] = first;
        }
        Arrays.sort(firsts, Comparator.comparingDouble(first -> constructedCost[first]));
        Tour tour = new Tour(problem);
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(m, STARTS); k++) {
            tour.set(constructed[firsts[k]]);
            descend(tour);
            if (cheaper(tour.cost, bestCost)) {
                best = tour.blocks;
                bestCost = tour.cost;
            }
        }
        tour.set(best);
        polish(tour, window);
        best = tour.blocks;
        bestCost = tour.cost;
        if (m > window) {
            Random random = new Random(SEED);
            for (int kick = 0; kick < KICKS; kick++) {
                tour.set(doubleBridge(best, random));
                polish(tour, window);
                if (cheaper(tour.cost, bestCost)) {
                    best = tour.blocks;
                    bestCost = tour.cost;
                }
            }
        }
        return best;
    }

    /** Whether {@code cost} is below {@code best} beyond rounding. */
    private static boolean cheaper(double cost, double best) {
        return cost < best && !HeldKarp.ties(best, cost);
    }

    /** The tour that starts with {@code first} and then always places the cheapest next block. */
    private static int[] nearestNeighbour(TourProblem problem, int first) {
        int m = problem.blockCount();
        int[] tour = new int[m];
        boolean[] placed = new boolean[m];
        tour[0] = first;
        placed[first] = true;
        int offset = problem.blockSize(first);
        for (int i = 1; i < m; i++) {
            int choice = -1;
            double cheapest = Double.POSITIVE_INFINITY;
            for (int block = 0; block < m; block++) {
                if (!placed[block]) {
                    double cost = problem.segment(tour[i - 1], block, offset);
                    if (cost < cheapest) {
                        cheapest = cost;
                        choice = block;
                    }
                }
            }
            tour[i] = choice;
            placed[choice] = true;
            offset += problem.blockSize(choice);
        }
        return tour;
    }

    /** {@code tour} cut into four parts A B C D and reconnected as A C B D, at random cuts. */
    private static int[] doubleBridge(int[] tour, Random random) {
        int m = tour.length;
        int[] cuts = {1 + random.nextInt(m - 1), 1 + random.nextInt(m - 1), 1 + random.nextInt(m - 1)};
        Arrays.sort(cuts);
        int[] result = new int[m];
        int i = 0;
        for (int[] part : new int[][] {{0, cuts[0]}, {cuts[1], cuts[2]}, {cuts[0], cuts[1]}, {cuts[2], m}}) {
            for (int k = part[0]; k < part[1]; k++) {
                result[i++] = tour[k];
            }
        }
        return result;
    }

    /** Alternates exact re-ordering of windows and local search until neither improves the tour. */
    private static void polish(Tour tour, int window) {
        descend(tour);
        while (reorderWindows(tour, window)) {
            descend(tour);
        }
    }

    /**
     * Applies improving Or-opt, 2-opt and swap moves, each as soon as it is found, until a full scan
     * finds none.
     */
    private static void descend(Tour tour) {
        int m = tour.blocks.length;
        int[] candidate = new int[m];
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int length = 1; length <= LONGEST_RUN; length++) {
                for (int from = 0; from + length <= m; from++) {
                    for (int to = 0; to + length <= m; to++) {
                        if (to != from) {
                            moveRun(tour.blocks, from, length, to, candidate);
                            improved |= tour.offer(candidate, Math.min(from, to), Math.max(from, to) + length - 1);
                        }
                    }
                }
            }
            for (int from = 0; from < m; from++) {
                for (int to = from + 1; to < m; to++) {
                    System.arraycopy(tour.blocks, 0, candidate, 0, m);
                    reverse(candidate, from, to);
                    improved |= tour.offer(candidate, from, to);
                }
            }
            for (int first = 1; first <= LONGEST_RUN; first++) {
                for (int second = 1; second <= LONGEST_RUN; second++) {
                    for (int a = 0; a + first <= m; a++) {
                        for (int b = a + first; b + second <= m; b++) {
                            exchangeRuns(tour.blocks, a, first, b, second, candidate);
                            improved |= tour.offer(candidate, a, b + second - 1);
                        }
                    }
                }
            }
        }
    }

    /**
     * Re-orders overlapping windows of {@code window} consecutive blocks exactly, from the first block to
     * the last; returns whether the tour got cheaper.
     */
    private static boolean reorderWindows(Tour tour, int window) {
        int m = tour.blocks.length;
        boolean improved = false;
        int step = Math.max(1, window / 2);
        for (int from = 0; from < m; from += step) {
            int to = Math.min(m, from + window);
            int[] current = tour.blocks;
            int[] blocks = Arrays.copyOfRange(current, from, to);
            Arrays.sort(blocks);
            int[] ordered = HeldKarp.solve(tour.problem, blocks, from == 0 ? -1 : current[from - 1],
                    tour.offset[from], to == m ? -1 : current[to]);
            int[] candidate = current.clone();
            System.arraycopy(ordered, 0, candidate, from, ordered.length);
            improved |= tour.offer(candidate, from, to - 1);
            if (to == m) {
                break;
            }
        }
        return improved;
    }

    /** {@code tour} with the run at {@code from} of {@code length} blocks moved to start at {@code to}. */
    private static void moveRun(int[] tour, int from, int length, int to, int[] result) {
        System.arraycopy(tour, 0, result, 0, tour.length);
        if (to < from) {
            System.arraycopy(tour, to, result, to + length, from - to);
        } else {
            System.arraycopy(tour, from + length, result, from, to - from);
        }
        System.arraycopy(tour, from, result, to, length);
    }

    /**
     * {@code tour} with the run of {@code first} blocks at {@code a} and the later run of {@code second}
     * blocks at {@code b} exchanged.
     */
    private static void exchangeRuns(int[] tour, int a, int first, int b, int second, int[] result) {
        System.arraycopy(tour, 0, result, 0, tour.length);
        System.arraycopy(tour, b, result, a, second);
        System.arraycopy(tour, a + first, result, a + second, b - a - first);
        System.arraycopy(tour, a, result, b + second - first, first);
    }

    /** Reverses the blocks from {@code from} to {@code to}, inclusive, in place. */
    private static void reverse(int[] tour, int from, int to) {
        for (int i = from, j = to; i < j; i++, j--) {
            int block = tour[i];
            tour[i] = tour[j];
            tour[j] = block;
        }
    }

    /** A tour with its segment costs, so that a change to a range of it is priced by that range alone. */
    private static final class Tour {
        private final TourProblem problem;
        private int[] blocks;
        private int[] offset;
        private double[] prefix;
        private double[] suffix;
        private double cost;

        Tour(TourProblem problem) {
            this.problem = problem;
        }

        /** Makes {@code tour} the current tour (kept, not copied). */
        void set(int[] tour) {
            int m = tour.length;
            blocks = tour;
            offset = new int[m + 1];
            double[] segment = new double[m];
            for (int i = 0; i < m; i++) {
                segment[i] = problem.segment(i == 0 ? -1 : tour[i - 1], tour[i], offset[i]);
                offset[i + 1] = offset[i] + problem.blockSize(tour[i]);
            }
            prefix = new double[m + 1];
            for (int i = 0; i < m; i++) {
                prefix[i + 1] = prefix[i] + segment[i];
            }
            suffix = new double[m + 1];
            suffix[m] = problem.tail(tour[m - 1]);
            for (int i = m - 1; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + segment[i];
            }
            cost = suffix[0];
        }

        /**
         * Makes a candidate that differs from the current tour only by a permutation of the blocks from
         * {@code lo} to {@code hi}, inclusive, the current tour (a copy of it) if it is cheaper beyond
         * rounding; returns whether it was.
         */
        boolean offer(int[] candidate, int lo, int hi) {
            double c = costWith(candidate, lo, hi);
            if (cheaper(c, cost)) {
                set(candidate.clone());
                return true;
            }
            return false;
        }

        /**
         * The cost of a candidate that differs from the current tour only by a permutation of the blocks
         * from {@code lo} to {@code hi}, inclusive.
         */
        double costWith(int[] candidate, int lo, int hi) {
            int m = candidate.length;
            int end = Math.min(hi + 1, m - 1);
            double c = prefix[lo];
            int filled = offset[lo];
            int previous = lo == 0 ? -1 : candidate[lo - 1];
            for (int i = lo; i <= end; i++) {
                c += problem.segment(previous, candidate[i], filled);
                filled += problem.blockSize(candidate[i]);
                previous = candidate[i];
            }
            return end == m - 1 ? c + problem.tail(previous) : c + suffix[end + 1];
        }
    }
}
