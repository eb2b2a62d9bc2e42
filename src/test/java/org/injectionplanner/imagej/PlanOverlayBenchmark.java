package org.injectionplanner.imagej;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.geometry.CalibratedGeometry;
import org.injectionplanner.geometry.EllipseShape;
import org.injectionplanner.geometry.PixelPoint;
import org.injectionplanner.geometry.ZoneShape;
import org.injectionplanner.plan.ImageRef;
import org.injectionplanner.plan.MeasuredCalibration;
import org.injectionplanner.plan.NerveZone;
import org.injectionplanner.plan.PlanFixtures;
import org.injectionplanner.plan.PlanImage;
import org.injectionplanner.plan.SessionPlan;
import org.injectionplanner.plan.Side;
import org.injectionplanner.plan.SpinalLevel;
import org.injectionplanner.plan.Target;
import org.injectionplanner.plan.ZoneKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Redrawing the plan overlay of a busy frame: 100 targets and 30 zones (15 polygons, 15 ellipses, all
 * calibrated at 0.1 mm per pixel, so each zone's safety margin of 2–8 mm is drawn too) on one 800 × 600
 * RGB ultrasound frame, 420 overlay elements in all.
 *
 * <p>A repaint after a plan edit is {@link PlanOverlay#render} (replaces the plan's overlay elements)
 * followed by ImageJ's own {@link ImageCanvas#paint}, which is what a window's canvas runs: with an
 * overlay it paints double-buffered, drawing the frame into an off-screen image, then every overlay
 * element with {@code Roi.drawOverlay} (or {@code TextRoi.drawText}) with the image's canvas set, then
 * the off-screen image onto the screen. Headless there is no window, so the canvas is ImageJ's
 * {@link ImageCanvas} at 100 % zoom whose off-screen image (normally from the window's peer) is a
 * {@link BufferedImage}, and "the screen" is another {@code BufferedImage}; the image reports that canvas
 * as its own, as a displayed image does. Run with {@code bench/jmh.sh PlanOverlay}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djava.awt.headless=true")
public class PlanOverlayBenchmark {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int TARGETS = 100;
    private static final int ZONES = 30;
    private static final String SOP = "2.25.1001";
    private static final MeasuredCalibration CAL =
            new MeasuredCalibration(MeasuredCalibration.Source.ULTRASOUND_REGION, 0.1, 0.1, 0, 0.0);

    private SessionPlan plan;
    private UUID selected;
    private ImagePlus imp;
    private ImageCanvas canvas;
    private ImageCanvas bareCanvas;
    private BufferedImage screen;
    private Graphics2D screenGraphics;

    /** Builds the plan, the frame and its canvas, and draws once (margin outlines then are cached). */
    @Setup
    public void setUp() {
        plan = plan(new Random(42));
        selected = plan.targets().get(TARGETS / 2).id();
        ColorProcessor frame = new ColorProcessor(WIDTH, HEIGHT);
        Random noise = new Random(7);
        int[] pixels = (int[]) frame.getPixels();
        for (int i = 0; i < pixels.length; i++) {
            int v = noise.nextInt(256);
            pixels[i] = v << 16 | v << 8 | v;
        }
        imp = new ImagePlus("bench", frame) {
            @Override
            public ImageCanvas getCanvas() {
                return canvas;
            }
        };
        imp.setProp(UltrasoundImages.PROP_SOP_UID, SOP);
        BufferedImage offScreen = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        canvas = new ImageCanvas(imp) {
            @Override
            public Image createImage(int width, int height) {
                return offScreen;
            }
        };
        bareCanvas = new ImageCanvas(new ImagePlus("bare", frame));
        screen = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        screenGraphics = screen.createGraphics();
        repaint();
        int elements = imp.getOverlay().size();
        if (elements < 3 * TARGETS + 4 * ZONES) {
            throw new IllegalStateException("expected at least " + (3 * TARGETS + 4 * ZONES)
                    + " overlay elements, got " + elements);
        }
    }

    /** Releases the screen's graphics. */
    @TearDown
    public void tearDown() {
        screenGraphics.dispose();
    }

    /** A plan edit's repaint: rebuild the plan's overlay elements, then paint the canvas. */
    @Benchmark
    public BufferedImage repaint() {
        PlanOverlay.render(imp, plan, null, selected);
        canvas.paint(screenGraphics);
        return screen;
    }

    /** Painting the canvas alone (an expose, or a new frame of the cine), the overlay unchanged. */
    @Benchmark
    public BufferedImage paint() {
        canvas.paint(screenGraphics);
        return screen;
    }

    /** Painting the same frame without any overlay (ImageJ then draws the image straight to the screen). */
    @Benchmark
    public BufferedImage paintFrameOnly() {
        bareCanvas.paint(screenGraphics);
        return screen;
    }

    /** Building the overlay elements alone. */
    @Benchmark
    public List<Roi> build() {
        return PlanOverlay.build(imp, plan, null, selected);
    }

    /**
     * Computing the 30 margin outlines (what the first draw of a plan, or of a zone just edited, adds;
     * later draws take them from PlanOverlay's cache).
     */
    @Benchmark
    public int marginOutlines() {
        int rings = 0;
        for (NerveZone z : plan.zones()) {
            rings += CalibratedGeometry.marginOutline(z.shape(), z.marginMm(), z.calibration().scale().orElseThrow())
                    .size();
        }
        return rings;
    }

    private static SessionPlan plan(Random random) {
        SessionPlan p = SessionPlan.newDraft(UUID.randomUUID(), 1, LocalDate.of(2026, 11, 26), "bench")
                .withImage(new PlanImage(SOP, "2.25.1", "2.25.2", "bench", 1, null, null, null));
        List<NerveZone> zones = new ArrayList<>();
        for (int i = 0; i < ZONES; i++) {
            PixelPoint centre = new PixelPoint(60 + random.nextDouble() * (WIDTH - 120),
                    60 + random.nextDouble() * (HEIGHT - 120));
            ZoneShape shape = i % 2 == 0 ? PlanFixtures.star(centre, random)
                    : new EllipseShape(centre, 8 + random.nextDouble() * 30, 6 + random.nextDouble() * 20,
                            random.nextDouble() * 180);
            zones.add(new NerveZone(UUID.randomUUID(), i + 1, ZoneKind.values()[i % ZoneKind.values().length],
                    "zone " + (i + 1), new ImageRef(SOP, 1), shape, 2 + random.nextInt(7), CAL));
        }
        for (NerveZone z : zones) {
            p = p.withZone(z);
        }
        Side[] sides = Side.values();
        SpinalLevel[] levels = SpinalLevel.values();
        for (int i = 0; i < TARGETS; i++) {
            PixelPoint at = new PixelPoint(20 + random.nextDouble() * (WIDTH - 40),
                    20 + random.nextDouble() * (HEIGHT - 40));
            p = p.withTarget(new Target(UUID.randomUUID(), i + 1, i % 3 == 0 ? "" : "T" + (i + 1) + " deep",
                    "supraspinous", sides[i % sides.length], levels[i % levels.length], new ImageRef(SOP, 1), at,
                    null, "", CAL));
        }
        return p;
    }
}
