package org.wattwatch.scoring.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.access.ProblemResponses;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.score.ExpectedRange;
import org.wattwatch.event.validation.Violation;
import org.wattwatch.scoring.api.InvalidRequestException;
import org.wattwatch.scoring.model.ReadingScorer;

/** What the dashboard page at {@code /} reads of the usage: meters, a day against its band, the week's envelope, the model. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private static final Duration HOUR = Duration.ofHours(1);

    private final ScoredHistory history;
    private final ReadingScorer scorer;
    private final ZoneId zone;

    private final ModelDecisions decisions;

    DashboardController(ScoredHistory history, ReadingScorer scorer, ModelDecisions decisions) {
        this.decisions = decisions;
        this.history = history;
        this.scorer = scorer;
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

    @Operation(summary = "The model judging a meter: version, training span, backtest alerts per month, and the "
            + "latest retrain decisions")
    @GetMapping("/model")
    ModelCard model(@RequestParam String meter) {
        known(meter);
        return ModelCard.of(meter, scorer.model(meter), scorer.hasOwnModel(meter), decisions.of(meter));
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
        return ProblemResponses.of(HttpStatus.NOT_FOUND, "Unknown meter", "meter", e.getMessage());
    }

    static class UnknownMeterException extends RuntimeException {
        UnknownMeterException(String meter) {
            super("no readings of meter '" + meter + "' in the dashboard's history, and no model of its own");
        }
    }
}
