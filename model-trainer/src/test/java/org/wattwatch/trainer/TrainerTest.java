package org.wattwatch.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.Models;
import org.wattwatch.envelope.PackagedEnvelope;
import org.wattwatch.trainer.cli.TrainerCli;

/** The trainer end to end: history file in, model package out, read back with h2o-genmodel alone. */
class TrainerTest {

    @TempDir
    Path dir;

    /** The seed envelope (hour, low, high) from the bundled data/. */
    private static List<double[]> seed() throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../data/seed-envelope.csv")).subList(1, 25)) {
            String[] c = line.split(",");
            rows.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2])});
        }
        return rows;
    }

    private record Run(int exit, String out) {
    }

    /** Runs the CLI with what it prints, errors included. */
    private static Run cli(String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int exit = TrainerCli.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    private static EnvelopeModel load(Path model) throws Exception {
        try (InputStream in = Files.newInputStream(model)) {
            return Models.read(in, model.getFileName().toString());
        }
    }

    /**
     * 90 days of hours whose per-hour minimum and maximum are the seed's envelope: every fourth day
     * at the high edge, every fourth at the low edge, the others in between.
     */
    @Test
    void learnsTheSeedEnvelopeFromAHistoryThatHasIt() throws Exception {
        List<double[]> seed = seed();
        Path history = dir.resolve("seed-like.csv");
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder("timestamp,wh\n");
        LocalDateTime start = LocalDateTime.parse("2025-10-07T00:00");
        for (int day = 0; day < 90; day++) {
            for (int hour = 0; hour < 24; hour++) {
                double low = seed.get(hour)[1];
                double high = seed.get(hour)[2];
                double wh = day % 4 == 0 ? high : day % 4 == 1 ? low : low + (high - low) * random.nextDouble();
                csv.append(start.plusDays(day).plusHours(hour)).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", wh)).append('\n');
            }
        }
        Files.writeString(history, csv);
        Path model = dir.resolve("seed-like.zip");

        Run train = cli("train", "--history", history.toString(), "--out", model.toString(),
                "--quantiles", "0.001,0.999");
        assertThat(train.exit()).as(train.out()).isZero();

        EnvelopeModel envelope = load(model);
        assertThat(envelope).isInstanceOf(PackagedEnvelope.class);
        assertThat(envelope.version()).startsWith("gbm-");
        double[][] table = {{4, 150, 0.1647}, {4, 1500, 5.4588}, {4, 3000, 11.3412}, {9, 150, 0.0194},
            {9, 1500, 0.6914}, {9, 3000, 1.4380}, {20, 150, 0.0115}, {20, 1500, 0.3827}, {20, 3000, 0.7952}};
        for (double[] row : table) {
            LocalDateTime at = LocalDateTime.of(2026, 1, 5, (int) row[0], 0);
            double score = envelope.expected(at, Duration.ofHours(1)).score(row[1]);
            assertThat(score).as("hour %s, %s Wh", row[0], row[1]).isCloseTo(row[2], within(row[2] * 0.01));
        }
        assertThat(train.out()).contains("learning from 2160 windows of 60 min over 90 days")
                .contains("the training history replayed through the detector").contains("0 alerts");
    }

    /** A new owner's first four weeks, all in April: H2O drops the constant month, the model still loads. */
    @Test
    void learnsFromFourWeeksInOneMonthAndKeepsTheAlertBudget() throws Exception {
        Path history = dir.resolve("april.csv");
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("timestamp,w\n");
        LocalDateTime start = LocalDateTime.parse("2026-04-01T00:00");
        for (int minute = 0; minute < 28 * 24 * 60; minute++) {
            LocalDateTime at = start.plusMinutes(minute);
            double base = at.getHour() >= 18 && at.getHour() < 22 ? 900 : 250;
            double kettle = minute % 997 < 3 ? 2000 : 0;
            csv.append(at).append(',').append(String.format(Locale.ROOT, "%.1f",
                    base + kettle + 80 * random.nextDouble())).append('\n');
        }
        Files.writeString(history, csv);
        Path model = dir.resolve("april.zip");

        Run train = cli("train", "--history", history.toString(), "--out", model.toString(), "--window-minutes", "15",
                "--trees", "20");
        assertThat(train.exit()).as(train.out()).isZero();

        PackagedEnvelope envelope = (PackagedEnvelope) load(model);
        assertThat(envelope.manifest().features()).as("four weeks teach neither weekday nor month").containsExactly("hour");
        assertThat(envelope.manifest().alertBudget()).isEqualTo(2.0);
        assertThat(envelope.manifest().windowMeasure()).isEqualTo("level");
        assertThat(envelope.manifest().backtest().alerts()).as("replayed through the detector, within the budget")
                .isLessThanOrEqualTo(2);
        double night = envelope.expected(LocalDateTime.parse("2026-05-12T03:00"), Duration.ofMinutes(15)).highWh();
        assertThat(night).as("a 2 kW heater at night is far above the night's usual level")
                .isLessThan((250 + 2000) / 4.0);
    }

    /** A home whose nights change for good (a new freezer, a heat pump): retraining follows, one model does not. */
    @Test
    void backtestRetrainingAlongTheWayLearnsANewHabitThatOneModelKeepsAlertingOn() throws Exception {
        Path history = dir.resolve("new-habit.csv");
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("timestamp,wh\n");
        LocalDateTime start = LocalDateTime.parse("2026-03-02T00:00");
        for (int hour = 0; hour < 70 * 24; hour++) {
            LocalDateTime at = start.plusHours(hour);
            boolean night = at.getHour() < 6;
            double base = night ? (hour < 35 * 24 ? 200 : 1400) : 600;
            csv.append(at).append(',').append(String.format(Locale.ROOT, "%.1f", base + 150 * random.nextDouble()))
                    .append('\n');
        }
        Files.writeString(history, csv);
        Path model = dir.resolve("before.zip");
        assertThat(cli("train", "--history", history.toString(), "--to", "2026-04-05", "--out", model.toString(),
                "--trees", "20").exit()).isZero();

        Path single = dir.resolve("single.csv");
        Run once = cli("backtest", "--model", model.toString(), "--history", history.toString(), "--from", "2026-04-20",
                "--out", single.toString());
        Path rolling = dir.resolve("rolling.csv");
        Run retrained = cli("backtest", "--model", model.toString(), "--history", history.toString(), "--from",
                "2026-04-20", "--out", rolling.toString(), "--retrain-every", "7d", "--train-days", "14",
                "--train-option=--trees=20");

        assertThat(once.exit()).as(once.out()).isZero();
        assertThat(retrained.exit()).as(retrained.out()).isZero();
        List<LocalDateTime> nightsOneModel = alerts(single).stream().filter(raised -> raised.getHour() < 6).toList();
        assertThat(nightsOneModel).as("one model: every night of the new habit is unusual").hasSizeGreaterThanOrEqualTo(20);
        assertThat(alerts(rolling).stream().filter(raised -> raised.getHour() < 6))
                .as("retrained on the trailing two weeks: the new nights are usual, but for a few of two weeks' noise")
                .hasSizeLessThan(nightsOneModel.size() / 3);
        assertThat(retrained.out()).contains("from 2026-04-20: model gbm-").contains("trained on 2026-04-06 .. 2026-04-19");

        // with the retrain's rule, each candidate is judged on the week before it against the model in use
        Path checkedScores = dir.resolve("checked.csv");
        Run checked = cli("backtest", "--model", model.toString(), "--history", history.toString(), "--from",
                "2026-04-20", "--out", checkedScores.toString(), "--retrain-every", "7d", "--train-days", "14",
                "--retrain-rule", "checked", "--recent-days", "7", "--train-option=--trees=20");
        assertThat(checked.exit()).as(checked.out()).isZero();
        assertThat(checked.out()).containsPattern("retrain rule: [0-9]+ of [0-9]+ candidates took over")
                .containsPattern("(promoted|kept out): ");
        assertThat(cli("backtest", "--model", model.toString(), "--history", history.toString(), "--from",
                "2026-04-20", "--out", checkedScores.toString(), "--retrain-every", "7d", "--retrain-rule", "maybe")
                .exit()).isNotZero();
    }

    /** When the owner heard of each alert, from the backtest's alerts CSV. */
    private static List<LocalDateTime> alerts(Path scores) throws Exception {
        Path alerts = scores.resolveSibling(scores.getFileName().toString().replace(".csv", "-alerts.csv"));
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines.get(0)).isEqualTo("raised_at,resolved_at,peak_score,excess_wh");
        return lines.subList(1, lines.size()).stream().map(l -> LocalDateTime.parse(l.split(",")[0])).toList();
    }

    @Test
    void aScaleTheHistoryCannotMakeIsRefusedBeforeAnyTraining() throws Exception {
        Path history = dir.resolve("hours.csv");
        StringBuilder csv = new StringBuilder("timestamp,wh\n");
        for (int h = 0; h < 24 * 20; h++) {
            csv.append(LocalDateTime.parse("2026-01-01T00:00").plusHours(h)).append(",300\n");
        }
        Files.writeString(history, csv);
        Run run = cli("train", "--history", history.toString(), "--out", dir.resolve("s.zip").toString(),
                "--scales", "10,30");
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("--scales: '10' is not a whole multiple of the history's 60-minute interval")
                .doesNotContain("envelope (quantile");
        assertThat(Files.exists(dir.resolve("s.zip"))).isFalse();
    }

    @Test
    void refusesTooLittleHistoryAndReportsBadLines() throws Exception {
        Path history = dir.resolve("short.csv");
        StringBuilder csv = new StringBuilder("timestamp,wh\n");
        LocalDateTime start = LocalDateTime.parse("2026-01-01T00:00");
        for (int h = 0; h < 24 * 10; h++) {
            csv.append(start.plusHours(h)).append(',').append(h == 5 ? "-3" : h == 7 ? "oops" : "300").append('\n');
        }
        Files.writeString(history, csv);

        Run run = cli("train", "--history", history.toString(), "--out", dir.resolve("m.zip").toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("2 line(s) left out").contains("line 7: must be a finite, non-negative number")
                .contains("line 9: not a number: 'oops'");
        assertThat(Files.exists(dir.resolve("m.zip"))).isFalse();
    }
}
