package org.wattwatch.scoring.dashboard;

import java.time.Instant;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Operation;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wattwatch.scoring.model.ReadingScorer;

/** What the dashboard page follows as it happens: new points, and whether what it shows is current. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardStatusController {

    private final LiveUpdates live;
    private final NotifierClient notifier;
    private final ScoredFeed feed;
    private final StreamsBuilderFactoryBean streams;
    private final ZoneId zone;

    DashboardStatusController(LiveUpdates live, NotifierClient notifier, ScoredFeed feed,
            StreamsBuilderFactoryBean streams, ReadingScorer scorer) {
        this.live = live;
        this.notifier = notifier;
        this.feed = feed;
        this.streams = streams;
        this.zone = scorer.zone();
    }

    @Operation(summary = "Server-sent events: every new point of the meter ('point' events)")
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam String meter) {
        return live.subscribe(meter);
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
}
