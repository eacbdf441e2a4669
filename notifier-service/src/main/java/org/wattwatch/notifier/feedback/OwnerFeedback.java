package org.wattwatch.notifier.feedback;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.topic.TopicNames;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertRecord;

/**
 * The owner's word on an alert: kept on the compacted {@code power.alerts.feedback}, where the retrain reads
 * it, before the alert book shows it; a word the topic did not take is not shown as taken.
 */
@Component
public class OwnerFeedback {

    private final AlertBook book;
    private final KafkaTemplate<Object, Object> kafka;
    private final TopicNames topics;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    public OwnerFeedback(AlertBook book, KafkaTemplate<?, ?> kafka, TopicNames topics, Clock clock) {
        this.book = book;
        this.kafka = (KafkaTemplate<Object, Object>) kafka;
        this.topics = topics;
        this.clock = clock;
    }

    /** @return the alert as the book has it now, or empty for an alert it does not know */
    public Optional<AlertRecord> say(String alertId, AlertFeedback.Label label) {
        return book.labelled(alertId, label, alert -> {
            AlertFeedback feedback = new AlertFeedback(AlertFeedback.SCHEMA_VERSION, alertId,
                    alert.anomaly().meterId(), label, alert.anomaly().raisedAt(), alert.periodEnd(), clock.instant());
            try {
                kafka.send(topics.alertFeedback(), alertId, feedback).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FeedbackNotKeptException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new FeedbackNotKeptException(e);
            }
        });
    }

    /** Kafka did not take the owner's word: nothing was recorded, the owner may say it again. */
    public static class FeedbackNotKeptException extends RuntimeException {
        FeedbackNotKeptException(Exception cause) {
            super("the feedback could not be kept (Kafka: " + cause.getClass().getSimpleName() + "); try again",
                    cause);
        }
    }
}
