package org.wattwatch.scoring.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.envelope.ModelManifest;
import org.wattwatch.envelope.PackagedEnvelope;

/**
 * What the owner should know about the model judging a meter. A plain hourly envelope (such as the
 * seed's) has no training record: those fields are null.
 *
 * @param ownModel        the meter has a model of its own (otherwise the default one)
 * @param alertsPerMonth  the backtest on the training history, by "yyyy-MM"
 * @param averageAlertsPerMonth over the months of the backtest
 * @param decisions       the meter's latest retrain decisions, newest first: the model's history
 */
record ModelCard(String meter, String version, String kind, boolean ownModel, Instant createdAt,
        LocalDateTime trainedFrom, LocalDateTime trainedTo, Long trainingWindows, Integer windowMinutes,
        Map<String, Long> alertsPerMonth, Double averageAlertsPerMonth, List<ModelDecision> decisions) {

    static ModelCard of(String meter, EnvelopeModel model, boolean ownModel, List<ModelDecision> decisions) {
        if (model instanceof PackagedEnvelope packaged) {
            ModelManifest m = packaged.manifest();
            Map<String, Long> perMonth = m.backtest() == null ? Map.of() : m.backtest().alertsPerMonth();
            Double average = perMonth.isEmpty() ? null
                    : Math.round(perMonth.values().stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
            return new ModelCard(meter, m.version(), m.kind(), ownModel, m.createdAt(),
                    m.training() == null ? null : m.training().from(), m.training() == null ? null : m.training().to(),
                    m.training() == null ? null : m.training().rows(), m.windowMinutes(), perMonth, average, decisions);
        }
        return new ModelCard(meter, model.version(), "hourly-envelope", ownModel, null, null, null, null, 60, null,
                null, decisions);
    }
}
