package org.injectionplanner.dicom;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs everything a user of the reader does with a file — read it, read every value through the
 * {@link DataSet} accessors, ask for its calibration and frame timing, decode every frame — in a
 * worker thread, and fails (with an {@link AssertionError}) when anything other than a
 * {@link DicomException} is thrown (OutOfMemoryError and StackOverflowError included), when a
 * {@link DicomException} does not name the file or names an offset beyond it, when a decoded frame's
 * arrays do not match its size, when the work uses more processor time than the watchdog allows, or when
 * one step allocates more than {@link #MAX_ALLOCATION} bytes.
 *
 * <p>The watchdog counts the worker thread's own CPU time, not wall-clock time: on a machine loaded by
 * other work an input may wait for a processor for seconds, which is no hang, while a loop that never ends
 * burns CPU time whatever the load. A worker blocked without using the processor (a deadlock) is caught by
 * a wall-clock bound {@link #BLOCKED_SECONDS} long.
 */
final class FuzzHarness {

    /** Seconds of the worker's CPU time one input may use (system property {@code fuzz.timeoutSeconds}). */
    static final long TIMEOUT_SECONDS = Long.getLong("fuzz.timeoutSeconds", 5);
    /** Wall-clock seconds after which an input that is not done counts as hung however little CPU it used. */
    static final long BLOCKED_SECONDS = 120 * TIMEOUT_SECONDS;
    private static final long POLL_MILLIS = 50;
    /**
     * Most bytes one step (reading, one accessor call, one frame) may allocate in all. Garbage counts
     * too, so this is twice the 256 MiB heap of the long run, which bounds what is live at once.
     */
    static final long MAX_ALLOCATION = 512L * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() ? t : null;

    private static ExecutorService worker = newWorker();
    private static volatile long workerThreadId = -1;

    /**
     * What happened to one input.
     *
     * @param category a word for statistics: unreadable, no pixel data, all frames, some frames,
     *     no frame
     * @param millis time taken
     * @param largestAllocation the most bytes allocated by one step
     */
    record Outcome(String category, long millis, long largestAllocation) {
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws DicomException;
    }

    private FuzzHarness() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            workerThreadId = t.getId();
            return t;
        });
    }

    /** Exercises the reader on {@code bytes} under the watchdog; see the class comment. */
    static synchronized Outcome check(byte[] bytes, String name) {
        Callable<Outcome> task = () -> exercise(bytes, name);
        Future<Outcome> future = worker.submit(task);
        long cpuAtStart = workerCpuNanos();
        long wallStart = System.nanoTime();
        try {
            while (true) {
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long cpu = workerCpuNanos() - cpuAtStart;
                    long wall = System.nanoTime() - wallStart;
                    if (cpu > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)
                            || wall > TimeUnit.SECONDS.toNanos(BLOCKED_SECONDS)) {
                        future.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
                        throw new AssertionError(String.format("%s: hang: not done after %.1f s of CPU time"
                                + " (%.1f s wall clock)", name, cpu / 1e9, wall / 1e9));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError ae) {
                throw ae;
            }
            throw new AssertionError(name + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted", e);
        }
    }

    /** CPU time the worker thread has used so far, ns. */
    private static long workerCpuNanos() {
        long id = workerThreadId;
        long cpu = id < 0 ? -1 : ManagementFactory.getThreadMXBean().getThreadCpuTime(id);
        return Math.max(cpu, 0);
    }

    private static Outcome exercise(byte[] bytes, String name) {
        long start = System.nanoTime();
        long[] largest = {0};
        try {
            DicomFile file;
            try {
                file = step(largest, "reading", bytes, () -> DicomFile.read(bytes, name));
            } catch (DicomException e) {
                checkMessage(e, name, bytes.length);
                return outcome("unreadable", start, largest[0]);
            }
            readValues(file.meta(), largest, bytes);
            readValues(file.dataSet(), largest, bytes);
            step(largest, "reading calibration and timing", bytes, () -> {
                UltrasoundCalibration calibration = file.calibration();
                calibration.spatialRegions();
                calibration.scaleFor(new double[] {1, 5}, new double[] {2, 3});
                FrameTiming timing = file.frameTiming();
                timing.framesPerSecond();
                file.pixels().nativeFrameLength();
                file.warnings().forEach(String::length);
                return file.transferSyntax().unsupportedReason();
            });
            int frames = file.frameCount();
            int decoded = 0;
            for (int n = 1; n <= frames; n++) {
                int number = n;
                try {
                    Frame frame = step(largest, "decoding frame " + n, bytes, () -> file.frame(number));
                    checkFrame(frame, name, number);
                    decoded++;
                } catch (DicomException e) {
                    checkMessage(e, name, bytes.length);
                }
            }
            String category = frames == 0 ? "no pixel data" : decoded == frames ? "all frames"
                    : decoded == 0 ? "no frame" : "some frames";
            return outcome(category, start, largest[0]);
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(name + ": " + t + " is not a DicomException", t);
        }
    }

    private static Outcome outcome(String category, long start, long largest) {
        return new Outcome(category, (System.nanoTime() - start) / 1_000_000, largest);
    }

    private static <T> T step(long[] largest, String what, byte[] bytes, Step<T> step) throws DicomException {
        long before = allocated();
        try {
            return step.run();
        } finally {
            long used = allocated() - before;
            largest[0] = Math.max(largest[0], used);
            if (used > MAX_ALLOCATION) {
                throw new AssertionError(what + " allocated " + used / (1024 * 1024) + " MiB for a file of "
                        + bytes.length + " bytes");
            }
        }
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Every accessor on every element, in every item; each call is one step. */
    private static void readValues(DataSet ds, long[] largest, byte[] bytes) throws DicomException {
        for (Element e : ds.elements()) {
            int tag = e.tag();
            String of = " of " + Tag.toString(tag);
            ds.contains(tag);
            ds.get(tag);
            ds.getBytes(tag);
            e.length();
            step(largest, "getStrings" + of, bytes, () -> ds.getStrings(tag));
            step(largest, "getString" + of, bytes, () -> ds.getString(tag));
            step(largest, "getText" + of, bytes, () -> ds.getText(tag));
            step(largest, "getDoubles" + of, bytes, () -> ds.getDoubles(tag));
            step(largest, "getDouble" + of, bytes, () -> ds.getDouble(tag));
            step(largest, "getInt" + of, bytes, () -> ds.getInt(tag, 0));
            step(largest, "getInteger" + of, bytes, () -> ds.getInteger(tag));
            for (DataSet item : ds.getSequence(tag)) {
                readValues(item, largest, bytes);
            }
        }
    }

    private static void checkMessage(DicomException e, String name, long length) {
        if (e.getMessage() == null || !e.getMessage().startsWith(name) || !e.source().startsWith(name)) {
            throw new AssertionError("DicomException does not name the file " + name + ": " + e.getMessage(), e);
        }
        if (e.source().equals(name) && e.offset() > length) {
            throw new AssertionError("DicomException names offset " + e.offset() + " beyond the " + length
                    + " bytes of the file: " + e.getMessage(), e);
        }
    }

    private static void checkFrame(Frame frame, String name, int number) {
        long expected = (long) frame.rows() * frame.columns() * frame.type().samples();
        long actual = frame.bytes() != null ? frame.bytes().length : frame.shorts().length;
        if (actual != expected) {
            throw new AssertionError(name + ": frame " + number + " is " + frame.rows() + " × " + frame.columns()
                    + " " + frame.type() + " but holds " + actual + " samples");
        }
    }
}
