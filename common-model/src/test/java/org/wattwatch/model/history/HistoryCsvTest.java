package org.wattwatch.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryCsvTest {

    private static List<HistoryRow> read(String csv) throws IOException {
        return HistoryCsv.read(new BufferedReader(new StringReader(csv)), "h.csv");
    }

    @Test
    void readsHourlyWhWithGaps() throws IOException {
        List<HistoryRow> rows = read("timestamp,wh\n2007-01-01T00:00:00,400.5\n2007-01-01T01:00:00,\n2007-01-01T02:00:00,300\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).wh()).isEqualTo(400.5);
        assertThat(rows.get(1).isGap()).isTrue();
        assertThat(rows.get(2).length()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void minuteWattsBecomeWattHours() throws IOException {
        List<HistoryRow> rows = read("timestamp,w\n2007-01-01T00:00:00,1200\n2007-01-01T00:01:00,600\n");
        assertThat(rows.get(0).wh()).isEqualTo(20.0);
        assertThat(rows.get(1).length()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badInputIsRejectedWithItsLine() {
        assertThatThrownBy(() -> read("time,kwh\n")).hasMessageContaining("line 1: expected header");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-01-01T00:00:00,1\n2007-01-01T01:00:00,abc\n"))
                .hasMessageContaining("h.csv: line 3: not a number");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-01-01T00:00:00,-4\n")).hasMessageContaining("line 2: must be");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-01-01T01:00:00,1\n2007-01-01T00:00:00,1\n"))
                .hasMessageContaining("line 3: timestamp 2007-01-01T00:00 is before line 2");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-01-01T01:00:00,1\n2007-01-01T01:00:00,1\n"))
                .hasMessageContaining("repeats line 2");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-01-01T01:00:00,1\n2007-01-01T02:00:00,250000\n"))
                .hasMessageContaining("line 3: 250000 Wh in 60 min is more than a home can draw (100 kW)");
        assertThatThrownBy(() -> read("timestamp,wh\n2007-13-01T01:00:00,1\n")).hasMessageContaining("line 2: not an ISO");
    }

    @Test
    void readsTheSharedHouseholdHistory() throws IOException {
        List<HistoryRow> rows = HistoryCsv.read(Path.of("../../shared/data/household-hourly.csv"));
        assertThat(rows).hasSize(34587);
        assertThat(rows.stream().filter(HistoryRow::isGap).count()).isEqualTo(436);
    }
}
