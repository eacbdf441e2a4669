package org.wattwatch.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class RefusedRecordHandlerTest {

    private final RefusedRecordHandler handler = new RefusedRecordHandler();
    private final DefaultErrorHandlerContext context = new DefaultErrorHandlerContext(null, "power.readings", 0, 42,
            new RecordHeaders(), "scoring", new TaskId(0, 0), 0L, null, null);
    private final ProducerRecord<byte[], byte[]> scored = new ProducerRecord<>("power.scored", new byte[] {1});

    {
        handler.configure(Map.of());
    }

    @Test
    void aRecordTheBrokerRefusesForWhatItIsIsSkippedNotRetriedForEver() {
        assertThat(handler.handle(context, scored, new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
    }

    @Test
    void transientErrorsAreRetriedAndTheRestFailTheThread() {
        assertThat(handler.handle(context, scored, new TimeoutException("broker away")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
        assertThat(handler.handle(context, scored, new TopicAuthorizationException("no ACL")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
    }
}
