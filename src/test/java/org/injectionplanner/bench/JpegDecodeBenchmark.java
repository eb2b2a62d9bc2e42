package org.injectionplanner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.dicom.CodecAccess;
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
 * One 640 × 480 JPEG Baseline YBR_FULL_422 ultrasound frame: the JDK reader alone (raw components),
 * and {@link DicomFile#frame} (read the fragment, decode, YCbCr to RGB) from an in-memory file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JpegDecodeBenchmark {

    private static final int FRAMES = 8;

    private byte[] stream;
    private DicomFile file;
    private int next;

    /** Encodes a few frames of the synthetic cine and opens them as a DICOM file in memory. */
    @Setup
    public void setUp() throws IOException, DicomException {
        SyntheticCine cine = new SyntheticCine(BenchData.ROWS, BenchData.COLUMNS);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(cine.frame(i * 7));
        }
        stream = CodecAccess.encodeJpegYbr422(frames.get(0), BenchData.ROWS, BenchData.COLUMNS);
        Path tmp = Files.createTempFile("jpeg-bench", ".dcm");
        try {
            UltrasoundImageWriter.write(tmp, BenchFiles.header("jmh jpeg"),
                    new UltrasoundImageWriter.Image(BenchData.ROWS, BenchData.COLUMNS, true, frames, 33.3),
                    UltrasoundImageWriter.Encoding.JPEG_BASELINE);
            file = DicomFile.read(Files.readAllBytes(tmp), "jpeg-bench.dcm");
        } finally {
            Files.delete(tmp);
        }
    }

    /** Closes the file. */
    @TearDown
    public void tearDown() throws IOException {
        file.close();
    }

    /** The JDK's JPEG reader and the raster-to-array step: raw Y, Cb, Cr. */
    @Benchmark
    public byte[] jdkReaderComponents() throws IOException {
        return CodecAccess.decodeJpegComponents(stream);
    }

    /** The whole frame: fragment read, JPEG decode, YCbCr to RGB. */
    @Benchmark
    public Frame dicomFrame() throws DicomException {
        next = next % FRAMES + 1;
        return file.frame(next);
    }
}
