package org.wattwatch.scoring.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to the open dashboards: each new point of the meter a page shows. A comment
 * every 15 s keeps proxies from closing an idle stream and finds the pages that went away. On
 * shutdown the streams are ended first, otherwise the web server's graceful shutdown would wait
 * for them (they never end by themselves) until its timeout.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private final Map<String, List<SseEmitter>> pages = new ConcurrentHashMap<>();
    private volatile boolean running;

    SseEmitter subscribe(String meter) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the heartbeat finds dead ones
        pages.compute(meter, (m, list) -> {
            List<SseEmitter> open = list == null ? new CopyOnWriteArrayList<>() : list;
            open.add(emitter);
            return open;
        });
        emitter.onCompletion(() -> remove(meter, emitter));
        emitter.onTimeout(() -> remove(meter, emitter));
        emitter.onError(e -> remove(meter, emitter));
        send(meter, emitter, SseEmitter.event().comment("subscribed to " + meter));
        return emitter;
    }

    /** Atomically with {@link #subscribe}, so no key stays behind for a meter nobody watches any more. */
    private void remove(String meter, SseEmitter emitter) {
        pages.computeIfPresent(meter, (m, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(String meter, UsagePoint point) {
        List<SseEmitter> list = pages.get(meter);
        if (list != null) {
            PointView view = PointView.of(point);
            list.forEach(emitter -> send(meter, emitter, SseEmitter.event().name("point").data(view)));
        }
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        pages.forEach((meter, list) -> list.forEach(emitter -> send(meter, emitter,
                SseEmitter.event().comment("keep-alive"))));
    }

    @Override
    public void start() {
        running = true;
    }

    /** The default phase: stopped before the web server's graceful shutdown begins. */
    @Override
    public void stop() {
        running = false;
        pages.values().forEach(list -> list.forEach(SseEmitter::complete));
        pages.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int open() {
        return pages.values().stream().mapToInt(List::size).sum();
    }

    private void send(String meter, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the page went away; it reconnects by itself if it is still open
            remove(meter, emitter);
            emitter.completeWithError(e);
        }
    }
}
