package org.wattwatch.trainer.train;

import java.util.ArrayList;
import java.util.List;

import org.wattwatch.detection.AnomalyDetector;
import org.wattwatch.detection.Replay;
import org.wattwatch.envelope.EnvelopeModel;
import org.wattwatch.event.alert.Anomaly;
import org.wattwatch.event.reading.MeterReading;

/** A training history through the scoring service's detector, every file on its own, with any model. */
public final class HistoryReplay {

    private final AnomalyDetector detector;
    private final List<List<MeterReading>> files;

    /** @param files each history file as the readings an agent would have sent */
    public HistoryReplay(AnomalyDetector detector, List<List<MeterReading>> files) {
        this.detector = detector;
        this.files = files;
    }

    public Replay.Result run(EnvelopeModel model) {
        List<Replay.Row> rows = new ArrayList<>();
        List<Replay.Alert> alerts = new ArrayList<>();
        List<Anomaly> events = new ArrayList<>();
        for (List<MeterReading> file : files) {
            Replay.Result one = Replay.run(detector, model, file);
            rows.addAll(one.rows());
            alerts.addAll(one.alerts());
            events.addAll(one.events());
        }
        return new Replay.Result(rows, alerts, events);
    }

    AnomalyDetector detector() {
        return detector;
    }

    List<List<MeterReading>> files() {
        return files;
    }
}
