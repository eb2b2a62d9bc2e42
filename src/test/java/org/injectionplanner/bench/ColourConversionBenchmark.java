package org.injectionplanner.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.injectionplanner.dicom.CodecAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * YCbCr to RGB ({@code ColourConversion.ybrToRgb}) on one 640 × 480 frame of real decoder output,
 * JPEG-coded and decoded: {@code ultrasound} is a frame of the synthetic cine (mostly grey, as B-mode
 * images are; grey pixels take a short cut), {@code colour} a frame with colour everywhere (the worst
 * case). The conversion works in place, so each invocation starts from a fresh copy of the components;
 * the copy is outside the timed region.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ColourConversionBenchmark {

    /** Which frame to convert. */
    @Param({"ultrasound", "colour"})
    public String content;

    private byte[] components;
    private byte[] work;

    /** Decodes one frame of the synthetic cine to its raw components. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] rgb = content.equals("colour") ? colourFrame()
                : new SyntheticCine(BenchData.ROWS, BenchData.COLUMNS).frame(5);
        components = CodecAccess.decodeJpegComponents(
                CodecAccess.encodeJpegYbr422(rgb, BenchData.ROWS, BenchData.COLUMNS));
        work = new byte[components.length];
    }

    /** Smooth colour gradients over the whole frame. */
    private static byte[] colourFrame() {
        byte[] rgb = new byte[BenchData.PIXELS * 3];
        for (int y = 0; y < BenchData.ROWS; y++) {
            for (int x = 0; x < BenchData.COLUMNS; x++) {
                int i = 3 * (y * BenchData.COLUMNS + x);
                rgb[i] = (byte) (x * 255 / BenchData.COLUMNS);
                rgb[i + 1] = (byte) (y * 255 / BenchData.ROWS);
                rgb[i + 2] = (byte) ((x + y) * 255 / (BenchData.COLUMNS + BenchData.ROWS));
            }
        }
        return rgb;
    }

    /** Restores the YCbCr input before each call. */
    @Setup(Level.Invocation)
    public void restore() {
        System.arraycopy(components, 0, work, 0, components.length);
    }

    /** Converts the frame in place. */
    @Benchmark
    public byte[] ybrToRgb() {
        CodecAccess.ybrToRgb(work);
        return work;
    }
}
