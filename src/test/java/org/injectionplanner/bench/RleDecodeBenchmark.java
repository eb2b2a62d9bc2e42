package org.injectionplanner.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.dicom.CodecAccess;
import org.injectionplanner.dicom.DicomException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** RLE Lossless decoding ({@code RleDecoder.decode}) of one 640 × 480 RGB frame of the synthetic cine. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RleDecodeBenchmark {

    private byte[] encoded;

    /** Encodes one frame and checks that it decodes back to the original planes. */
    @Setup
    public void setUp() throws DicomException {
        byte[] rgb = new SyntheticCine(BenchData.ROWS, BenchData.COLUMNS).frame(5);
        encoded = RleEncoder.encode(rgb, BenchData.ROWS, BenchData.COLUMNS, 3);
        byte[] planes = CodecAccess.decodeRle(encoded, BenchData.PIXELS, 3, 1);
        byte[] expected = new byte[rgb.length];
        for (int i = 0; i < BenchData.PIXELS; i++) {
            for (int s = 0; s < 3; s++) {
                expected[s * BenchData.PIXELS + i] = rgb[3 * i + s];
            }
        }
        if (!Arrays.equals(planes, expected)) {
            throw new IllegalStateException("the RLE test frame does not decode to its source");
        }
    }

    /** Decodes the frame to colour-by-plane samples. */
    @Benchmark
    public byte[] decode() throws DicomException {
        return CodecAccess.decodeRle(encoded, BenchData.PIXELS, 3, 1);
    }
}
