package org.injectionplanner.bench;

import ij.IJ;
import ij.ImageJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * Times opening one DICOM file in a real ImageJ with a display (bench/open-study.sh runs it under Xvfb,
 * one fresh JVM per measurement, with {@code -Dplugins.dir} pointing at the checkout so ImageJ loads
 * {@code plugins/Injection_Planner.jar}). Everything goes through macros, as a user's recorded macro
 * would.
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code ours FILE}: {@code run("Open Ultrasound Study...", "path=[FILE]")} with the default
 *       memory budget.</li>
 *   <li>{@code ours-virtual FILE BUDGET_MB}: first {@code run("Injection Planner Options...",
 *       "memory=BUDGET_MB")}, then the same open (a virtual stack when the cine needs more), then pages
 *       through every frame, sampling the heap every {@value #SAMPLE_EVERY} frames.</li>
 *   <li>{@code imagej FILE}: ImageJ's own {@code open(FILE)} (File › Open: {@code ij.io.Opener}, then
 *       {@code ij.plugin.DICOM}).</li>
 * </ul>
 *
 * <p>Prints {@code KEY value} lines; times in ms from the moment the macro is started:
 * {@code PAINTED} when the image canvas has finished its first paint (the first frame is on screen),
 * {@code OPENED} when ImageJ's {@link ImageListener}s heard of the new window (ImageJ 1.54 tells them
 * on the event dispatch thread once {@code ImagePlus.show()} is done), {@code TOTAL} when the macro
 * returned (for ours: every frame decoded). Memory in MiB, each sampled after a full GC:
 * {@code LIVE_x} the reachable objects, {@code PIXELS_x} those of them that are arrays of the image's
 * sample type ({@code int[]} for RGB), {@code FRAMES_x} the same in frames, and {@code USED_x} the heap
 * in use as the JVM counts it; x is {@code BASE} before opening, {@code OPEN} after, with the image
 * open, and for the virtual mode {@code PEAK}, the largest of the samples while paging. {@code PAGE} is
 * the time to page through all frames (ms, the samples excluded).
 */
public final class OpenStudyBench {

    private static final int SAMPLE_EVERY = 10;
    private static final double MIB = 1024 * 1024;

    private final AtomicLong painted = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private long start;

    private OpenStudyBench() {
    }

    /** Entry point: {@code MODE FILE [BUDGET_MB]}; exits 1 if the image did not open. */
    public static void main(String[] args) {
        int status = 1;
        try {
            if (args.length < 2) {
                System.err.println("usage: OpenStudyBench ours|ours-virtual|imagej FILE [BUDGET_MB]");
                status = 2;
            } else {
                status = new OpenStudyBench().run(args[0], Path.of(args[1]).toAbsolutePath().toString(),
                        args.length > 2 ? Integer.parseInt(args[2]) : 64);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private int run(String mode, String file, int budgetMb) throws Exception {
        new ImageJ();
        Toolkit.getDefaultToolkit().addAWTEventListener(e -> {
            if (e.getSource() instanceof ImageCanvas && painted.get() == 0) {
                // runs once the paint being dispatched now has completed
                EventQueue.invokeLater(() -> painted.compareAndSet(0, System.nanoTime()));
            }
        }, AWTEvent.PAINT_EVENT_MASK);
        ImagePlus.addImageListener(new ImageListener() {
            @Override
            public void imageOpened(ImagePlus imp) {
                opened.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void imageClosed(ImagePlus imp) {
            }

            @Override
            public void imageUpdated(ImagePlus imp) {
            }
        });
        String path = file.replace("\\", "\\\\").replace("\"", "\\\"");
        String macro = switch (mode) {
            case "ours", "ours-virtual" -> "run(\"Open Ultrasound Study...\", \"path=[" + path + "]\");";
            case "imagej" -> "open(\"" + path + "\");";
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        if (mode.equals("ours-virtual")) {
            IJ.runMacro("run(\"Injection Planner Options...\", \"memory=" + budgetMb + "\");");
        }
        EventQueue.invokeAndWait(() -> { });
        Thread.sleep(300);
        memory("BASE", 0);
        start = System.nanoTime();
        String result = IJ.runMacro(macro);
        long total = System.nanoTime();
        ImagePlus imp = WindowManager.getCurrentImage();
        if ("[aborted]".equals(result) || imp == null) {
            System.err.println("the image did not open: " + result);
            return 1;
        }
        for (int i = 0; i < 500 && painted.get() == 0; i++) {
            Thread.sleep(10);
        }
        print("PAINTED", ms(painted.get()));
        print("OPENED", ms(opened.get()));
        print("TOTAL", ms(total));
        System.out.printf(Locale.ROOT, "STACK %dx%dx%d bitDepth=%d virtual=%b%n", imp.getWidth(), imp.getHeight(),
                imp.getStackSize(), imp.getBitDepth(), imp.getStack().isVirtual());
        int bytesPerPixel = imp.getBitDepth() == 24 ? 4 : imp.getBitDepth() / 8;
        long frameBytes = (long) imp.getWidth() * imp.getHeight() * bytesPerPixel;
        memory("OPEN", frameBytes);
        if (mode.equals("ours-virtual")) {
            page(imp, frameBytes);
        }
        return 0;
    }

    /** Shows every frame in turn, as dragging the frame slider does. */
    private void page(ImagePlus imp, long frameBytes) throws Exception {
        Memory peak = new Memory(0, 0, 0);
        long paging = 0;
        int n = imp.getStackSize();
        for (int t = 1; t <= n; t++) {
            long before = System.nanoTime();
            imp.setSlice(t);
            paging += System.nanoTime() - before;
            if (t % SAMPLE_EVERY == 0 || t == n) {
                Memory m = Memory.sample(imp.getBitDepth());
                peak = new Memory(Math.max(peak.live, m.live), Math.max(peak.pixels, m.pixels),
                        Math.max(peak.used, m.used));
            }
        }
        peak.print("PEAK", frameBytes);
        print("PAGE", paging / 1e6);
    }

    private static void memory(String when, long frameBytes) throws Exception {
        ImagePlus imp = WindowManager.getCurrentImage();
        Memory.sample(imp == null ? 24 : imp.getBitDepth()).print(when, frameBytes);
    }

    /**
     * The heap after a full GC, in bytes: live, the sum of the reachable objects (GC.class_histogram);
     * pixels, the part of it in arrays of the image's sample type; used, what the heap counts as in
     * use, which with G1 also counts the unused tails of the regions holding frame-sized arrays.
     */
    private record Memory(long live, long pixels, long used) {

        /**
         * Samples on the event dispatch thread, which therefore is not painting: painting holds the GC
         * locker, and the histogram then skips its full GC and counts garbage too.
         */
        static Memory sample(int bitDepth) throws Exception {
            Memory[] sampled = new Memory[1];
            Exception[] failed = new Exception[1];
            EventQueue.invokeAndWait(() -> {
                try {
                    sampled[0] = sampleHere(bitDepth);
                } catch (Exception e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            return sampled[0];
        }

        private static Memory sampleHere(int bitDepth) throws Exception {
            System.gc();
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String array = bitDepth == 8 ? "[B" : bitDepth == 16 ? "[S" : bitDepth == 32 ? "[F" : "[I";
            long live = 0;
            long pixels = 0;
            for (String line : histogram.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    live = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[3].equals(array)) {
                    pixels = Long.parseLong(f[2]);
                }
            }
            Runtime rt = Runtime.getRuntime();
            return new Memory(live, pixels, rt.totalMemory() - rt.freeMemory());
        }

        void print(String when, long frameBytes) {
            OpenStudyBench.print("LIVE_" + when, live / MIB);
            OpenStudyBench.print("USED_" + when, used / MIB);
            OpenStudyBench.print("PIXELS_" + when, pixels / MIB);
            if (frameBytes > 0) {
                OpenStudyBench.print("FRAMES_" + when, (double) pixels / frameBytes);
            }
        }
    }

    private double ms(long nanos) {
        return nanos == 0 ? Double.NaN : (nanos - start) / 1e6;
    }

    private static void print(String key, double value) {
        System.out.printf(Locale.ROOT, "%s %.1f%n", key, value);
    }

}
