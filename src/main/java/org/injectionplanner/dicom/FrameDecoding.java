package org.injectionplanner.dicom;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes all frames of a file in order, using several threads: frames are decoded ahead in a
 * bounded window (two per thread) and handed to the sink one by one, first frame first.
 */
public final class FrameDecoding {

    /** Receives decoded frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        /** @param number the frame number, 1-based */
        void accept(int number, Frame frame) throws IOException;
    }

    private FrameDecoding() {
    }

    /** Threads used by default: one per available processor. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Decodes every frame of {@code file} and passes each to {@code sink} in frame order. */
    public static void decodeAll(DicomFile file, int threads, FrameSink sink) throws DicomException, IOException {
        int frames = file.frameCount();
        if (frames == 0) {
            throw new DicomException(file.name(), -1, Tag.PIXEL_DATA, "the file has no Pixel Data");
        }
        if (threads <= 1 || frames == 1) {
            for (int n = 1; n <= frames; n++) {
                sink.accept(n, file.frame(n));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "frame-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Frame>> window = new ArrayDeque<>();
            int next = 1;
            for (int n = 1; n <= frames; n++) {
                while (next <= frames && window.size() < threads * 2) {
                    int number = next++;
                    window.add(pool.submit(() -> file.frame(number)));
                }
                sink.accept(n, await(window.poll(), file));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Frame await(Future<Frame> future, DicomFile file) throws DicomException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DicomException de) {
                throw de;
            }
            throw new DicomException(file.name(), -1, Tag.PIXEL_DATA, "decoding failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicomException(file.name(), -1, Tag.PIXEL_DATA, "decoding interrupted", e);
        }
    }
}
