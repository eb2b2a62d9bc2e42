package org.injectionplanner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.dicom.DicomException;
import org.injectionplanner.dicom.DicomFile;
import org.injectionplanner.dicom.Frame;
import org.injectionplanner.dicom.UltrasoundImageWriter;
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
 * {@link DicomFile#frame} on an uncompressed RGB cine on disk (16 frames of 640 × 480, in the page
 * cache after the first pass): one positional read of 921,600 bytes per frame, no conversion.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NativeFrameBenchmark {

    private static final int FRAMES = 16;

    private Path path;
    private DicomFile file;
    private int next;

    /** Writes the cine to a temporary file and opens it. */
    @Setup
    public void setUp() throws IOException, DicomException {
        SyntheticCine cine = new SyntheticCine(BenchData.ROWS, BenchData.COLUMNS);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(cine.frame(i));
        }
        path = Files.createTempFile("native-bench", ".dcm");
        UltrasoundImageWriter.write(path, BenchFiles.header("jmh native"),
                new UltrasoundImageWriter.Image(BenchData.ROWS, BenchData.COLUMNS, true, frames, 33.3),
                UltrasoundImageWriter.Encoding.UNCOMPRESSED);
        file = DicomFile.open(path);
    }

    /** Closes and deletes the file. */
    @TearDown
    public void tearDown() throws IOException {
        file.close();
        Files.deleteIfExists(path);
    }

    /** Reads the next frame. */
    @Benchmark
    public Frame frame() throws DicomException {
        next = next % FRAMES + 1;
        return file.frame(next);
    }
}
