package org.wattwatch.event.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpectedRangeTest {

    /** The 2018 talk's table, with the seed envelope's low/high for hours 4, 9 and 20. */
    @ParameterizedTest
    @CsvSource({
            "108, 363, 150, 0.1647", "108, 363, 1500, 5.4588", "108, 363, 3000, 11.3412",
            "111, 2120, 150, 0.0194", "111, 2120, 1500, 0.6914", "111, 2120, 3000, 1.4380",
            "108, 3745, 150, 0.0115", "108, 3745, 1500, 0.3827", "108, 3745, 3000, 0.7952"})
    void reproducesTheSeedTable(double low, double high, double wh, double expected) {
        assertThat(new ExpectedRange(low, high).score(wh)).isCloseTo(expected, within(0.00005));
    }

    @Test
    void flatRangeStaysFinite() {
        assertThat(new ExpectedRange(100, 100).score(150)).isEqualTo(50.0);
    }

    @Test
    void scalingKeepsTheScore() {
        ExpectedRange hour = new ExpectedRange(108, 363);
        assertThat(hour.scaled(0.25).score(1500 * 0.25)).isCloseTo(hour.score(1500), within(1e-9));
    }

    @Test
    void rejectsInvertedRange() {
        assertThatThrownBy(() -> new ExpectedRange(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
