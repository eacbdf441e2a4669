package org.wattwatch.notifier.config;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifier settings.
 *
 * @param recentAlerts how many alerts {@code GET /api/alerts} keeps, newest first (default 200)
 */
@Validated
@ConfigurationProperties("wattwatch.notifier")
public record NotifierProperties(@Positive @DefaultValue("200") int recentAlerts) {
}
