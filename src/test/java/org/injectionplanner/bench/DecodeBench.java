package org.injectionplanner.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.FrameDecoding;
import org.injectionplanner.dicom.Tag;

/**
 * The in-process timing harness behind {@code bench/run.sh}: times the project's reader on one file,
 * several runs in this JVM, and prints one {@code RUN mode index ms} line per run (index 0 is the
 * first run in a fresh JVM, the later ones are warm).
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code decode FILE RUNS THREADS}: open, decode every frame with {@link FrameDecoding#decodeAll}
 *       and keep each frame's samples (one array per frame, as an ImageJ stack holds them), close.
 *       After the last run, prints {@code HEAP mb}: the heap in use after a full GC while the frames
 *       are still held.</li>
 *   <li>{@code meta FILE RUNS}: {@link DicomFile#open} and close, no pixels.</li>
 *   <li>{@code first FILE RUNS}: open, decode frame 1, close (time to first frame).</li>
 * </ul>
 */
public final class DecodeBench {

    private DecodeBench() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DecodeBench decode|meta|first FILE RUNS [THREADS]");
            System.exit(2);
        }
        String mode = args[0];
        Path path = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : FrameDecoding.defaultThreads();
        long checksum = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Object kept;
            switch (mode) {
                case "decode" -> kept = decodeAll(path, threads);
                case "meta" -> kept = meta(path);
                case "first" -> kept = firstFrame(path);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("RUN %s %d %.3f%n", mode, i, elapsed / 1e6);
            checksum += kept.hashCode();
            if (mode.equals("decode") && i == runs - 1) {
                System.out.printf("HEAP %.1f%n", usedHeapAfterGc() / 1048576.0);
            }
            if (kept instanceof byte[][] frames) {
                checksum += frames[frames.length - 1][frames[0].length / 2];
            }
        }
        System.out.println("CHECK " + (checksum & 1));
    }

    private static byte[][] decodeAll(Path path, int threads) throws DicomException, IOException {
        try (DicomFile file = DicomFile.open(path)) {
            byte[][] frames = new byte[file.frameCount()][];
            FrameDecoding.decodeAll(file, threads, (number, frame) -> frames[number - 1] = samples(frame));
            return frames;
        }
    }

    private static byte[] samples(Frame frame) {
        if (frame.bytes() == null) {
            throw new IllegalStateException("the benchmark files are 8-bit");
        }
        return frame.bytes();
    }

    private static String meta(Path path) throws DicomException, IOException {
        try (DicomFile file = DicomFile.open(path)) {
            return file.dataSet().getString(Tag.SOP_INSTANCE_UID) + file.frameCount();
        }
    }

    private static byte[] firstFrame(Path path) throws DicomException, IOException {
        try (DicomFile file = DicomFile.open(path)) {
            return file.frame(1).bytes();
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
