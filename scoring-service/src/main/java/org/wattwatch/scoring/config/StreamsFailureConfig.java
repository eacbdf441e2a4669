package org.wattwatch.scoring.config;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * A stream thread that dies of an error nobody caught is replaced, not left dead: the client goes on
 * scoring (its tasks move to the new thread and resume from their last commit), where by default one
 * such error ends scoring on this instance for good, and in turn on every replica.
 */
@Configuration
class StreamsFailureConfig {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsFailureConfig.class);

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceDeadStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }
}
