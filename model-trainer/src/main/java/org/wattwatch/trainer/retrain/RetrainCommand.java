package org.wattwatch.trainer.retrain;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.reading.MeterReading;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.trainer.train.TrainingPlan;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Learn a candidate model for each meter from its history on Kafka, replay the recent weeks "
                + "with it and with the model in use (plus injected loads), put it live if it keeps the alert budget "
                + "and raises at least the loads the model in use raises, and record the decision.")
public class RetrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static class Meters {
        @Option(names = "--meter", required = true, description = "only this meter")
        String meter;

        @Option(names = "--all", required = true, description = "every meter with history (the default)")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Meters meters;

    @Option(names = "--bootstrap-servers", defaultValue = "${WATTWATCH_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka (default $WATTWATCH_KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--kafka-config", description = "a Kafka client properties file (security.protocol, SASL, trust "
            + "store), as kafka-topics.sh --command-config takes")
    java.nio.file.Path kafkaConfig;

    @Option(names = "--topic-prefix", defaultValue = "${WATTWATCH_TOPICS_PREFIX:-}",
            description = "the installation's topic prefix (default $WATTWATCH_TOPICS_PREFIX or none)")
    String prefix;

    @Option(names = "--scoring-url", defaultValue = "${WATTWATCH_SCORING_URL:-http://localhost:8081}",
            description = "the scoring service's API (default $WATTWATCH_SCORING_URL or ${DEFAULT-VALUE}); the owner's "
                    + "token comes from $WATTWATCH_SECURITY_TOKEN")
    URI scoringUrl;

    @Option(names = "--zone", defaultValue = "${WATTWATCH_ZONE:-UTC}", description = "the home's time zone")
    ZoneId zone;

    @Option(names = "--train-days", defaultValue = "365", description = "trailing days learned from (default ${DEFAULT-VALUE})")
    int trainDays;

    @Option(names = "--recent-days", defaultValue = CandidateCheck.DEFAULT_RECENT_DAYS, description = "trailing days both models are replayed on "
            + "(default ${DEFAULT-VALUE})")
    int recentDays;

    @Option(names = "--probes", defaultValue = CandidateCheck.DEFAULT_PROBES, description = "injected loads on those days (default ${DEFAULT-VALUE})")
    int probes;

    @Option(names = "--probe-watts", defaultValue = CandidateCheck.DEFAULT_PROBE_WATTS, description = "each injected load, for an hour "
            + "(default ${DEFAULT-VALUE})")
    double probeWatts;

    @Option(names = "--alert-budget", defaultValue = TrainingPlan.DEFAULT_ALERT_BUDGET, description = "alerts a month the candidate may raise on "
            + "the recent days (default ${DEFAULT-VALUE})")
    double alertBudget;

    @Option(names = "--min-days", defaultValue = TrainingPlan.DEFAULT_MIN_DAYS, description = "days of history a meter needs (default ${DEFAULT-VALUE})")
    int minDays;

    @Option(names = "--seed", defaultValue = "42", description = "for the GBMs and the probes (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dry-run", description = "decide and print, but put nothing live and record nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String token = System.getenv("WATTWATCH_SECURITY_TOKEN");
        if (!dryRun && (token == null || token.isBlank())) {
            throw new ParameterException(spec.commandLine(), "WATTWATCH_SECURITY_TOKEN must hold the owner's token: "
                    + "a retrain changes models through the scoring service's API");
        }
        if (trainDays < minDays || recentDays < 1 || probes < 0 || alertBudget < 0) {
            throw new ParameterException(spec.commandLine(), "--train-days must be at least --min-days, --recent-days "
                    + "at least 1, --probes and --alert-budget not negative");
        }
        Map<String, Object> kafka = new java.util.HashMap<>();
        if (kafkaConfig != null) {
            java.util.Properties file = new java.util.Properties();
            try (var in = java.nio.file.Files.newInputStream(kafkaConfig)) {
                file.load(in);
            }
            file.forEach((k, v) -> kafka.put((String) k, v));
        }
        kafka.put("bootstrap.servers", bootstrapServers);
        LearningTopics topics = new LearningTopics(kafka, new TopicNames(prefix));
        String only = meters != null && meters.meter != null ? meters.meter : null;
        Map<String, List<MeterReading>> history = topics.history(m -> only == null || only.equals(m));
        var feedback = topics.feedback();
        if (history.isEmpty()) {
            out.println(only == null ? "no meter has history on power.history yet" : "meter " + only + " has no history yet");
            return only == null ? 0 : 1;
        }
        ScoringApi api = new ScoringApi(scoringUrl, token == null ? "" : token);
        Retrainer retrainer = new Retrainer(new RetrainSettings(trainDays, recentDays, probes, probeWatts, alertBudget,
                minDays, seed, zone), out, Clock.systemUTC());
        int failed = 0;
        for (Map.Entry<String, List<MeterReading>> meter : history.entrySet()) {
            try {
                ScoringApi.ModelFile current = api.current(meter.getKey());
                Retrainer.Outcome outcome = retrainer.retrain(meter.getKey(), meter.getValue(),
                        feedback.getOrDefault(meter.getKey(), List.of()), current.model());
                ModelDecision d = outcome.decision();
                if (!dryRun && d.promoted()) {
                    api.promote(meter.getKey(), "retrained-" + d.candidateVersion() + ".zip", outcome.candidatePackage());
                }
                if (!dryRun) {
                    topics.record(d);
                }
                out.println(describe(d));
            } catch (Exception e) {
                failed++;
                out.println("meter " + meter.getKey() + ": " + e.getMessage());
            }
        }
        if (topics.skipped() > 0) {
            out.println(topics.skipped() + " unreadable record(s) skipped");
        }
        return failed == 0 ? 0 : 1;
    }

    static String describe(ModelDecision d) {
        StringBuilder s = new StringBuilder("meter ").append(d.meterId()).append(": ")
                .append(d.candidateVersion() == null ? "no candidate"
                        : d.candidateVersion() + (d.promoted() ? " PROMOTED" : " not promoted"))
                .append(" (").append(d.reason()).append(')');
        if (d.candidate() != null) {
            s.append(String.format(Locale.ROOT, "%n  in use %s: %d alerts (%.1f a month), %d of %d loads raised"
                    + "%n  candidate:  %d alerts (%.1f a month), %d of %d loads raised", d.currentVersion(),
                    d.current().alerts(), d.current().alertsPerMonth(), d.current().probesCaught(), d.current().probes(),
                    d.candidate().alerts(), d.candidate().alertsPerMonth(), d.candidate().probesCaught(),
                    d.candidate().probes()));
        }
        return s.toString();
    }
}
