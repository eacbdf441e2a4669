package org.wattwatch.scoring.dashboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.validation.Violation;
import org.wattwatch.scoring.api.InvalidRequestException;
import org.wattwatch.scoring.model.ReadingScorer;

/** What the dashboard page at {@code /} reads: meters, a day against its band, the week's envelope, alerts. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private static final Duration HOUR = Duration.ofHours(1);

    private final ScoredHistory history;
    private final LiveUpdates live;
    private final ReadingScorer scorer;
    private final NotifierClient notifier;
    private final ScoredFeed feed;
    private final StreamsBuilderFactoryBean streams;
    private final ZoneId zone;

    DashboardController(ScoredHistory history, LiveUpdates live, ReadingScorer scorer, NotifierClient notifier,
            ScoredFeed feed, StreamsBuilderFactoryBean streams) {
        this.history = history;
        this.live = live;
        this.scorer = scorer;
        this.notifier = notifier;
        this.feed = feed;
        this.streams = streams;
        this.zone = scorer.zone();
    }

    record MeterSummary(String meter, PointView latest, String modelVersion, boolean ownModel) {
    }

    @Operation(summary = "The meters with readings in the dashboard's history, each with its latest point")
    @GetMapping("/meters")
    List<MeterSummary> meters() {
        List<MeterSummary> meters = new ArrayList<>();
        history.latest().forEach((meter, point) -> meters.add(new MeterSummary(meter, PointView.of(point),
                scorer.model(meter).version(), scorer.hasOwnModel(meter))));
        return meters;
    }

    @Operation(summary = "A local day of a meter (default: the day of its latest reading) against the model's band")
    @GetMapping("/day")
    DayView day(@RequestParam String meter, @RequestParam(required = false) String date) {
        known(meter);
        LocalDate day = date != null ? parse(date)
                : history.latest(meter).map(p -> p.start().atZone(zone).toLocalDate()).orElse(LocalDate.now(zone));
        ZonedDateTime from = day.atStartOfDay(zone);
        ZonedDateTime to = day.plusDays(1).atStartOfDay(zone);
        EnvelopeModel model = scorer.model(meter);
        List<PointView> points = history.between(meter, from.toInstant(), to.toInstant()).orElse(List.of()).stream()
                .map(PointView::of).toList();
        LocalDate firstDay = history.oldest(meter).map(t -> t.atZone(zone).toLocalDate()).orElse(null);
        return new DayView(meter, day, zone.getId(), from.toEpochSecond(), to.toEpochSecond(), model.version(), points,
                hourlyBand(model, from, to), points.stream().filter(PointView::above).count(), firstDay);
    }

    record WeekView(String meter, LocalDate monday, String zone, String modelVersion, List<DayView.Band> band) {
    }

    @Operation(summary = "The active model's band for every hour of the week (Monday to Sunday) holding a date")
    @GetMapping("/week")
    WeekView week(@RequestParam String meter, @RequestParam(required = false) String date) {
        known(meter);
        LocalDate monday = (date != null ? parse(date) : LocalDate.now(zone))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        EnvelopeModel model = scorer.model(meter);
        return new WeekView(meter, monday, zone.getId(), model.version(),
                hourlyBand(model, monday.atStartOfDay(zone), monday.plusDays(7).atStartOfDay(zone)));
    }

    @Operation(summary = "The model judging a meter: version, training span, backtest alerts per month")
    @GetMapping("/model")
    ModelCard model(@RequestParam String meter) {
        known(meter);
        return ModelCard.of(meter, scorer.model(meter), scorer.hasOwnModel(meter));
    }

    @Operation(summary = "Server-sent events: every new point of the meter ('point' events)")
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam String meter) {
        return live.subscribe(meter);
    }

    @Operation(summary = "The notifier's recent alerts with their deliveries, passed through")
    @GetMapping("/alerts")
    ResponseEntity<byte[]> alerts() {
        return notifier.alerts();
    }

    @Operation(summary = "Snooze an alert at the notifier, for an ISO-8601 duration such as PT2H")
    @PostMapping("/alerts/{id}/snooze")
    ResponseEntity<byte[]> snooze(@PathVariable String id, @RequestParam("for") String length) {
        return notifier.snooze(id, length);
    }

    /** @param zone the home's time zone: the page shows every time on its clock */
    record Status(String zone, boolean broker, boolean notifier, String streams, Instant lastReadingAt,
            int livePages) {
    }

    @Operation(summary = "Whether the broker and the notifier answer, so the page can say what it cannot show")
    @GetMapping("/status")
    Status status() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return new Status(zone.getId(), feed.brokerReachable(), notifier.reachable(),
                kafkaStreams == null ? "NOT_STARTED" : kafkaStreams.state().name(), feed.lastRecordAt(), live.open());
    }

    /** Hour by hour on the wall clock: 23 or 25 of them when the day has a DST change. */
    private static List<DayView.Band> hourlyBand(EnvelopeModel model, ZonedDateTime from, ZonedDateTime to) {
        List<DayView.Band> band = new ArrayList<>();
        for (ZonedDateTime t = from; t.isBefore(to); t = t.plus(HOUR)) {
            ExpectedRange range = model.expected(t.toLocalDateTime(), HOUR); // Wh in an hour = average W
            band.add(new DayView.Band(t.toEpochSecond(), t.plus(HOUR).toEpochSecond(), range.lowWh(), range.highWh()));
        }
        return band;
    }

    private void known(String meter) {
        if (history.latest(meter).isEmpty() && !scorer.hasOwnModel(meter)) {
            throw new UnknownMeterException(meter);
        }
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new Violation("date",
                    "not a date such as 2026-01-05, was '" + date + "'")));
        }
    }

    @ExceptionHandler(UnknownMeterException.class)
    ProblemDetail unknownMeter(UnknownMeterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown meter");
        problem.setProperty("errors", List.of(new Violation("meter", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(NotifierClient.NotifierUnreachableException.class)
    ProblemDetail notifierUnreachable(NotifierClient.NotifierUnreachableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Notifier unreachable");
        return problem;
    }

    static class UnknownMeterException extends RuntimeException {
        UnknownMeterException(String meter) {
            super("no readings of meter '" + meter + "' in the dashboard's history, and no model of its own");
        }
    }
}
