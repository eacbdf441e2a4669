package org.wattwatch.trainer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.event.history.History;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.reading.MeterReading;

class HistoryFilesTest {

    @TempDir
    Path dir;

    @Test
    void aDumpOfPowerReadingsIsAHistoryOnTheHomesClock() throws Exception {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T03:00:00Z");
        for (int i = 0; i < 120; i++) {
            Instant s = start.plusSeconds(60L * i);
            lines.add(new String(EventJson.write(new MeterReading(1, "main", s, s.plusSeconds(60), 5 + i % 3, 5, "a",
                    i)), StandardCharsets.UTF_8));
        }
        Path dump = dir.resolve("readings.jsonl");
        Files.write(dump, lines);

        History history = HistoryFiles.read(dump, ZoneId.of("Europe/Paris"));

        assertThat(history.resolution()).isEqualTo(Duration.ofMinutes(1));
        assertThat(history.rows().get(0).start()).isEqualTo(LocalDateTime.parse("2026-01-05T04:00"));
        List<Window> windows = Windows.of(history, Duration.ofMinutes(60), null, null, Duration.ofMinutes(1));
        assertThat(windows).hasSize(61);
        assertThat(windows.get(0).wh()).as("the level the hour held, 5 Wh a minute, over the hour").isEqualTo(5 * 60);
    }

    @Test
    void aBrokenReadingInADumpIsNamed() throws Exception {
        Path dump = dir.resolve("bad.jsonl");
        Files.writeString(dump, "{\"schemaVersion\":1}\n");
        assertThatThrownBy(() -> HistoryFiles.read(dump, ZoneId.of("UTC"))).hasMessageContaining("line 1:");
    }

    @Test
    void windowsSkipGapsAndNeedAMultipleOfTheResolution() throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "timestamp,w\n2026-01-05T00:00:00,600\n2026-01-05T00:01:00,\n2026-01-05T00:02:00,600\n"
                + "2026-01-05T00:03:00,600\n");
        History history = HistoryFiles.read(csv, ZoneId.of("UTC"));
        assertThat(Windows.of(history, Duration.ofMinutes(2), null, null, Duration.ofMinutes(1))).extracting(Window::wh).containsExactly(20.0);
        assertThatThrownBy(() -> Windows.of(history, Duration.ofSeconds(90), null, null, Duration.ofMinutes(1)))
                .hasMessageContaining("must be a multiple");
    }
}
