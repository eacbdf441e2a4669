package org.wattwatch.agent.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedHouseholdTest {

    /** The seed envelope's high edge per hour (Wh in an hour = mean W), from the bundled data/. */
    private static double[] seedHighs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../data/seed-envelope.csv"), StandardCharsets.UTF_8);
        double[] highs = new double[24];
        lines.stream().skip(1).map(l -> l.split(",")).forEach(c -> highs[Integer.parseInt(c[0])] = Double.parseDouble(c[2]));
        return highs;
    }

    @Test
    void anOrdinaryDayStaysInsideTheSeedEnvelope() throws IOException {
        double[] highs = seedHighs();
        SimulatedHousehold household = new SimulatedHousehold(42, 0);
        for (int minute = 0; minute < 24 * 60; minute++) {
            LocalDateTime t = LocalDateTime.parse("2026-01-05T00:00").plusMinutes(minute);
            assertThat(household.meanWatts(t)).as("at %s", t).isBetween(150.0, highs[t.getHour()]);
        }
    }

    @Test
    void aHeaterLeftOnAtNightGoesBeyondIt() throws IOException {
        SimulatedHousehold household = new SimulatedHousehold(42, 2000);
        assertThat(household.meanWatts(LocalDateTime.parse("2026-01-05T04:00"))).isGreaterThan(seedHighs()[4] + 1500);
    }
}
