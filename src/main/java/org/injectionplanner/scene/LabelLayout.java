package org.injectionplanner.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * Places labels so that none covers an obstacle (a marker, a needle path's end, a guide of the frame, a label
 * placed before) and each lies inside the image: greedy and deterministic, in the order asked. A label is
 * tried at candidate positions around its anchor, in eight directions (its preferred ones first) at growing
 * distances, each pulled inside the image; the first that is free wins. Where none within reach is free,
 * the free position nearest the anchor on a grid over the whole image is taken; where the image has no free
 * room at all, the candidate covering the least. Coordinates in image pixels (x right, y down).
 */
final class LabelLayout {

    /** The gap kept between a label and anything else, pixels. */
    static final double GAP = 1;
    /** The rings of candidates tried around an anchor before the whole image is searched. */
    private static final int RINGS = 40;
    /** The step of the grid searched over the whole image, pixels. */
    private static final double GRID = 4;

    /** An axis-aligned box: top-left ({@code x}, {@code y}), {@code w} × {@code h} pixels. */
    record Box(double x, double y, double w, double h) {

        /** True if the boxes come closer than {@code gap} pixels. */
        boolean near(Box o, double gap) {
            return x < o.x + o.w + gap && o.x < x + w + gap && y < o.y + o.h + gap && o.y < y + h + gap;
        }

        /** The area the boxes share. */
        double overlap(Box o) {
            double dx = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
            double dy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
            return dx > 0 && dy > 0 ? dx * dy : 0;
        }

        /** The distance from a point to the box (0 inside). */
        double distance(double px, double py) {
            return Math.hypot(Math.max(0, Math.max(x - px, px - x - w)), Math.max(0, Math.max(y - py, py - y - h)));
        }

        /** The distance between the boxes (0 where they meet). */
        double distance(Box o) {
            return Math.hypot(Math.max(0, Math.max(x - o.x - o.w, o.x - x - w)),
                    Math.max(0, Math.max(y - o.y - o.h, o.y - y - h)));
        }

        /** The point of the box nearest to ({@code px}, {@code py}). */
        double[] nearest(double px, double py) {
            return new double[] {Math.max(x, Math.min(px, x + w)), Math.max(y, Math.min(py, y + h))};
        }
    }

    /** Where a label goes relative to its anchor, in the order tried. */
    enum Direction {
        E(1, 0), W(-1, 0), N(0, -1), S(0, 1), NE(0.7, -0.7), NW(-0.7, -0.7), SE(0.7, 0.7), SW(-0.7, 0.7);

        final double dx;
        final double dy;

        Direction(double dx, double dy) {
            this.dx = dx;
            this.dy = dy;
        }

        /** The directions with {@code first} tried first, the others in declaration order. */
        static List<Direction> startingWith(Direction first) {
            List<Direction> all = new ArrayList<>(List.of(values()));
            all.remove(first);
            all.add(0, first);
            return all;
        }
    }

    private final double width;
    private final double height;
    private final List<Box> obstacles = new ArrayList<>();
    /** Whether a label had to be placed over something (no free room left for it). */
    private boolean overfull;

    /** A layout on an image {@code width} × {@code height} pixels. */
    LabelLayout(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The image's width, pixels. */
    double width() {
        return width;
    }

    /** The image's height, pixels. */
    double height() {
        return height;
    }

    /** A layout with this one's obstacles so far, to try other labels on. */
    LabelLayout copy() {
        LabelLayout c = new LabelLayout(width, height);
        c.obstacles.addAll(obstacles);
        c.overfull = overfull;
        return c;
    }

    /** True once a label has been placed over an obstacle, the image having no free room left for it. */
    boolean overfull() {
        return overfull;
    }

    /** Keeps labels off {@code box}. */
    void avoid(Box box) {
        obstacles.add(box);
    }

    /**
     * The box for a label {@code w} × {@code h} about the {@code anchor} (a point as an empty box, or a zone's
     * bounds), at least {@code clearance} pixels from it, tried in {@code directions} order; the box is then
     * avoided by the labels placed after it.
     */
    Box place(Box anchor, double clearance, double w, double h, List<Direction> directions) {
        double ax = anchor.x() + anchor.w() / 2;
        double ay = anchor.y() + anchor.h() / 2;
        Box best = null;
        double bestOverlap = Double.MAX_VALUE;
        double step = Math.max(4, h / 2);
        for (int ring = 0; ring < RINGS; ring++) {
            double d = clearance + ring * step;
            for (Direction dir : directions) {
                Box box = inside(candidate(anchor, d, w, h, dir));
                double overlap = overlap(box, bestOverlap);
                if (overlap == 0 && free(box)) {
                    return taken(box);
                }
                if (overlap < bestOverlap) {
                    best = box;
                    bestOverlap = overlap;
                }
            }
        }
        Box nearest = nearestFree(ax, ay, w, h);
        overfull |= nearest == null;
        return taken(nearest != null ? nearest : best);
    }

    /**
     * The free box {@code w} × {@code h} on the {@link #GRID} over the image nearest to ({@code ax}, {@code ay}),
     * the first in row order among equally near ones; null where none is free. The grid positions each
     * obstacle rules out are marked first (those whose box would come {@link #free closer} than the gap), so
     * that only free positions are measured.
     */
    private Box nearestFree(double ax, double ay, double w, double h) {
        int columns = 0;
        while (columns * GRID + w <= width) {
            columns++;
        }
        int rows = 0;
        while (rows * GRID + h <= height) {
            rows++;
        }
        boolean[] taken = new boolean[columns * rows];
        for (Box o : obstacles) {
            // the box at (x, y) comes near o where o.x - w - GAP < x < o.x + o.w + GAP, and likewise in y; the
            // range is widened by a cell and each cell tested exactly as Box.near tests
            int c0 = Math.max(0, (int) Math.floor((o.x() - w - GAP) / GRID) - 1);
            int c1 = Math.min(columns - 1, (int) Math.ceil((o.x() + o.w() + GAP) / GRID) + 1);
            int r0 = Math.max(0, (int) Math.floor((o.y() - h - GAP) / GRID) - 1);
            int r1 = Math.min(rows - 1, (int) Math.ceil((o.y() + o.h() + GAP) / GRID) + 1);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    taken[r * columns + c] |= new Box(c * GRID, r * GRID, w, h).near(o, GAP);
                }
            }
        }
        Box nearest = null;
        double nearestDistance = Double.MAX_VALUE;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (!taken[r * columns + c]) {
                    Box box = new Box(c * GRID, r * GRID, w, h);
                    double distance = box.distance(ax, ay);
                    if (distance < nearestDistance) {
                        nearest = box;
                        nearestDistance = distance;
                    }
                }
            }
        }
        return nearest;
    }

    private Box taken(Box box) {
        obstacles.add(box);
        return box;
    }

    /** The box {@code d} pixels from the anchor in direction {@code dir}, centred on the anchor across it. */
    private static Box candidate(Box a, double d, double w, double h, Direction dir) {
        double x = dir.dx > 0 ? a.x() + a.w() + dir.dx * d : dir.dx < 0 ? a.x() + dir.dx * d - w
                : a.x() + a.w() / 2 - w / 2;
        double y = dir.dy > 0 ? a.y() + a.h() + dir.dy * d : dir.dy < 0 ? a.y() + dir.dy * d - h
                : a.y() + a.h() / 2 - h / 2;
        return new Box(x, y, w, h);
    }

    /** The box moved inside the image (a box wider or taller than the image at its left or top edge). */
    private Box inside(Box b) {
        double x = Math.max(0, Math.min(b.x(), width - b.w()));
        double y = Math.max(0, Math.min(b.y(), height - b.h()));
        return new Box(x, y, b.w(), b.h());
    }

    /** True if the box keeps {@link #GAP} from every obstacle. */
    boolean free(Box box) {
        for (Box o : obstacles) {
            if (box.near(o, GAP)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The area the box shares with the obstacles, summed; the sum so far once it is above 0 and reaches
     * {@code enough} (a candidate covering that much is of no use), which spares the rest.
     */
    private double overlap(Box box, double enough) {
        double sum = 0;
        for (Box o : obstacles) {
            sum += box.overlap(o);
            if (sum > 0 && sum >= enough) {
                return sum;
            }
        }
        return sum;
    }
}
