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

    /** What a button of the device asks for. */
    enum Command {
        /** Snooze the meter's open alerts. */
        SNOOZE,
        /** The owner says the meter's latest usage alert was expected. */
        EXPECTED,
        /** The owner says it was a real problem. */
        PROBLEM;

        String topicName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A command for a meter, from one of its buttons. */
    record MeterCommand(String meter, Command command) {
    }

    String command(String meter, Command command) {
        return base + "/" + meter + "/" + command.topicName();
    }

    /** The filters that take every meter's buttons (not its states: this service publishes those itself). */
    java.util.List<String> commandFilters() {
        return java.util.Arrays.stream(Command.values()).map(c -> base + "/+/" + c.topicName()).toList();
    }

    /** The meter and command a topic is for, or empty for a topic that is not a command. */
    Optional<MeterCommand> commandOf(String topic) {
        String prefix = base + "/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(prefix.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        for (Command c : Command.values()) {
            if (c.topicName().equals(parts[1])) {
                return Optional.of(new MeterCommand(parts[0], c));
            }
        }
        return Optional.empty();
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
