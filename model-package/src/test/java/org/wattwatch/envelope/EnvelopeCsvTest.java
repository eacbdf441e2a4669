package org.wattwatch.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class EnvelopeCsvTest {

    private static HourlyEnvelope seed() throws IOException {
        try (InputStream in = EnvelopeCsvTest.class.getResourceAsStream("/models/seed-envelope.csv")) {
            return EnvelopeCsv.read(in, "seed-envelope.csv");
        }
    }

    private static HourlyEnvelope parse(String csv) throws IOException {
        return EnvelopeCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    private static String fullCsvWith(String replacementForHour5) {
        StringBuilder csv = new StringBuilder("hour,low_wh,high_wh\n");
        for (int h = 0; h < 24; h++) {
            csv.append(h == 5 ? replacementForHour5 : h + ",100,400").append('\n');
        }
        return csv.toString();
    }

    @Test
    void readsTheSeedEnvelope() throws IOException {
        HourlyEnvelope seed = seed();
        assertThat(seed.forHour(4).lowWh()).isEqualTo(108);
        assertThat(seed.forHour(4).highWh()).isEqualTo(363);
        assertThat(seed.forHour(20).highWh()).isEqualTo(3745);
        assertThat(seed.version()).matches("seed-envelope-[0-9a-f]{12}");
    }

    @Test
    void versionFollowsContent() throws IOException {
        assertThat(parse(fullCsvWith("5,100,400")).version())
                .isNotEqualTo(parse(fullCsvWith("5,100,401")).version());
    }

    @Test
    void scalesTheHourToTheIntervalLength() throws IOException {
        var quarter = seed().expected(LocalDateTime.parse("2026-01-05T04:22:30"), Duration.ofMinutes(15));
        assertThat(quarter.lowWh()).as("a quarter centred on 04:30 has hour 4's range").isEqualTo(27.0);
        assertThat(quarter.highWh()).isEqualTo(90.75);
    }

    @Test
    void theRangeMovesSmoothlyFromOneHourToTheNextInsteadOfSteppingAtTheHour() throws IOException {
        HourlyEnvelope seed = seed();
        // hour 5 is 110..348, hour 6 is 111..1954: a quarter centred on 06:00 lies halfway
        var across = seed.expected(LocalDateTime.parse("2026-01-05T05:52:30"), Duration.ofMinutes(15));
        assertThat(across.lowWh()).isCloseTo((110 + 111) / 2.0 / 4, within(1e-9));
        assertThat(across.highWh()).isCloseTo((348 + 1954) / 2.0 / 4, within(1e-9));
        double previous = 0;
        for (int minute = 0; minute <= 60; minute++) { // from the centre of hour 5 to the centre of hour 6
            double high = seed.expected(LocalDateTime.parse("2026-01-05T05:22:30").plusMinutes(minute),
                    Duration.ofMinutes(15)).highWh();
            assertThat(high - previous).as("minute %d", minute).isLessThan(minute == 0 ? 1000 : 8.0);
            assertThat(high).isGreaterThanOrEqualTo(previous);
            previous = high;
        }
        assertThat(seed.expected(LocalDateTime.parse("2026-01-05T00:00"), Duration.ofHours(1)).highWh())
                .as("an hourly reading keeps its hour's range exactly").isEqualTo(464.0);
    }

    @Test
    void namesTheLineOfABadRow() {
        assertThatThrownBy(() -> parse(fullCsvWith("5,abc,400"))).hasMessageContaining("test.csv: line 7: not a number");
        assertThatThrownBy(() -> parse(fullCsvWith("5,500,400"))).hasMessageContaining("line 7: need 0 <= low_wh <= high_wh");
        assertThatThrownBy(() -> parse(fullCsvWith("24,100,400"))).hasMessageContaining("line 7: hour must be 0..23");
        assertThatThrownBy(() -> parse(fullCsvWith("4,100,400"))).hasMessageContaining("line 7: hour 4 appears twice");
        assertThatThrownBy(() -> parse(fullCsvWith("5,100"))).hasMessageContaining("line 7: expected 3 columns");
    }

    @Test
    void rejectsMissingHoursAndHeader() {
        assertThatThrownBy(() -> parse("hour,low_wh,high_wh\n0,1,2\n")).hasMessageContaining("no row for hour(s) [1, 2,");
        assertThatThrownBy(() -> parse("0,1,2\n")).hasMessageContaining("line 1: expected header");
    }
}
