package org.wattwatch.notifier.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to the owner's MQTT broker. It says WattWatch is online once connected and leaves
 * "offline" behind as its last will, so HA shows the device unavailable after a crash as after a stop.
 * It keeps trying to reach the broker, from the first attempt on, and calls {@code connected} after each
 * connection so the caller can announce everything again: what was published while the broker was away
 * is not queued (a state is only worth its newest value), it is published anew.
 */
final class MqttLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final int QOS = 1;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

    private final MqttProperties properties;
    private final DeviceTopics topics;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    /**
     * Connection attempts, and the caller's callbacks, off Paho's own thread: a callback may wait (a snooze
     * writes to Kafka) and Paho's thread must keep reading from the broker meanwhile.
     */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-link");
        t.setDaemon(true);
        return t;
    });
    private final Counter published;
    private final Counter unpublished;
    private volatile Runnable connected = () -> { };
    private volatile BiConsumer<String, byte[]> messages = (topic, payload) -> { };
    private volatile Duration nextRetry = FIRST_RETRY;
    private volatile String lastError;
    private volatile boolean closing;

    MqttLink(MqttProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.topics = DeviceTopics.of(properties);
        this.published = registry.counter("wattwatch.notifier.mqtt.published");
        this.unpublished = Counter.builder("wattwatch.notifier.mqtt.unpublished")
                .description("messages not published because the broker could not be reached; sent anew on reconnect")
                .register(registry);
        try {
            this.client = new MqttAsyncClient(properties.url().toString(), properties.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(MqttProperties.PREFIX + "url: " + e.getMessage(), e);
        }
        this.options = options(properties, topics);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                nextRetry = FIRST_RETRY;
                lastError = null;
                LOG.info("MQTT broker {} reached{}", properties.broker(), reconnect ? " again" : "");
                publish(topics.availability(), DeviceTopics.ONLINE.getBytes(StandardCharsets.US_ASCII), true);
                subscribe(topics.homeAssistantStatus());
                topics.commandFilters().forEach(MqttLink.this::subscribe);
                worker.execute(connected);
            }

            @Override
            public void connectionLost(Throwable cause) {
                lastError = String.valueOf(cause);
                LOG.warn("MQTT broker {} lost: {} (reconnecting)", properties.broker(), cause.toString());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                worker.execute(() -> messages.accept(topic, payload));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
    }

    private static MqttConnectOptions options(MqttProperties properties, DeviceTopics topics) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) LONGEST_RETRY.toMillis());
        o.setConnectionTimeout((int) Math.max(1, properties.connectTimeout().toSeconds()));
        o.setKeepAliveInterval(30);
        // discovery for every meter goes out at once after a connect
        o.setMaxInflight(Math.max(100, properties.maxMeters() * 12));
        o.setWill(topics.availability(), DeviceTopics.OFFLINE.getBytes(StandardCharsets.US_ASCII), QOS, true);
        if (properties.username() != null && !properties.username().isBlank()) {
            o.setUserName(properties.username());
            if (properties.password() != null) {
                o.setPassword(properties.password().toCharArray());
            }
        }
        if (properties.caCertificate() != null) {
            o.setSocketFactory(trusting(properties).getSocketFactory());
        }
        return o;
    }

    /** TLS that trusts the certificate authority in the PEM file, and only it. */
    private static SSLContext trusting(MqttProperties properties) {
        try (InputStream pem = Files.newInputStream(properties.caCertificate())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalStateException(MqttProperties.PREFIX + "ca-certificate: no certificate in "
                        + properties.caCertificate());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(MqttProperties.PREFIX + "ca-certificate: cannot read "
                    + properties.caCertificate() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts connecting; {@code onConnected} runs after each (re)connection, {@code onMessage} for each message
     * of the topics subscribed to, one at a time on this link's thread.
     */
    void open(Runnable onConnected, BiConsumer<String, byte[]> onMessage) {
        this.connected = onConnected;
        this.messages = onMessage;
        connect();
    }

    /** Paho reconnects by itself only after a first connection: until then this tries again, backing off. */
    private void connect() {
        if (closing) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryLater(e);
                }
            });
        } catch (MqttException e) {
            retryLater(e);
        }
    }

    private void retryLater(Throwable e) {
        lastError = String.valueOf(e);
        Duration wait = nextRetry;
        nextRetry = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        LOG.warn("MQTT broker {} not reached: {} (trying again in {}s)", properties.broker(), e.toString(),
                wait.toSeconds());
        if (!closing) {
            worker.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    boolean isConnected() {
        return client.isConnected();
    }

    String lastError() {
        return lastError;
    }

    String broker() {
        return properties.broker();
    }

    /** Publishes without waiting; false (and counted) when the broker is not reachable now. */
    boolean publish(String topic, byte[] payload, boolean retained) {
        if (!client.isConnected()) {
            unpublished.increment();
            return false;
        }
        try {
            client.publish(topic, payload, QOS, retained);
            published.increment();
            return true;
        } catch (MqttException e) {
            unpublished.increment();
            LOG.warn("MQTT publish to {} failed: {}", topic, e.toString());
            return false;
        }
    }

    private void subscribe(String filter) {
        try {
            client.subscribe(filter, QOS);
        } catch (MqttException e) {
            LOG.warn("MQTT subscribe to {} failed: {}", filter, e.toString());
        }
    }

    /** Says "offline" itself (a clean disconnect leaves no last will), then lets go of the broker. */
    @Override
    public void close() {
        closing = true;
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(topics.availability(), DeviceTopics.OFFLINE.getBytes(StandardCharsets.US_ASCII), QOS,
                        true).waitForCompletion(properties.connectTimeout().toMillis());
                client.disconnect().waitForCompletion(properties.connectTimeout().toMillis());
            }
        } catch (MqttException e) {
            LOG.warn("MQTT broker {}: could not say offline before stopping: {}", properties.broker(), e.toString());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("MQTT client close: {}", e.toString());
            }
        }
    }
}
