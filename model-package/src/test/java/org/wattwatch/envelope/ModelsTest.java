package org.wattwatch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.score.ExpectedRange;

class ModelsTest {

    /** Throws only where a week of scoring would reach it: a Sunday night in December. */
    private static EnvelopeModel failingOnDecemberSundayNights() {
        return new EnvelopeModel() {
            @Override
            public ExpectedRange expected(LocalDateTime localStart, Duration length) {
                if (localStart.getMonthValue() == 12 && localStart.getDayOfWeek() == DayOfWeek.SUNDAY
                        && localStart.getHour() == 23) {
                    throw new ArithmeticException("/ by zero");
                }
                return new ExpectedRange(0, 100);
            }

            @Override
            public String version() {
                return "broken";
            }
        };
    }

    @Test
    void aModelThatWouldThrowAtScoringTimeIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> Models.tried(failingOnDecemberSundayNights(), "broken.zip"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("broken.zip: fails when asked for SUNDAY")
                .hasMessageContaining("23:00").hasMessageContaining("/ by zero");
    }

    @Test
    void theBundledSeedEnvelopePassesItsTrial() throws Exception {
        try (InputStream in = ModelsTest.class.getResourceAsStream("/models/seed-envelope.csv")) {
            assertThat(Models.read(in, "seed-envelope.csv").version()).isNotBlank();
        }
    }
}
