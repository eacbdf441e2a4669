package org.wattwatch.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.wattwatch.event.alert.AnomalyState;
import org.wattwatch.notifier.TestAnomalies;
import org.wattwatch.notifier.config.NotifierProperties;

class AlertMessagesTest {

    /** Soon after the test anomalies' hour (04:00 on 5 January 2026, Paris). */
    private static final java.time.Clock SOON = java.time.Clock.fixed(
            LocalDateTime.parse("2026-01-05T05:30").atZone(TestAnomalies.ZONE).toInstant(), TestAnomalies.ZONE);

    private static AlertMessages messages(String locale) {
        return messages(locale, SOON);
    }

    private static AlertMessages messages(String locale, java.time.Clock clock) {
        return messages(locale, clock, null);
    }

    private static AlertMessages messages(String locale, java.time.Clock clock, java.net.URI dashboard) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/alerts");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        source.setDefaultEncoding("UTF-8");
        return new AlertMessages(source, new NotifierProperties(200, Locale.forLanguageTag(locale), Duration.ofSeconds(60),
                Duration.ofHours(1), java.time.ZoneId.of("UTC"), 3, Duration.ofSeconds(30),
                Duration.ofDays(30), dashboard), clock);
    }

    @Test
    void withTheDashboardsAddressAUsageAlertLinksToItWhereTheOwnerSaysWhatItWas() {
        org.wattwatch.event.alert.Anomaly raised = TestAnomalies.raised("main kitchen");
        AlertMessages linking = messages("en", java.time.Clock.systemUTC(),
                java.net.URI.create("https://wattwatch.home/dash/"));
        assertThat(linking.render(raised, "k").link()).hasToString(
                "https://wattwatch.home/dash/?meter=main%20kitchen&date=2026-01-05&alert=" + raised.alertId());
        assertThat(english.render(raised, "k").link()).as("no address, no link").isNull();
    }

    private final AlertMessages english = messages("en");

    @Test
    void raisedReadsLikeASentenceOnTheHomesClock() {
        var raised = TestAnomalies.raised("main");
        assertThat(english.text(raised)).isEqualTo(
                "Unusual power use on meter main: 1500 Wh in the hour from 04:00, usually at most 363 Wh (4.1x).");
        assertThat(english.title(raised)).isEqualTo("Unusual power use (main)");
        assertThat(english.speech(raised)).isEqualTo("Attention: the power use is unusual since 04:00, 4.1 times the usual.");
    }

    /** A silent meter, last heard from at 04:10 on the home's clock, 50 minutes before the event. */
    private static org.wattwatch.event.alert.Anomaly silent(AnomalyState state) {
        java.time.Instant last = LocalDateTime.parse("2026-01-05T04:10").atZone(TestAnomalies.ZONE).toInstant();
        return new org.wattwatch.event.alert.Anomaly(1, "s-1", state, "main", last, last.plusSeconds(3000),
                LocalDateTime.parse("2026-01-05T04:10"), TestAnomalies.ZONE.getId(), 0, 0, 0, 0, "seed-1", last, 0,
                org.wattwatch.event.alert.AlertKind.SILENT);
    }

    @Test
    void aSilentMeterIsToldAsSuchAndItsReturnSaysHowLongItWasAway() {
        assertThat(english.title(silent(AnomalyState.RAISED))).isEqualTo("No readings (main)");
        assertThat(english.text(silent(AnomalyState.RAISED))).isEqualTo("Meter main has sent no reading since 04:10: "
                + "WattWatch cannot see the house. Check the sensor on the meter and the Pi's power and network.");
        assertThat(english.speech(silent(AnomalyState.RAISED)))
                .isEqualTo("Attention: the power meter has sent nothing since 04:10.");
        assertThat(english.text(silent(AnomalyState.RESOLVED)))
                .isEqualTo("Meter main is sending readings again, after 50 min without.");
        assertThat(messages("fr").text(silent(AnomalyState.RESOLVED)))
                .isEqualTo("Le compteur main envoie de nouveau des relevés, après 50 min sans.");
    }

    @Test
    void anAgentWhoseSpoolWasNearlyFullIsToldWithWhatToCheck() {
        java.time.Instant since = LocalDateTime.parse("2026-01-05T03:00").atZone(TestAnomalies.ZONE).toInstant();
        var raised = new org.wattwatch.event.alert.Anomaly(1, "p-1", AnomalyState.RAISED, "main", since,
                since.plusMillis(1), LocalDateTime.parse("2026-01-05T03:00"), TestAnomalies.ZONE.getId(), 0, 0, 0, 0,
                "seed-1", since, 0, org.wattwatch.event.alert.AlertKind.SPOOL);
        assertThat(english.title(raised)).isEqualTo("Readings piling up (main)");
        assertThat(english.text(raised)).isEqualTo("The Pi of meter main kept readings it could not send, and its "
                + "spool was nearly full at 03:00: when it is full, the oldest readings are dropped. Check the Pi's "
                + "network and the Kafka broker.");
        var resolved = new org.wattwatch.event.alert.Anomaly(1, "p-1", AnomalyState.RESOLVED, "main", since,
                since.plusSeconds(5400), LocalDateTime.parse("2026-01-05T03:00"), TestAnomalies.ZONE.getId(), 0, 0, 0,
                0, "seed-1", since, 0, org.wattwatch.event.alert.AlertKind.SPOOL);
        assertThat(english.text(resolved)).isEqualTo("The Pi of meter main has room for its readings again, after 1 h "
                + "30 min.");
        assertThat(messages("fr").speech(resolved)).isEqualTo("Le Pi du compteur a de nouveau de la place pour ses "
                + "relevés.");
    }

    @Test
    void aDarkSensorSaysWhatTheHomeUsuallyUses() {
        java.time.Instant since = LocalDateTime.parse("2026-01-05T02:10").atZone(TestAnomalies.ZONE).toInstant();
        var dark = new org.wattwatch.event.alert.Anomaly(1, "d-1", AnomalyState.RAISED, "main", since,
                since.plusSeconds(7200), LocalDateTime.parse("2026-01-05T02:10"), TestAnomalies.ZONE.getId(), 0, 223,
                700, 0, "seed-1", since, 0, org.wattwatch.event.alert.AlertKind.DARK);
        assertThat(english.text(dark)).isEqualTo("Meter main has counted nothing since 02:10, where the home usually "
                + "uses at least 223 Wh in that time: the sensor may have come off the meter's LED.");
        assertThat(english.title(dark)).isEqualTo("Sensor sees nothing (main)");
    }

    private static java.time.Clock at(String local) {
        return java.time.Clock.fixed(LocalDateTime.parse(local).atZone(TestAnomalies.ZONE).toInstant(), TestAnomalies.ZONE);
    }

    @Test
    void anAlertToldLateGivesItsDaySoABacklogDoesNotReadAsNow() {
        var raised = TestAnomalies.raised("main");
        assertThat(messages("en", at("2026-01-05T09:00")).speech(raised)).as("the same day: the time says it")
                .isEqualTo("Attention: the power use is unusual since 04:00, 4.1 times the usual.");
        assertThat(messages("en", at("2026-01-06T08:00")).speech(raised))
                .isEqualTo("Attention: the power use is unusual since yesterday at 04:00, 4.1 times the usual.");
        assertThat(messages("en", at("2026-01-09T08:00")).text(raised)).isEqualTo("Unusual power use on meter main: "
                + "1500 Wh in the hour from Mon 5 Jan at 04:00, usually at most 363 Wh (4.1x).");
        assertThat(messages("en", at("2027-02-01T08:00")).text(raised)).contains("from Mon 5 Jan 2026 at 04:00");
        assertThat(messages("fr", at("2026-01-06T08:00")).speech(raised)).contains("depuis hier à 04:00");
    }

    @Test
    void aBacklogsDigestHasALinePerAlertFromWhenItBeganAndStaysShort() {
        var resolved = TestAnomalies.at("main", AnomalyState.RESOLVED, LocalDateTime.parse("2026-01-05T02:00"),
                Duration.ofHours(2), 250, 0.4);
        var raised = TestAnomalies.raised("garage");
        AlertMessage digest = messages("en", at("2026-01-06T08:00")).digest(List.of(resolved, raised), "k");
        assertThat(digest.isDigest()).isTrue();
        assertThat(digest.anomaly()).isEqualTo(raised);
        assertThat(digest.title()).isEqualTo("WattWatch caught up: 2 alerts");
        assertThat(digest.text()).isEqualTo("While WattWatch was catching up on readings it had not had, 2 alerts "
                + "came in (1 still open):\n- yesterday at 02:00: Power use on meter main is back to normal after 2 h; "
                + "about 2.3 kWh above normal.\n- yesterday at 04:00: Unusual power use on meter garage: 1500 Wh in the "
                + "hour from yesterday at 04:00, usually at most 363 Wh (4.1x).");
        assertThat(digest.speech()).isEqualTo(
                "Attention: while WattWatch was catching up, it found 2 unusual periods, 1 still open.");
        assertThat(messages("fr", at("2026-01-06T08:00")).digest(List.of(resolved, raised), "k").title())
                .isEqualTo("WattWatch a rattrapé son retard : 2 alertes");

        var many = java.util.stream.IntStream.range(0, AlertMessages.DIGEST_LINES + 5).mapToObj(i -> TestAnomalies.at(
                "m" + i, AnomalyState.RAISED, LocalDateTime.parse("2026-01-05T00:00").plusHours(i), Duration.ZERO,
                1500, 5.4588)).toList();
        AlertMessage long_ = messages("en", at("2026-01-09T08:00")).digest(many, "k");
        assertThat(long_.text().lines()).hasSize(1 + AlertMessages.DIGEST_LINES + 1);
        assertThat(long_.text()).endsWith("- and 5 more on the dashboard.");
        assertThat(long_.digest()).hasSize(AlertMessages.DIGEST_LINES + 5);
    }

    @Test
    void aDigestOfOneAlertIsThatAlertsOwnMessage() {
        var raised = TestAnomalies.raised("main");
        AlertMessages later = messages("en", at("2026-01-06T08:00"));
        assertThat(later.digest(List.of(raised), "k")).isEqualTo(later.render(raised, "k"));
    }

    @Test
    void ongoingSaysHowLongAndHowMuch() {
        var ongoing = TestAnomalies.at("main", AnomalyState.ONGOING, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofHours(1), 1500, 5.4588);
        assertThat(english.text(ongoing)).isEqualTo("Power use on meter main is still unusual after 2 h: 1500 Wh in "
                + "the hour from 05:00, usually at most 363 Wh; about 2.3 kWh above normal so far.");
        assertThat(english.speech(ongoing)).isEqualTo("The power use is still unusual after 2 h.");
    }

    @Test
    void resolvedSaysHowLongItLastedAndTheExcess() {
        var resolved = TestAnomalies.at("main", AnomalyState.RESOLVED, LocalDateTime.parse("2026-01-05T04:00"),
                Duration.ofMinutes(135), 200, 0.36);
        assertThat(english.text(resolved))
                .isEqualTo("Power use on meter main is back to normal after 2 h 15 min; about 2.3 kWh above normal.");
        assertThat(english.speech(resolved)).isEqualTo("The power use is back to normal.");
    }

    @Test
    void shortIntervalsSayTheirLength() {
        var quarter = TestAnomalies.raised("main");
        quarter = new org.wattwatch.event.alert.Anomaly(1, quarter.alertId(), quarter.state(), "main",
                quarter.intervalStart(), quarter.intervalStart().plusSeconds(900), quarter.localStart(), quarter.zone(),
                375, 27, 90.75, 5.46, "seed", quarter.raisedAt(), 284);
        assertThat(english.text(quarter)).isEqualTo(
                "Unusual power use on meter main: 375 Wh in the 15 minutes from 04:00, usually at most 90.8 Wh (4.1x).");
    }

    @Test
    void templatesAreLocalised() {
        assertThat(messages("fr").text(TestAnomalies.raised("main"))).isEqualTo("Consommation inhabituelle sur le "
                + "compteur main : 1500 Wh pendant l'heure depuis 04:00, d'habitude au plus 363 Wh (4,1x).");
    }
}
