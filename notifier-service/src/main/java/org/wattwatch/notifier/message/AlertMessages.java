package org.wattwatch.notifier.message;

import java.net.URI;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.wattwatch.event.alert.AlertKind;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.notifier.config.NotifierProperties;

/**
 * Words a person understands, on the home's wall clock, from the templates in
 * {@code messages/alerts*.properties} in the configured locale ({@code wattwatch.notifier.locale}).
 */
@Component
public class AlertMessages {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** A push note or a spoken sentence stays readable; the dashboard lists every alert. */
    static final int DIGEST_LINES = 10;

    private final MessageSource templates;
    private final Locale locale;
    private final Duration datedAfter;
    private final Clock clock;
    private final URI dashboardUrl;

    public AlertMessages(MessageSource templates, NotifierProperties properties, Clock clock) {
        this.dashboardUrl = properties.dashboardUrl();
        this.templates = templates;
        this.locale = properties.locale();
        this.datedAfter = properties.datedAfter();
        this.clock = clock;
    }

    public AlertMessage render(Anomaly anomaly, String idempotencyKey) {
        return new AlertMessage(anomaly, idempotencyKey, title(anomaly), text(anomaly), speech(anomaly), List.of(),
                link(anomaly));
    }

    /**
     * The dashboard opened at a usage alert's day, the alert picked out, where the owner says whether it was
     * expected or a real problem; null without a dashboard address or for another kind of alert.
     */
    URI link(Anomaly a) {
        if (dashboardUrl == null || a.kind() != AlertKind.USAGE) {
            return null;
        }
        LocalDate day = LocalDateTime.ofInstant(a.raisedAt(), ZoneId.of(a.zone())).toLocalDate();
        return UriComponentsBuilder.fromUri(dashboardUrl).queryParam("meter", a.meterId())
                .queryParam("date", day.toString()).queryParam("alert", a.alertId()).encode().build().toUri();
    }

    /**
     * A backlog's alerts in one message: a line per alert, from when it began, its latest event in words,
     * at most {@link #DIGEST_LINES} of them (the dashboard lists all). One alert is told as itself.
     *
     * @param alerts the latest event of each alert, oldest first
     */
    public AlertMessage digest(List<Anomaly> alerts, String idempotencyKey) {
        Anomaly latest = alerts.get(alerts.size() - 1);
        if (alerts.size() == 1) {
            return render(latest, idempotencyKey);
        }
        StringBuilder lines = new StringBuilder();
        for (Anomaly a : alerts.subList(0, Math.min(alerts.size(), DIGEST_LINES))) {
            LocalDateTime began = LocalDateTime.ofInstant(a.raisedAt(), ZoneId.of(a.zone()));
            lines.append('\n').append(templates.getMessage("digest.line",
                    new Object[] {dated(began, a.zone()), text(a)}, locale));
        }
        if (alerts.size() > DIGEST_LINES) {
            lines.append('\n').append(templates.getMessage("digest.more",
                    new Object[] {alerts.size() - DIGEST_LINES}, locale));
        }
        long open = alerts.stream().filter(a -> a.state() != AnomalyState.RESOLVED).count();
        Object[] args = {alerts.size(), open, lines.toString()};
        return new AlertMessage(latest, idempotencyKey, templates.getMessage("digest.title", args, locale),
                templates.getMessage("digest.text", args, locale), templates.getMessage("digest.speech", args, locale),
                alerts);
    }

    /** Told this long after its interval ended, an event is late: dated in words, and part of a backlog. */
    public boolean late(Anomaly a) {
        return Duration.between(a.intervalEnd(), clock.instant()).compareTo(datedAfter) > 0;
    }

    public String text(Anomaly a) {
        if (a.kind() != AlertKind.USAGE) {
            return format(prefix(a) + ".text", a);
        }
        String key = "alert." + state(a) + ".text" + (a.expectedHighWh() > 0 ? "" : ".unbounded");
        return format(key, a);
    }

    public String speech(Anomaly a) {
        return format(prefix(a) + ".speech", a);
    }

    public String title(Anomaly a) {
        return format(prefix(a) + ".title", a);
    }

    private static String prefix(Anomaly a) {
        return (a.kind() == AlertKind.USAGE ? "alert." : "alert." + a.kind().name().toLowerCase(Locale.ROOT) + ".")
                + state(a);
    }

    private String format(String key, Anomaly a) {
        Object[] args = {
            a.meterId(),
            wh(a.wh()),
            span(Duration.between(a.intervalStart(), a.intervalEnd())),
            when(a),
            wh(a.expectedHighWh()),
            a.expectedHighWh() > 0 ? decimal(a.wh() / a.expectedHighWh()) : "",
            // a usage alert's RESOLVED event starts when usage became normal; a meter's silence or darkness is its span
            duration(Duration.between(a.raisedAt(),
                    a.state() == AnomalyState.RESOLVED && a.kind() == AlertKind.USAGE ? a.intervalStart()
                            : a.intervalEnd())),
            decimal(a.excessWh() / 1000),
            wh(a.expectedLowWh()),
        };
        return templates.getMessage(key, args, locale);
    }

    /**
     * When it began, on the home's clock: the time alone while the owner hears of it soon after, with
     * its day once it is told late (a backlog after an outage must not read as happening now).
     */
    private String when(Anomaly a) {
        return late(a) ? dated(a.localStart(), a.zone()) : a.localStart().format(CLOCK);
    }

    /** A time on the home's clock with its day, unless that day is today. */
    private String dated(LocalDateTime local, String zone) {
        String time = local.format(CLOCK);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(zone));
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return time;
        }
        if (day.equals(today.minusDays(1))) {
            return templates.getMessage("when.yesterday", new Object[] {time}, locale);
        }
        String pattern = day.getYear() == today.getYear() ? "EEE d MMM" : "EEE d MMM yyyy";
        return templates.getMessage("when.date", new Object[] {time, day.format(DateTimeFormatter.ofPattern(pattern,
                locale))}, locale);
    }

    private static String state(Anomaly a) {
        return a.state().name().toLowerCase(Locale.ROOT);
    }

    private String span(Duration length) {
        long minutes = length.toMinutes();
        if (minutes == 60) {
            return templates.getMessage("span.hour", null, locale);
        }
        return minutes % 60 == 0
                ? templates.getMessage("span.hours", new Object[] {minutes / 60}, locale)
                : templates.getMessage("span.minutes", new Object[] {minutes}, locale);
    }

    private String duration(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        if (hours == 0) {
            return templates.getMessage("duration.minutes", new Object[] {minutes}, locale);
        }
        return minutes == 0
                ? templates.getMessage("duration.hours", new Object[] {hours}, locale)
                : templates.getMessage("duration.hours-minutes", new Object[] {hours, minutes}, locale);
    }

    private String wh(double wh) {
        return wh >= 100 ? String.valueOf(Math.round(wh)) : decimal(wh);
    }

    /** One decimal in the locale's own way (4.1 in English, 4,1 in French). */
    private String decimal(double value) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale)).format(value);
    }
}
