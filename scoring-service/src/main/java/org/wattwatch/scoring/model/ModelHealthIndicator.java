package org.wattwatch.scoring.model;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports which model scores readings. */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

    private final ModelRegistry models;

    ModelHealthIndicator(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public Health health() {
        return Health.up().withDetail(ModelAssignment.DEFAULT, models.defaultModel().version())
                .withDetail("meters with their own", models.assignments().keySet().stream()
                        .filter(m -> !m.equals(ModelAssignment.DEFAULT)).sorted().toList())
                .build();
    }
}
