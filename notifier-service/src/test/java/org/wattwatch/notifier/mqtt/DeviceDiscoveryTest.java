package org.wattwatch.notifier.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DeviceDiscoveryTest {

    private final DeviceTopics topics = new DeviceTopics("homeassistant", "wattwatch");
    private final DeviceDiscovery discovery = new DeviceDiscovery(topics, true, true);

    @Test
    void everyConfigIsOneHomeAssistantTakesAsItIs() {
        for (DeviceDiscovery.Config c : discovery.configs("main")) {
            assertThat(HomeAssistantSchema.problems(HomeAssistantSchema.platformOf(c.topic()), c.payload()))
                    .as(c.topic()).isEmpty();
        }
    }

    @Test
    void theSchemaCheckFindsWhatHomeAssistantWouldRefuse() {
        assertThat(HomeAssistantSchema.problems("sensor", Map.of("state_topic", "a/+", "unique_id", "x",
                "device", Map.of("identifiers", List.of("d")), "device_class", "energy", "unit_of_measurement", "W",
                "state_class", "measurement", "colour", "red")))
                .hasSize(4);
        assertThat(HomeAssistantSchema.problems("button", Map.of("unique_id", "x"))).hasSize(2);
    }

    @Test
    void oneDeviceWithTheEntitiesAnOwnerNeeds() {
        Map<String, Map<String, Object>> byTopic = discovery.configs("main").stream()
                .collect(Collectors.toMap(DeviceDiscovery.Config::topic, DeviceDiscovery.Config::payload));
        assertThat(byTopic.keySet()).containsExactlyInAnyOrder(
                "homeassistant/sensor/wattwatch_main/power/config",
                "homeassistant/sensor/wattwatch_main/energy/config",
                "homeassistant/sensor/wattwatch_main/usual_low/config",
                "homeassistant/sensor/wattwatch_main/usual_high/config",
                "homeassistant/sensor/wattwatch_main/score/config",
                "homeassistant/binary_sensor/wattwatch_main/unusual_usage/config",
                "homeassistant/sensor/wattwatch_main/last_alert/config",
                "homeassistant/button/wattwatch_main/snooze/config",
                "homeassistant/button/wattwatch_main/expected/config",
                "homeassistant/button/wattwatch_main/problem/config");
        assertThat(byTopic.values()).extracting(c -> c.get("device"))
                .allSatisfy(d -> assertThat(d).isEqualTo(byTopic.values().iterator().next().get("device")));
        assertThat(byTopic.values()).extracting(c -> c.get("availability_topic")).containsOnly("wattwatch/status");
        assertThat(byTopic.values()).extracting(c -> c.get("unique_id")).doesNotHaveDuplicates();

        Map<String, Object> energy = byTopic.get("homeassistant/sensor/wattwatch_main/energy/config");
        assertThat(energy).containsEntry("device_class", "energy").containsEntry("state_class", "total_increasing")
                .containsEntry("unit_of_measurement", "kWh").containsEntry("state_topic", "wattwatch/main/energy");
        assertThat(byTopic.get("homeassistant/binary_sensor/wattwatch_main/unusual_usage/config"))
                .containsEntry("device_class", "problem").containsEntry("state_topic", "wattwatch/main/alert");
        assertThat(byTopic.get("homeassistant/button/wattwatch_main/snooze/config"))
                .containsEntry("command_topic", "wattwatch/main/snooze").containsEntry("payload_press", "PRESS");
    }

    @Test
    void withoutTheButtonNobodyCanSnoozeThroughTheBroker() {
        assertThat(new DeviceDiscovery(topics, false, false).configs("main")).extracting(DeviceDiscovery.Config::topic)
                .noneMatch(t -> t.contains("/button/"));
    }

    @Test
    void metersWhoseIdsDifferGetDevicesThatDiffer() {
        List<String> meters = List.of("main.1", "main_1", "main_d1", "main-1", "a__b", "a_.b");
        assertThat(meters.stream().map(DeviceTopics::node).collect(Collectors.toSet())).hasSize(meters.size());
        assertThat(meters.stream().map(DeviceTopics::node)).allMatch(n -> n.matches("[a-zA-Z0-9_-]+"));
        Function<String, String> topicOfPower = m -> topics.config("sensor", m, "power");
        assertThat(topicOfPower.apply("main.1")).isEqualTo("homeassistant/sensor/wattwatch_main_d1/power/config");
    }

    @Test
    void aButtonsCommandNamesItsMeter() {
        assertThat(topics.commandOf("wattwatch/main.1/snooze"))
                .contains(new DeviceTopics.MeterCommand("main.1", DeviceTopics.Command.SNOOZE));
        assertThat(topics.commandOf("wattwatch/main/expected"))
                .contains(new DeviceTopics.MeterCommand("main", DeviceTopics.Command.EXPECTED));
        assertThat(topics.commandOf("wattwatch/a/b/snooze")).isEmpty();
        assertThat(topics.commandOf("wattwatch//snooze")).isEmpty();
        assertThat(topics.commandOf("wattwatch/main/state")).isEmpty();
        assertThat(topics.commandOf("other/main/snooze")).isEmpty();
        assertThat(topics.commandFilters()).containsExactly("wattwatch/+/snooze", "wattwatch/+/expected",
                "wattwatch/+/problem");
    }
}
