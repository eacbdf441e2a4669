package org.wattwatch.notifier.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery configs that make a meter one Home Assistant device, as HA's MQTT integration documents
 * them (sensor, binary_sensor and button platforms): live power, the energy the Energy dashboard takes,
 * the usual range now, the latest score, whether usage is unusual (following the alert), the latest
 * alert's words, a snooze button, and buttons to say what the latest alert was. Every entity is unavailable while WattWatch is not running.
 */
final class DeviceDiscovery {

    /** One retained message: a topic and its JSON object. */
    record Config(String topic, Map<String, Object> payload) {
    }

    private final DeviceTopics topics;
    private final boolean snoozeButton;
    private final boolean feedbackButtons;

    DeviceDiscovery(DeviceTopics topics, boolean snoozeButton, boolean feedbackButtons) {
        this.topics = topics;
        this.snoozeButton = snoozeButton;
        this.feedbackButtons = feedbackButtons;
    }

    List<Config> configs(String meter) {
        List<Config> configs = new ArrayList<>();
        String state = topics.state(meter);
        configs.add(sensor(meter, "power", "Power", state, "{{ value_json.power }}", "power", "measurement", "W", 0));
        Map<String, Object> energy = entity(meter, "energy", "Energy");
        energy.put("state_topic", topics.energy(meter));
        energy.put("device_class", "energy");
        energy.put("state_class", "total_increasing");
        energy.put("unit_of_measurement", "kWh");
        energy.put("suggested_display_precision", 3);
        configs.add(new Config(topics.config("sensor", meter, "energy"), energy));
        configs.add(sensor(meter, "usual_low", "Usual power low", state, "{{ value_json.usual_low }}", "power",
                "measurement", "W", 0));
        configs.add(sensor(meter, "usual_high", "Usual power high", state, "{{ value_json.usual_high }}", "power",
                "measurement", "W", 0));
        Map<String, Object> score = entity(meter, "score", "Score");
        score.put("state_topic", state);
        score.put("value_template", "{{ value_json.score }}");
        score.put("state_class", "measurement");
        score.put("suggested_display_precision", 2);
        score.put("icon", "mdi:gauge");
        configs.add(new Config(topics.config("sensor", meter, "score"), score));

        String alert = topics.alert(meter);
        Map<String, Object> unusual = entity(meter, "unusual_usage", "Unusual usage");
        unusual.put("state_topic", alert);
        unusual.put("value_template", "{{ value_json.unusual }}");
        unusual.put("payload_on", "ON");
        unusual.put("payload_off", "OFF");
        unusual.put("device_class", "problem");
        unusual.put("json_attributes_topic", alert);
        configs.add(new Config(topics.config("binary_sensor", meter, "unusual_usage"), unusual));
        Map<String, Object> lastAlert = entity(meter, "last_alert", "Last alert");
        lastAlert.put("state_topic", alert);
        lastAlert.put("value_template", "{{ value_json.text }}");
        lastAlert.put("json_attributes_topic", alert);
        lastAlert.put("icon", "mdi:message-alert");
        configs.add(new Config(topics.config("sensor", meter, "last_alert"), lastAlert));
        if (snoozeButton) {
            configs.add(button(meter, DeviceTopics.Command.SNOOZE, "Snooze alert", "mdi:bell-sleep"));
        }
        if (feedbackButtons) {
            configs.add(button(meter, DeviceTopics.Command.EXPECTED, "Alert was expected", "mdi:thumb-up"));
            configs.add(button(meter, DeviceTopics.Command.PROBLEM, "Alert was a real problem", "mdi:alert-octagon"));
        }
        return configs;
    }

    private Config button(String meter, DeviceTopics.Command command, String name, String icon) {
        Map<String, Object> button = entity(meter, command.topicName(), name);
        button.put("command_topic", topics.command(meter, command));
        button.put("payload_press", DeviceTopics.PRESS);
        button.put("icon", icon);
        return new Config(topics.config("button", meter, command.topicName()), button);
    }

    private Config sensor(String meter, String id, String name, String stateTopic, String template, String deviceClass,
            String stateClass, String unit, int precision) {
        Map<String, Object> sensor = entity(meter, id, name);
        sensor.put("state_topic", stateTopic);
        sensor.put("value_template", template);
        sensor.put("device_class", deviceClass);
        sensor.put("state_class", stateClass);
        sensor.put("unit_of_measurement", unit);
        sensor.put("suggested_display_precision", precision);
        return new Config(topics.config("sensor", meter, id), sensor);
    }

    /** What every entity of the device has: its name and id, the device, where it comes from, availability. */
    private Map<String, Object> entity(String meter, String id, String name) {
        String node = DeviceTopics.node(meter);
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("name", name);
        entity.put("unique_id", node + "_" + id);
        entity.put("availability_topic", topics.availability());
        entity.put("payload_available", DeviceTopics.ONLINE);
        entity.put("payload_not_available", DeviceTopics.OFFLINE);
        entity.put("device", Map.of("identifiers", List.of(node), "name", "WattWatch " + meter,
                "manufacturer", "WattWatch", "model", "Meter LED pulse counter"));
        entity.put("origin", Map.of("name", "WattWatch"));
        return entity;
    }
}
