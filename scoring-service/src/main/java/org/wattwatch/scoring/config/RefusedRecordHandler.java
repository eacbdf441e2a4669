package org.wattwatch.scoring.config;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the broker refuses for what it is (too large, invalid) would be refused again on every retry,
 * and failing the stream thread for it would replay the same input into the same refusal for ever: it is
 * skipped, logged and counted by Streams (dropped-records). Every other send error is Kafka's default:
 * retried when it is transient, fatal otherwise (the thread is replaced and resumes from its last commit).
 * Serialising happens in the processor, whose failures go to the dead-letter topic.
 */
public class RefusedRecordHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedRecordHandler.class);

    private final ProductionExceptionHandler kafkasDefault = new DefaultProductionExceptionHandler();

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RecordTooLargeException || exception instanceof InvalidRecordException) {
            LOG.warn("the broker refused a record for {} (from {} offset {}), skipped: {}", record.topic(),
                    context.topic(), context.offset(), exception.getMessage());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        return kafkasDefault.handle(context, record, exception);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        kafkasDefault.configure(configs);
    }
}
