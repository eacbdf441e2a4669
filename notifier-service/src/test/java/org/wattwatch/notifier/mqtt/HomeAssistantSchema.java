package org.wattwatch.notifier.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MQTT discovery config of Home Assistant's sensor, binary_sensor and button platforms as HA documents
 * them (home-assistant.io/integrations/sensor.mqtt, binary_sensor.mqtt, button.mqtt, and the sensor
 * integration's device classes, units and state classes): the keys each platform takes, the ones it needs,
 * and the values HA accepts where it names them. What HA would refuse or warn about is a problem.
 */
final class HomeAssistantSchema {

    private static final Set<String> COMMON = Set.of("availability", "availability_mode", "availability_template",
            "availability_topic", "device", "enabled_by_default", "encoding", "entity_category", "entity_picture",
            "icon", "json_attributes_template", "json_attributes_topic", "name", "default_entity_id", "object_id",
            "origin", "payload_available", "payload_not_available", "platform", "qos", "unique_id");
    private static final Map<String, Set<String>> PLATFORM_KEYS = Map.of(
            "sensor", Set.of("device_class", "expire_after", "force_update", "last_reset_value_template", "options",
                    "state_class", "state_topic", "suggested_display_precision", "unit_of_measurement",
                    "value_template"),
            "binary_sensor", Set.of("device_class", "expire_after", "force_update", "off_delay", "payload_off",
                    "payload_on", "state_topic", "value_template"),
            "button", Set.of("command_template", "command_topic", "device_class", "payload_press", "retain"));
    private static final Map<String, String> REQUIRED = Map.of("sensor", "state_topic", "binary_sensor",
            "state_topic", "button", "command_topic");
    private static final Set<String> DEVICE_KEYS = Set.of("configuration_url", "connections", "hw_version",
            "identifiers", "manufacturer", "model", "model_id", "name", "serial_number", "suggested_area", "sw_version",
            "via_device");
    private static final Set<String> ORIGIN_KEYS = Set.of("name", "sw_version", "support_url");
    /** The sensor device classes used here, with the units HA accepts for each. */
    private static final Map<String, Set<String>> SENSOR_UNITS = Map.of(
            "power", Set.of("mW", "W", "kW", "MW", "GW", "TW", "BTU/h"),
            "energy", Set.of("J", "kJ", "MJ", "GJ", "mWh", "Wh", "kWh", "MWh", "GWh", "TWh", "cal", "kcal", "Mcal",
                    "Gcal"));
    private static final Set<String> BINARY_SENSOR_CLASSES = Set.of("battery", "battery_charging", "carbon_monoxide",
            "cold", "connectivity", "door", "garage_door", "gas", "heat", "light", "lock", "moisture", "motion",
            "moving", "occupancy", "opening", "plug", "power", "presence", "problem", "running", "safety", "smoke",
            "sound", "tamper", "update", "vibration", "window");
    private static final Set<String> STATE_CLASSES = Set.of("measurement", "measurement_angle", "total",
            "total_increasing");

    private HomeAssistantSchema() {
    }

    /** What HA would refuse or warn about in this config of {@code platform}; empty when it takes it as it is. */
    @SuppressWarnings("unchecked")
    static List<String> problems(String platform, Map<String, Object> config) {
        List<String> problems = new ArrayList<>();
        Set<String> own = PLATFORM_KEYS.get(platform);
        if (own == null) {
            return List.of("unknown platform " + platform);
        }
        config.keySet().stream().filter(k -> !COMMON.contains(k) && !own.contains(k))
                .forEach(k -> problems.add("key not in HA's " + platform + ".mqtt schema: " + k));
        if (!(config.get(REQUIRED.get(platform)) instanceof String topic) || topic.isBlank()
                || topic.contains("+") || topic.contains("#")) {
            problems.add(REQUIRED.get(platform) + " is required and must be a topic without wildcards");
        }
        if (!(config.get("unique_id") instanceof String)) {
            problems.add("unique_id is required to belong to a device");
        }
        if (!(config.get("device") instanceof Map<?, ?> device) || !(device.get("identifiers") instanceof List<?> ids)
                || ids.isEmpty()) {
            problems.add("device.identifiers is required");
        } else {
            ((Map<String, Object>) config.get("device")).keySet().stream().filter(k -> !DEVICE_KEYS.contains(k))
                    .forEach(k -> problems.add("key not in HA's device schema: " + k));
        }
        if (config.get("origin") instanceof Map<?, ?> origin) {
            if (!(origin.get("name") instanceof String)) {
                problems.add("origin.name is required with origin");
            }
            origin.keySet().stream().filter(k -> !ORIGIN_KEYS.contains(k))
                    .forEach(k -> problems.add("key not in HA's origin schema: " + k));
        }
        if (config.containsKey("availability_topic") && config.containsKey("availability")) {
            problems.add("availability and availability_topic must not be used together");
        }
        if (config.get("value_template") instanceof String t && !(t.startsWith("{{") && t.endsWith("}}"))) {
            problems.add("value_template is not a template: " + t);
        }
        Object deviceClass = config.get("device_class");
        if ("sensor".equals(platform)) {
            Object unit = config.get("unit_of_measurement");
            if (deviceClass != null && !SENSOR_UNITS.getOrDefault(deviceClass, Set.of()).contains(unit)) {
                problems.add("unit " + unit + " is not one HA takes for device_class " + deviceClass);
            }
            Object stateClass = config.get("state_class");
            if (stateClass != null && !STATE_CLASSES.contains(stateClass)) {
                problems.add("state_class " + stateClass + " is not one of " + STATE_CLASSES);
            }
            if ("energy".equals(deviceClass) && !("total".equals(stateClass) || "total_increasing".equals(stateClass))) {
                problems.add("an energy sensor needs state_class total or total_increasing, had " + stateClass);
            }
        }
        if ("binary_sensor".equals(platform) && deviceClass != null && !BINARY_SENSOR_CLASSES.contains(deviceClass)) {
            problems.add("device_class " + deviceClass + " is not a binary sensor class");
        }
        return problems;
    }

    /** The platform a discovery topic is for: {@code <prefix>/<platform>/<node>/<object>/config}. */
    static String platformOf(String topic) {
        String[] parts = topic.split("/");
        return parts[parts.length - 4];
    }
}
