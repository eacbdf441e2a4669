package org.wattwatch.event.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.wattwatch.event.history.HistoryProblem.Kind;

class HistoryCsvTest {

    private static History read(String csv) throws IOException {
        return read(csv, ZoneOffset.UTC);
    }

    private static History read(String csv, ZoneId zone) throws IOException {
        return HistoryCsv.read(new BufferedReader(new StringReader(csv)), "h.csv", zone);
    }

    @Test
    void readsHourlyWhWithGapsAndMissingRows() throws IOException {
        History history = read("timestamp,wh\n2007-01-01T00:00:00,400.5\n2007-01-01T01:00:00,\n"
                + "2007-01-01T02:00:00,300\n2007-01-01T05:00:00,200\n");
        assertThat(history.rows()).hasSize(4);
        assertThat(history.rows().get(0).wh()).isEqualTo(400.5);
        assertThat(history.rows().get(1).isGap()).isTrue();
        assertThat(history.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(history.missingRows()).isEqualTo(2);
        assertThat(history.gapRows()).isEqualTo(3);
        assertThat(history.problems()).isEmpty();
    }

    @Test
    void minuteWattsBecomeWattHours() throws IOException {
        History history = read("timestamp,w\n2007-01-01T00:00:00,1200\n2007-01-01T00:01:00,600\n");
        assertThat(history.rows().get(0).wh()).isEqualTo(20.0);
        assertThat(history.rows().get(1).length()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badLinesAreLeftOutAndReportedWithTheirLineAndKind() throws IOException {
        History history = read("""
                timestamp,wh
                2007-01-01T00:00:00,100
                2007-01-01T01:00:00,abc
                2007-01-01T02:00:00,-4
                2007-01-01T03:00:00,250000
                2007-01-01T04:00:00,100
                2007-01-01T04:00:00,100
                2007-01-01T02:30:00,100
                2007-13-01T05:00:00,1
                2007-01-01T05:00:00,1,2
                2007-01-01T05:00:00,100
                2007-01-01T05:20:00,100
                2007-01-01T06:00:00,100
                """);
        assertThat(history.rows()).extracting(HistoryRow::line).containsExactly(2, 6, 11, 13);
        assertThat(history.problems()).extracting(HistoryProblem::line, HistoryProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, Kind.UNPARSABLE), org.assertj.core.groups.Tuple.tuple(4, Kind.NEGATIVE),
                org.assertj.core.groups.Tuple.tuple(5, Kind.ABSURD), org.assertj.core.groups.Tuple.tuple(7, Kind.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple(8, Kind.OUT_OF_ORDER), org.assertj.core.groups.Tuple.tuple(9, Kind.UNPARSABLE),
                org.assertj.core.groups.Tuple.tuple(10, Kind.UNPARSABLE), org.assertj.core.groups.Tuple.tuple(12, Kind.IRREGULAR));
        assertThat(history.report()).contains("8 line(s) left out").contains("line 5: 250000 Wh in 60 min is more than");
        assertThatThrownBy(history::requireClean).hasMessageContaining("8 unusable line(s)");
    }

    @Test
    void aLocalTimeTheClockSkippedIsReportedAsDst() throws IOException {
        History history = read("timestamp,wh\n2026-03-29T01:00:00,1\n2026-03-29T02:00:00,1\n2026-03-29T03:00:00,1\n",
                ZoneId.of("Europe/Paris"));
        assertThat(history.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.DST);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void aWrongHeaderIsFatal() {
        assertThatThrownBy(() -> read("time,kwh\n")).hasMessageContaining("line 1: expected header");
    }

    @Test
    void readsTheBundledHouseholdHistory() throws IOException {
        History history = HistoryCsv.read(Path.of("../data/household-hourly.csv"), ZoneOffset.UTC);
        assertThat(history.rows()).hasSize(34587);
        assertThat(history.gapRows()).isEqualTo(436);
        assertThat(history.problems()).isEmpty();
    }
}
