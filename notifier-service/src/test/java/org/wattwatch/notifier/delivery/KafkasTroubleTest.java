package org.wattwatch.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.wattwatch.event.json.EventFormatException;

/** Which failures of the anomaly listener are Kafka's trouble (retried until it is over) and which the record's. */
class KafkasTroubleTest {

    private static Throwable asTheListenerThrowsIt(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }

    @Test
    void writingTheStateOrTheNotificationIsKafkasTrouble() {
        assertThat(DeadLetterConfig.kafkasTrouble(asTheListenerThrowsIt(
                new StateWriteException("could not store", new TimeoutException())))).isTrue();
        assertThat(DeadLetterConfig.kafkasTrouble(asTheListenerThrowsIt(
                new ExecutionException(new NotLeaderOrFollowerException("moving"))))).isTrue();
        assertThat(DeadLetterConfig.kafkasTrouble(asTheListenerThrowsIt(new TimeoutException()))).isTrue();
    }

    @Test
    void aRecordThatIsNotAnAnomalyIsTheRecordsFault() {
        assertThat(DeadLetterConfig.kafkasTrouble(asTheListenerThrowsIt(
                new EventFormatException("anomaly: not JSON", null)))).isFalse();
        assertThat(DeadLetterConfig.kafkasTrouble(new DeserializationException("bad", new byte[0], false,
                new EventFormatException("anomaly: not JSON", null)))).isFalse();
        assertThat(DeadLetterConfig.kafkasTrouble(asTheListenerThrowsIt(new IllegalArgumentException("bug"))))
                .as("anything else: a few tries, then the dead-letter topic").isFalse();
    }
}
