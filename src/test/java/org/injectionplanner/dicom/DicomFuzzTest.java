package org.injectionplanner.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the DICOM reader (docs/design.md §6, docs/dicom.md §5): files from the shared corpus and small
 * generated ones are mutated — bit flips, random bytes, truncation, duplicated and removed chunks,
 * huge and undefined lengths, wrong VRs, odd values of the attributes that steer decoding, segmented
 * palettes with loops, images resized beyond their data, deep nesting — then read, every value read
 * and every frame decoded. Only {@link DicomException} naming the file may come out; no input may take
 * longer than the watchdog allows ({@link FuzzHarness}).
 *
 * <p>The number of inputs comes from the system property {@code fuzz.tries} (300 in {@code mvn verify}), jqwik's
 * seed from {@code property.seed} as for every property ({@link org.injectionplanner.RepeatableSeed}: fixed in
 * {@code mvn verify}, blank for a random one, as the long run does); {@code fuzz.seeds}, a regular expression, limits
 * the seeds by name. Seeds of the codecs with the most
 * decoder code behind them are picked more often ({@link FuzzSeed#weight()}).
 * The long run is documented in README.md; the tag {@code fuzz} selects this class ({@code -Dgroups=fuzz}).
 */
@Tag("fuzz")
class DicomFuzzTest {

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong SLOWEST_MILLIS = new AtomicLong();
    private static final AtomicLong LARGEST_ALLOCATION = new AtomicLong();
    private static volatile String slowest = "";

    /**
     * One fuzz input: a seed and the mutations applied to it.
     *
     * @param seed the starting file
     * @param mutations applied in order
     */
    record FuzzInput(FuzzSeed seed, List<FuzzMutation> mutations) {

        byte[] bytes() {
            return FuzzMutation.apply(seed, mutations);
        }

        @Override
        public String toString() {
            return seed.name() + " " + mutations;
        }
    }

    /**
     * Sets the number of tries from the system property {@code fuzz.tries}; the seed is the build's
     * ({@link org.injectionplanner.RepeatableSeed}), logged.
     */
    static final class TriesFromSystemProperty implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("fuzz.tries", 300));
            String seed = context.attributes().seed().orElse("");
            System.out.println(seed.isEmpty()
                    ? "DicomFuzzTest: random seed (jqwik's report below gives it as 'seed = ...')"
                    : "DicomFuzzTest: seed " + seed + " (-Dproperty.seed)");
            return property.execute();
        }
    }

    @Example
    void corpusIsPresent() {
        assumeTrue(FuzzSeeds.corpusPresent(), "no corpus at " + FuzzSeeds.CORPUS.toAbsolutePath().normalize()
                + ": fuzzing starts from the generated seeds only");
        assertThat(FuzzSeeds.corpus()).isNotEmpty();
    }

    @Example
    void generatedSeedsDecode() {
        for (FuzzSeed seed : FuzzSeeds.generated()) {
            assertThat(FuzzHarness.check(seed.bytes(), seed.name()).category()).as(seed.name())
                    .isIn("all frames", "no pixel data");
        }
    }

    @Example
    void everySeedFailsOnlyWithDicomException() {
        for (FuzzSeed seed : FuzzSeeds.all()) {
            FuzzHarness.check(seed.bytes(), seed.name());
        }
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(TriesFromSystemProperty.class)
    void mutatedFilesFailOnlyWithDicomException(@ForAll("mutatedFiles") FuzzInput input) {
        FuzzHarness.Outcome outcome = FuzzHarness.check(input.bytes(), input.seed().name());
        INPUTS.incrementAndGet();
        LARGEST_ALLOCATION.accumulateAndGet(outcome.largestAllocation(), Math::max);
        if (outcome.millis() > SLOWEST_MILLIS.get()) {
            SLOWEST_MILLIS.set(outcome.millis());
            slowest = input.toString();
        }
        Statistics.label("outcome").collect(outcome.category());
    }

    @Provide
    Arbitrary<FuzzInput> mutatedFiles() {
        Arbitrary<FuzzMutation.Op> ops = Arbitraries.frequency(
                Tuple.of(6, FuzzMutation.Op.FLIP_BIT),
                Tuple.of(4, FuzzMutation.Op.SET_BYTE),
                Tuple.of(4, FuzzMutation.Op.RANDOM_BYTES),
                Tuple.of(2, FuzzMutation.Op.TRUNCATE),
                Tuple.of(2, FuzzMutation.Op.DUPLICATE_CHUNK),
                Tuple.of(2, FuzzMutation.Op.REMOVE_CHUNK),
                Tuple.of(4, FuzzMutation.Op.HUGE_LENGTH),
                Tuple.of(2, FuzzMutation.Op.UNDEFINED_LENGTH),
                Tuple.of(2, FuzzMutation.Op.SET_VR),
                Tuple.of(5, FuzzMutation.Op.SET_VALUE),
                Tuple.of(4, FuzzMutation.Op.INSERT_ELEMENT),
                Tuple.of(1, FuzzMutation.Op.INSERT_PALETTE),
                Tuple.of(2, FuzzMutation.Op.RESIZE),
                Tuple.of(1, FuzzMutation.Op.DEEP_NESTING),
                Tuple.of(3, FuzzMutation.Op.CODEC_HEADER));
        Arbitrary<Integer> operand = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<FuzzMutation> mutation = Combinators.combine(ops, operand, operand, operand).as(FuzzMutation::new);
        Pattern only = Pattern.compile(System.getProperty("fuzz.seeds", ".*"));
        List<Tuple.Tuple2<Integer, FuzzSeed>> seeds = FuzzSeeds.all().stream()
                .filter(s -> only.matcher(s.name()).matches())
                .map(s -> Tuple.of(s.weight(), s))
                .toList();
        return Combinators.combine(Arbitraries.frequency(seeds), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as(FuzzInput::new);
    }

    @AfterContainer
    static void report() {
        if (INPUTS.get() > 0) {
            System.out.printf("DicomFuzzTest: %d inputs, slowest %d ms (%s), largest allocation of one step %d MiB,"
                    + " max heap %d MiB%n", INPUTS.get(), SLOWEST_MILLIS.get(), slowest,
                    LARGEST_ALLOCATION.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
