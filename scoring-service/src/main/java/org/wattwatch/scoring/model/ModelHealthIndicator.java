package org.wattwatch.scoring.model;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reports which model scores readings. */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

    private final ActiveModel model;

    ModelHealthIndicator(ActiveModel model) {
        this.model = model;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("version", model.get().version()).build();
    }
}
