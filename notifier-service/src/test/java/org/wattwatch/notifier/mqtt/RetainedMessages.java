package org.wattwatch.notifier.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What Home Assistant would see: a client of the broker subscribed to everything, keeping each topic's
 * latest message and whether it was retained, and every message in order.
 */
public final class RetainedMessages implements AutoCloseable {

    public record Message(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final Map<String, Message> latest = new ConcurrentHashMap<>();
    private final List<Message> all = new ArrayList<>();

    private RetainedMessages(MqttClient client) {
        this.client = client;
    }

    public static RetainedMessages follow(String url, String user, String password, String... filters)
            throws MqttException {
        MqttClient client = new MqttClient(url, "observer-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        RetainedMessages seen = new RetainedMessages(client);
        for (String filter : filters.length == 0 ? new String[] {"#"} : filters) {
            client.subscribe(filter, 1, (topic, message) -> seen.received(topic, message));
        }
        return seen;
    }

    private synchronized void received(String topic, MqttMessage message) {
        Message m = new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained());
        latest.put(topic, m);
        all.add(m);
    }

    public String payload(String topic) {
        Message m = latest.get(topic);
        return m == null ? null : m.payload();
    }

    public Message latest(String topic) {
        return latest.get(topic);
    }

    /** Every topic under a prefix with its latest payload. */
    public Map<String, String> under(String prefix) {
        return latest.values().stream().filter(m -> m.topic().startsWith(prefix))
                .collect(Collectors.toMap(Message::topic, Message::payload));
    }

    public synchronized List<String> payloads(String topic) {
        return all.stream().filter(m -> m.topic().equals(topic)).map(Message::payload).toList();
    }

    /** As HA's button does. */
    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
