package org.wattwatch.notifier.mqtt;

import java.util.Optional;

/**
 * Where each meter's device lives on the broker. States and commands under the base topic, by meter id
 * (a meter id has no '/', '+' or '#'); discovery configs under HA's prefix, by a node id HA accepts
 * (letters, digits, '_' and '-'), derived one-to-one from the meter id.
 */
record DeviceTopics(String discoveryPrefix, String base) {

    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    static final String PRESS = "PRESS";

    static DeviceTopics of(MqttProperties properties) {
        return new DeviceTopics(properties.discoveryPrefix(), properties.baseTopic());
    }

    /** WattWatch's availability: {@link #ONLINE} while the notifier runs, {@link #OFFLINE} (its last will) after. */
    String availability() {
        return base + "/status";
    }

    /** HA's own birth and last will: HA announces "online" after a restart, and asks integrations to announce. */
    String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    /** The meter's live values, one JSON object per reading. */
    String state(String meter) {
        return base + "/" + meter + "/state";
    }

    /** The meter's energy in kWh, a bare number, only once the scoring service has counted some. */
    String energy(String meter) {
        return base + "/" + meter + "/energy";
    }

    /** The meter's alert: unusual usage or not, and the latest alert's words. */
    String alert(String meter) {
        return base + "/" + meter + "/alert";
    }

    String snooze(String meter) {
        return base + "/" + meter + "/snooze";
    }

    String snoozeFilter() {
        return base + "/+/snooze";
    }

    /** The meter a snooze command is for, or empty for a topic that is not one. */
    Optional<String> snoozedMeter(String topic) {
        String prefix = base + "/";
        if (!topic.startsWith(prefix) || !topic.endsWith("/snooze")) {
            return Optional.empty();
        }
        String meter = topic.substring(prefix.length(), topic.length() - "/snooze".length());
        return meter.isEmpty() || meter.contains("/") ? Optional.empty() : Optional.of(meter);
    }

    /** HA's discovery topic of one entity of the meter's device. */
    String config(String component, String meter, String entity) {
        return discoveryPrefix + "/" + component + "/" + node(meter) + "/" + entity + "/config";
    }

    /** "wattwatch_" and the meter id with '_' written "__" and '.' written "_d", so two meters never share one. */
    static String node(String meter) {
        return "wattwatch_" + meter.replace("_", "__").replace(".", "_d");
    }
}
