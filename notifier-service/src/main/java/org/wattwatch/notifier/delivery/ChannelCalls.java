package org.wattwatch.notifier.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.wattwatch.notifier.channel.AlertChannel;
import org.wattwatch.notifier.message.AlertMessage;

/**
 * Runs each channel call on that channel's own few threads, within a deadline. A provider that
 * accepts a connection and never answers (a stalled TLS handshake) then costs its own channel a
 * retry, never the other channels their deliveries: the caller stops waiting at the deadline, and a
 * channel whose threads are all stuck refuses more calls at once instead of queueing them.
 */
@Component
public class ChannelCalls implements DisposableBean {

    /** Calls of one channel that may be stuck at once before it refuses more. */
    static final int THREADS_PER_CHANNEL = 2;

    private final Duration deadline;
    private final Map<String, ThreadPoolExecutor> executors = new ConcurrentHashMap<>();

    @Autowired
    public ChannelCalls(DeliveryProperties properties) {
        this(properties.deadline());
    }

    ChannelCalls(Duration deadline) {
        this.deadline = deadline;
    }

    /** Delivers through the channel, or throws what it threw, or a transient failure at the deadline. */
    public void deliver(AlertChannel channel, AlertMessage message) throws Exception {
        Future<?> call;
        try {
            call = executor(channel.name()).submit(() -> {
                channel.deliver(message);
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw new ChannelStalledException(channel.name() + ": earlier calls still have no answer", e);
        }
        try {
            call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ChannelStalledException(channel.name() + ": no answer within " + deadline, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private ThreadPoolExecutor executor(String channel) {
        return executors.computeIfAbsent(channel, name -> {
            AtomicInteger count = new AtomicInteger();
            // no queue to speak of: a call waits for a free thread of its own channel only
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS_PER_CHANNEL, THREADS_PER_CHANNEL, 60,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), r -> {
                        Thread t = new Thread(r, "channel-" + name + "-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }

    @Override
    public void destroy() {
        executors.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    /** A channel call that did not answer in time: transient, so it is retried with backoff. */
    public static final class ChannelStalledException extends Exception {

        ChannelStalledException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
