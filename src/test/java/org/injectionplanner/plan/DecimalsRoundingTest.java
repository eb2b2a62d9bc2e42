package org.injectionplanner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Clearances print rounded down, depths up: toward the unsafe side, never across a margin or a line. */
class DecimalsRoundingTest {

    @Test
    void aClearanceJustUnderAMarginNeverReadsAsTheMargin() {
        assertThat(Decimals.floorTenth(4.96)).isEqualTo("4.9");
        assertThat(Decimals.floorTenth(5.0)).isEqualTo("5.0");
        assertThat(Decimals.floorTenth(40 * 0.1)).as("floating-point noise is not a step").isEqualTo("4.0");
        assertThat(Decimals.floorTenth(0.0)).isEqualTo("0.0");
    }

    @Test
    void aDepthJustBeyondALineNeverReadsAsTheLine() {
        assertThat(Decimals.ceilTenth(30.04)).isEqualTo("30.1");
        assertThat(Decimals.ceilTenth(30.0)).isEqualTo("30.0");
        assertThat(Decimals.ceilTenth(350 * 0.1)).isEqualTo("35.0");
        assertThat(Decimals.ceilTenth(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

    @Property(tries = 500)
    void theTextIsOnTheUnsafeSideOfTheValue(@ForAll @DoubleRange(min = 0, max = 1000) double mm) {
        assertThat(Double.parseDouble(Decimals.floorTenth(mm))).isLessThanOrEqualTo(mm + 1e-9)
                .isGreaterThan(mm - 0.1 - 1e-9);
        assertThat(Double.parseDouble(Decimals.ceilTenth(mm))).isGreaterThanOrEqualTo(mm - 1e-9)
                .isLessThan(mm + 0.1 + 1e-9);
    }
}
