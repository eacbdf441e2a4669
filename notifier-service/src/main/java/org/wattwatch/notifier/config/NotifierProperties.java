package org.wattwatch.notifier.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifier settings.
 *
 * @param recentAlerts how many alerts {@code GET /api/alerts} keeps in memory, newest first (default 200)
 * @param locale       language of the alert texts (default {@code en}; {@code fr} is also shipped)
 * @param stateReplayTimeout how long startup may take to read the alert state back from Kafka (default 60s)
 * @param datedAfter   an alert told this long after it happened (a backlog after an outage) gives its day in
 *                     the text, "yesterday at 04:00", not only "04:00" (default 1h)
 * @param zone         the home's time zone, for the notifier's own alerts (a channel that keeps failing);
 *                     the meters' alerts carry theirs (default UTC)
 * @param backlogBurst late events (see {@code datedAfter}) a channel is told one by one; more late events
 *                     than that wait for one digest (default 3)
 * @param backlogQuiet the digest is sent once no late event has come for this long (default 30s)
 * @param keepResolved a resolved alert whose deliveries are all done leaves the book and the state topic this
 *                     long after its last change (default 30d): the topic does not keep every alert a home had
 * @param dashboardUrl the dashboard's address as the owner reaches it (e.g. {@code https://wattwatch.home/}):
 *                     a message about a usage alert then links to it, opened at the alert, where the owner says
 *                     whether it was expected or a real problem (a push becomes a link push, a webhook gets
 *                     {@code link}); none by default
 */
@Validated
@ConfigurationProperties("wattwatch.notifier")
public record NotifierProperties(
        @Positive @DefaultValue("200") int recentAlerts,
        @NotNull @DefaultValue("en") Locale locale,
        @NotNull @DefaultValue("60s") Duration stateReplayTimeout,
        @NotNull @DefaultValue("1h") Duration datedAfter,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @PositiveOrZero @DefaultValue("3") int backlogBurst,
        @NotNull @DefaultValue("30s") Duration backlogQuiet,
        @NotNull @DefaultValue("30d") Duration keepResolved,
        URI dashboardUrl) {
}
