package org.wattwatch.scoring.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one wall clock the scoring service reads (model changes, the dashboard, followers). Readings
 * carry their own times; the topology reads Kafka Streams' wall clock, which its test driver sets.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
