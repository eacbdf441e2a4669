package org.wattwatch.trainer.retrain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.DetectorSettings;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.event.history.History;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.trainer.gbm.GbmSettings;
import org.wattwatch.trainer.history.HistoryFiles;
import org.wattwatch.trainer.history.Window;
import org.wattwatch.trainer.history.Windows;
import org.wattwatch.trainer.train.EnvelopeTrainer;
import org.wattwatch.trainer.train.HistoryReplay;
import org.wattwatch.trainer.train.TrainingPlan;

/**
 * One meter's retrain: a candidate learned from the trailing days of its history (what the owner said
 * applied), both it and the model in use replayed on the recent days with and without injected loads, and
 * the rule's verdict. Putting the candidate live and recording the decision are the caller's.
 */
public final class Retrainer {

    /** A decision, with the candidate's package when one was trained. */
    record Outcome(ModelDecision decision, byte[] candidatePackage) {
    }

    /** The training window, envelope shares and threshold, as {@code ./wattwatch train} learns by default. */
    static final int WINDOW_MINUTES = Integer.parseInt(TrainingPlan.DEFAULT_WINDOW_MINUTES);
    static final double LOW_SHARE = Double.parseDouble(TrainingPlan.DEFAULT_SHARES.split(",")[0]);
    static final double HIGH_SHARE = Double.parseDouble(TrainingPlan.DEFAULT_SHARES.split(",")[1]);
    static final double THRESHOLD = Double.parseDouble(TrainingPlan.DEFAULT_THRESHOLD);

    private final RetrainSettings settings;
    private final PrintStream log;
    private final Clock clock;

    Retrainer(RetrainSettings settings, PrintStream log, Clock clock) {
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    Outcome retrain(String meter, List<MeterReading> history, List<AlertFeedback> feedback, EnvelopeModel current)
            throws IOException {
        Instant now = clock.instant();
        if (history.isEmpty()) {
            return none(meter, now, current, "no history yet");
        }
        Duration readingLength = commonLength(history);
        Instant end = history.get(history.size() - 1).intervalEnd();
        List<MeterReading> trailing = since(history, end.minus(Duration.ofDays(settings.trainDays())));
        long days = trailing.stream().map(r -> r.intervalStart().atZone(settings.zone()).toLocalDate()).distinct()
                .count();
        if (days < settings.minDays()) {
            return none(meter, now, current, "waiting for history: " + days + " day(s), a model needs "
                    + settings.minDays());
        }
        AnomalyDetector service = serviceDetector(settings.zone());
        List<AlertPeriods.Period> problems = AlertPeriods.labelled(feedback, AlertFeedback.Label.PROBLEM);
        List<AlertPeriods.Period> expected = AlertPeriods.labelled(feedback, AlertFeedback.Label.EXPECTED);
        TrainingData.Selection selection = TrainingData.select(trailing,
                AlertPeriods.of(Replay.run(service, current, trailing), readingLength, settings.zone()), problems,
                expected, settings.zone());
        log.printf("meter %s: learning from %d of %d readings (%d in periods called real problems, %d in one-off "
                + "alerts left out; %d expected period(s))%n", meter, selection.readings().size(), trailing.size(),
                selection.leftOutProblem(), selection.leftOutOneOff(), expected.size());

        EnvelopeTrainer.Trained trained;
        try {
            trained = train(meter, selection, readingLength);
        } catch (IllegalArgumentException e) {
            return none(meter, now, current, "no candidate: " + e.getMessage());
        }
        EnvelopeModel candidate = trained.model();
        CandidateCheck.Result check = CandidateCheck.check(current, candidate,
                since(history, end.minus(Duration.ofDays(settings.recentDays()))), settings.zone(), settings.probes(),
                settings.probeWatts(), settings.alertBudget(), settings.seed(), problems,
                feedback.stream().map(f -> new AlertPeriods.Period(f.from(), f.to())).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        return new Outcome(new ModelDecision(ModelDecision.SCHEMA_VERSION, meter, now, current.version(),
                candidate.version(), check.promoted(), check.reason(), trailing.get(0).intervalStart(), end,
                check.current(), check.candidate()), bytes.toByteArray());
    }

    private EnvelopeTrainer.Trained train(String meter, TrainingData.Selection selection, Duration readingLength)
            throws IOException {
        Duration window = Duration.ofMinutes(WINDOW_MINUTES);
        History history = HistoryFiles.of(selection.readings(), "power.history/" + meter, settings.zone());
        List<Window> windows = new ArrayList<>();
        for (Window w : Windows.of(history, window, null, null, DetectorSettings.DEFAULT_DIP_ALLOWANCE)) {
            int weight = TrainingData.expected(selection, w.start().atZone(settings.zone()).toInstant(), window)
                    ? TrainingData.EXPECTED_WEIGHT : 1;
            for (int i = 0; i < weight; i++) {
                windows.add(w);
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("the history has no whole window to learn from");
        }
        windows.sort(Comparator.comparing(Window::start));
        GbmSettings gbm = GbmSettings.defaults(settings.seed());
        TrainingPlan plan = new TrainingPlan(WINDOW_MINUTES, LOW_SHARE, HIGH_SHARE, gbm, THRESHOLD,
                settings.alertBudget(), TrainingPlan.autoScales(readingLength),
                readingLength.compareTo(window) < 0 ? "level" : "energy");
        HistoryReplay replay = new HistoryReplay(new AnomalyDetector(settings.zone(), DetectorSettings.of(THRESHOLD,
                window)), List.of(selection.readings()));
        ModelManifest.Training training = new ModelManifest.Training(List.of("power.history/" + meter),
                windows.get(0).start(), windows.get(windows.size() - 1).start(), windows.size(), history.gapRows(),
                history.problems().size(), settings.zone().getId(), gbm.asMap());
        return new EnvelopeTrainer(plan, replay, log, clock).train(windows, training);
    }

    private Outcome none(String meter, Instant now, EnvelopeModel current, String reason) {
        return new Outcome(new ModelDecision(ModelDecision.SCHEMA_VERSION, meter, now, current.version(), null, false,
                reason, null, null, new ModelDecision.Figures(0, 0, 0, 0, 0, 0, 0), null), null);
    }

    /** The detector as the scoring service runs it by default: what both models are judged through. */
    static AnomalyDetector serviceDetector(java.time.ZoneId zone) {
        return new AnomalyDetector(zone, DetectorSettings.of(THRESHOLD, DetectorSettings.DEFAULT_WINDOW));
    }

    /** The bundled envelope every meter starts with. */
    static boolean isSeed(EnvelopeModel model) {
        return model.version().startsWith("seed-envelope");
    }

    private static List<MeterReading> since(List<MeterReading> readings, Instant from) {
        return readings.stream().filter(r -> !r.intervalStart().isBefore(from)).toList();
    }

    /** The most common reading length of a history. */
    static Duration commonLength(List<MeterReading> readings) {
        Map<Duration, Long> counts = readings.stream()
                .collect(Collectors.groupingBy(MeterReading::duration, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
    }

}
