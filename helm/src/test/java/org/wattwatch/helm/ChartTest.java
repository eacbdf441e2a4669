package org.wattwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The chart rendered offline with helm's own code (helm-java), every manifest parsed and checked. */
class ChartTest {

    private static final Path CHART = Path.of("wattwatch");

    @TempDir
    Path dir;

    private List<Map<String, Object>> render(String values) throws IOException {
        Path file = dir.resolve("values-" + System.nanoTime() + ".yaml");
        Files.writeString(file, values);
        String manifests = new Helm(CHART).template().withName("home").withNamespace("energy").withValuesFile(file).call();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifests)) {
            if (doc != null) {
                docs.add(cast(doc));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(path(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Object path(Object node, Object... keys) {
        Object current = node;
        for (Object key : keys) {
            if (current == null) {
                return null;
            }
            current = key instanceof Integer i ? ((List<?>) current).get(i) : ((Map<?, ?>) current).get(key);
        }
        return current;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return cast(path(deployment, "spec", "template", "spec", "containers", 0));
    }

    private static List<Map<String, Object>> env(Map<String, Object> deployment) {
        return cast(container(deployment).get("env"));
    }

    @Test
    void everyServiceGetsTheOwnersTokenFromASecretAndPrometheusScrapesWithIt() throws IOException {
        // the generated Secret is an install hook by default, which a template leaves out
        List<Map<String, Object>> docs = render(
                "metrics:\n  serviceMonitor:\n    enabled: true\nsecurity:\n  generatedSecretAsHook: false\n"
                + "networkPolicy:\n  metricsFrom:\n    - namespaceSelector:\n        matchLabels: {team: monitoring}\n");
        List<Map<String, Object>> rules = cast(path(find(docs, "NetworkPolicy", "home-wattwatch-notifier-service"),
                "spec", "ingress"));
        assertThat(rules).as("the dashboard's calls, and Prometheus on the management port only").hasSize(2)
                .anySatisfy(r -> assertThat(path(r, "ports", 0, "port")).isEqualTo(9090));
        Map<String, Object> secret = find(docs, "Secret", "home-wattwatch-owner");
        assertThat(((String) path(secret, "data", "owner-token"))).as("a generated token, base64").hasSizeGreaterThan(40);
        for (String service : List.of("scoring-service", "notifier-service", "sensor-agent")) {
            assertThat(env(find(docs, "Deployment", "home-wattwatch-" + service))).anySatisfy(e -> {
                assertThat(e).containsEntry("name", "WATTWATCH_SECURITY_TOKEN");
                assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(
                        Map.of("name", "home-wattwatch-owner", "key", "owner-token"));
            });
        }
        assertThat(path(find(docs, "ServiceMonitor", "home-wattwatch"), "spec", "endpoints", 0, "port"))
                .isEqualTo("management");
        assertThat(path(find(docs, "ServiceMonitor", "home-wattwatch"), "spec", "endpoints", 0, "authorization"))
                .isEqualTo(Map.of("type", "Bearer", "credentials", Map.of("name", "home-wattwatch-owner",
                        "key", "owner-token")));

        List<Map<String, Object>> own = render("security:\n  existingSecret: my-owner\n");
        assertThat(own).noneMatch(d -> "Secret".equals(d.get("kind")) && "home-wattwatch-owner".equals(
                path(d, "metadata", "name")));
        assertThat(env(find(own, "Deployment", "home-wattwatch-scoring-service"))).anySatisfy(e -> assertThat(
                path(e, "valueFrom", "secretKeyRef", "name")).isEqualTo("my-owner"));
    }

    @Test
    void theWebhookUrlIsASecretNeverInTheConfigMap() throws IOException {
        String url = "https://hooks.example/services/T0SECRET/B0SECRET";
        List<Map<String, Object>> docs = render("notifier:\n  channels:\n    webhook:\n      enabled: true\n"
                + "      url: " + url + "\n");
        assertThat(docs).noneMatch(d -> "ConfigMap".equals(d.get("kind")) && d.toString().contains("T0SECRET"));
        assertThat(env(find(docs, "Deployment", "home-wattwatch-notifier-service"))).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_CHANNELS_WEBHOOK_URL");
            assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(
                    Map.of("name", "home-wattwatch-notifier", "key", "webhook-url"));
        });
        assertThat(path(find(docs, "Secret", "home-wattwatch-notifier"), "data", "webhook-url")).isEqualTo(
                java.util.Base64.getEncoder().encodeToString(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void lintsClean() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultsGiveHardenedServicesWithProbesAndAnAgentOnThePi() throws IOException {
        List<Map<String, Object>> docs = render("zone: Europe/Paris\n");

        for (String service : List.of("scoring-service", "notifier-service", "sensor-agent")) {
            Map<String, Object> deployment = find(docs, "Deployment", "home-wattwatch-" + service);
            Map<String, Object> c = container(deployment);
            assertThat(path(c, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            // the Actuator on a port of its own: probes and scrapes apart from the owner's traffic
            assertThat(path(c, "livenessProbe", "httpGet", "port")).isEqualTo("management");
            assertThat(env(deployment)).anySatisfy(e -> assertThat(e).isEqualTo(
                    Map.of("name", "MANAGEMENT_SERVER_PORT", "value", "9090")));
            assertThat(path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                    .isEqualTo("9090");
            assertThat(Objects.toString(path(find(docs, "Service", "home-wattwatch-" + service), "spec", "ports")))
                    .contains("name=management");
            assertThat(path(c, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(path(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(path(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/path"))
                    .isEqualTo("/actuator/prometheus");
            assertThat(env(deployment)).anySatisfy(e -> {
                assertThat(e).containsEntry("name", "SPRING_KAFKA_BOOTSTRAP_SERVERS");
                assertThat(e).containsEntry("value", "kafka-kafka-bootstrap:9092");
            });
            if (!service.equals("sensor-agent")) {
                assertThat(path(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
                assertThat(path(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(path(c, "securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
            }
        }
        Map<String, Object> agent = find(docs, "Deployment", "home-wattwatch-sensor-agent");
        assertThat(path(agent, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("wattwatch.org/meter", "true"));
        assertThat(path(agent, "spec", "strategy", "type")).isEqualTo("Recreate");
        assertThat(path(agent, "spec", "template", "spec", "securityContext", "supplementalGroups")).isEqualTo(List.of(993));
        // least privilege by default: the chip through a device plugin, nothing privileged
        assertThat(path(container(agent), "securityContext", "privileged")).isNull();
        assertThat(path(container(agent), "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(path(container(agent), "resources", "limits", "squat.ai/gpio")).isEqualTo(1);
        Map<String, Object> init = cast(path(agent, "spec", "template", "spec", "initContainers", 0));
        assertThat(init.get("command")).isEqualTo(List.of("chown", "10001:10001", "/spool"));
        assertThat(path(init, "securityContext", "capabilities")).isEqualTo(Map.of("drop", List.of("ALL"),
                "add", List.of("CHOWN")));
        assertThat(path(init, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);

        // nothing reaches a pod but what must: the notifier only from the dashboard
        Map<String, Object> notifierPolicy = find(docs, "NetworkPolicy", "home-wattwatch-notifier-service");
        List<Map<String, Object>> ingress = cast(path(notifierPolicy, "spec", "ingress"));
        assertThat(ingress).singleElement().satisfies(rule -> assertThat(path(rule, "from", 0, "podSelector",
                "matchLabels", "app.kubernetes.io/component")).isEqualTo("scoring-service"));
        assertThat(find(docs, "NetworkPolicy", "home-wattwatch-scoring-service")).isNotNull();
        assertThat(find(docs, "NetworkPolicy", "home-wattwatch-sensor-agent")).isNotNull();
        assertThat(path(find(docs, "Deployment", "home-wattwatch-notifier-service"), "spec", "strategy", "type"))
                .isEqualTo("Recreate");
        assertThat(path(find(docs, "PodDisruptionBudget", "home-wattwatch-scoring-service"), "spec", "minAvailable"))
                .isEqualTo(1);
        String agentConfig = (String) path(find(docs, "ConfigMap", "home-wattwatch-sensor-agent"), "data", "sensor-agent.yml");
        assertThat(agentConfig).contains("zone: Europe/Paris").contains("pin: 17").contains("source: gpio");
        assertThat(docs).noneMatch(d -> "Secret".equals(d.get("kind")) || "Job".equals(d.get("kind")));
    }

    @Test
    void nonDefaultValuesWireSecretsModelsKafkaSecurityAndExtras() throws IOException {
        List<Map<String, Object>> docs = render("""
                kafka:
                  bootstrapServers: broker-1:9093,broker-2:9093
                  securityProtocol: SASL_SSL
                  sasl: {mechanism: SCRAM-SHA-512, existingSecret: kafka-user}
                  tls: {existingSecret: kafka-ca}
                  topics: {prefix: home1., createJob: {enabled: true, asHook: false}}
                metrics: {serviceMonitor: {enabled: true}}
                grafanaDashboard: {enabled: true}
                scoring:
                  model: {source: url, url: "https://models.example/home.zip", fileName: home.zip}
                notifier:
                  channels:
                    pushbullet: {enabled: true, existingSecret: my-tokens}
                    homeAssistant: {enabled: true, baseUrl: "http://ha.local:8123", mediaPlayer: media_player.kitchen, token: s3cret}
                agent:
                  nodeSelector: {kubernetes.io/hostname: pi-meter, wattwatch.org/meter: null}
                  gpio: {mode: privileged}
                  meters:
                    - {id: main, pin: 17}
                    - {id: heat-pump, pin: 27, impulsesPerKwh: 800, edge: falling, pull: pull_up}
                """);

        Map<String, Object> notifier = find(docs, "Deployment", "home-wattwatch-notifier-service");
        assertThat(env(notifier)).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_CHANNELS_PUSHBULLET_TOKEN");
            assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "my-tokens", "key", "pushbullet-token"));
        }).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_CHANNELS_HOME_ASSISTANT_TOKEN");
            assertThat(path(e, "valueFrom", "secretKeyRef", "name")).isEqualTo("home-wattwatch-notifier");
        });
        Map<String, Object> secret = find(docs, "Secret", "home-wattwatch-notifier");
        assertThat(path(secret, "data", "home-assistant-token")).isEqualTo("czNjcmV0");
        assertThat(Objects.toString(path(secret, "data"))).doesNotContain("pushbullet-token");

        Map<String, Object> scoring = find(docs, "Deployment", "home-wattwatch-scoring-service");
        assertThat(path(scoring, "spec", "template", "spec", "initContainers", 0, "args").toString())
                .contains("https://models.example/home.zip");
        assertThat((String) path(find(docs, "ConfigMap", "home-wattwatch-scoring-service"), "data", "scoring-service.yml"))
                .contains("model: file:/model/home.zip")
                // the dashboard reaches the notifier through its Service
                .contains("notifier-url: http://home-wattwatch-notifier-service:8082");
        assertThat(env(scoring)).anySatisfy(e -> assertThat(e).containsEntry("name", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .anySatisfy(e -> assertThat(e).containsEntry("value", "file:/kafka-tls/truststore.p12"));

        Map<String, Object> agent = find(docs, "Deployment", "home-wattwatch-sensor-agent");
        assertThat(path(agent, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("kubernetes.io/hostname", "pi-meter"));
        // privileged only when asked for, with the chip from the node
        assertThat(path(container(agent), "securityContext", "privileged")).isEqualTo(true);
        List<Map<String, Object>> volumes = cast(path(agent, "spec", "template", "spec", "volumes"));
        assertThat(volumes).anySatisfy(v -> assertThat(v.get("hostPath"))
                .isEqualTo(Map.of("path", "/dev/gpiochip0", "type", "CharDevice")));
        assertThat((String) path(find(docs, "ConfigMap", "home-wattwatch-sensor-agent"), "data", "sensor-agent.yml"))
                .contains("id: heat-pump").contains("pin: 27").contains("impulses-per-kwh: 800");

        assertThat(find(docs, "ServiceMonitor", "home-wattwatch")).isNotNull();
        assertThat((String) path(find(docs, "ConfigMap", "home-wattwatch-dashboard"), "data", "wattwatch.json"))
                .contains("\"title\": \"WattWatch\"");
        assertThat(path(find(docs, "Job", "home-wattwatch-topics"), "spec", "template", "spec", "containers", 0, "args")
                .toString()).contains("power.notifications.state --config cleanup.policy=compact")
                .contains("create power.models --config cleanup.policy=compact")
                .contains("--topic \"home1.$1\"");
        assertThat(env(scoring)).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_TOPICS_PREFIX");
            assertThat(e).containsEntry("value", "home1.");
        });
    }

    @Test
    void homeAssistantsBrokerIsReachedWithItsAddressFromValuesAndItsCredentialsAndAuthorityFromSecrets()
            throws IOException {
        List<Map<String, Object>> withSecret = render("""
                notifier:
                  mqtt: {enabled: true, url: "ssl://homeassistant.local:8883", existingSecret: ha-mqtt, caSecret: home-ca}
                """);
        Map<String, Object> notifier = find(withSecret, "Deployment", "home-wattwatch-notifier-service");
        assertThat(env(notifier)).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_MQTT_USERNAME");
            assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "ha-mqtt", "key", "mqtt-username"));
        }).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_MQTT_PASSWORD");
            assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "ha-mqtt", "key", "mqtt-password"));
        });
        List<Map<String, Object>> volumes = cast(path(notifier, "spec", "template", "spec", "volumes"));
        assertThat(volumes).anySatisfy(v -> assertThat(path(v, "secret", "secretName")).isEqualTo("home-ca"));
        List<Map<String, Object>> mounts = cast(path(container(notifier), "volumeMounts"));
        assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/mqtt-ca")
                .containsEntry("readOnly", true));
        String config = (String) path(find(withSecret, "ConfigMap", "home-wattwatch-notifier-service"), "data",
                "notifier-service.yml");
        assertThat(config).contains("url: \"ssl://homeassistant.local:8883\"")
                .contains("ca-certificate: /mqtt-ca/ca.crt").contains("discovery-prefix: \"homeassistant\"");
        assertThat(withSecret).noneMatch(d -> "Secret".equals(d.get("kind")));

        List<Map<String, Object>> inValues = render("""
                notifier:
                  mqtt: {enabled: true, url: "tcp://mosquitto:1883", username: wattwatch, password: s3cret}
                """);
        Map<String, Object> secret = find(inValues, "Secret", "home-wattwatch-notifier");
        assertThat(path(secret, "data", "mqtt-password")).isEqualTo("czNjcmV0");
        assertThat((String) path(find(inValues, "ConfigMap", "home-wattwatch-notifier-service"), "data",
                "notifier-service.yml")).doesNotContain("s3cret");
        List<Map<String, Object>> plainVolumes = cast(path(find(inValues, "Deployment",
                "home-wattwatch-notifier-service"), "spec", "template", "spec", "volumes"));
        assertThat(plainVolumes).noneMatch(v -> "mqtt-ca".equals(v.get("name")));

        List<Map<String, Object>> urlInSecret = render(
                "notifier: {mqtt: {enabled: true, existingSecret: ha-mqtt, urlKey: mqtt-url}}\n");
        assertThat(env(find(urlInSecret, "Deployment", "home-wattwatch-notifier-service"))).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_NOTIFIER_MQTT_URL");
            assertThat(path(e, "valueFrom", "secretKeyRef")).isEqualTo(Map.of("name", "ha-mqtt", "key", "mqtt-url"));
        });
        assertThat((String) path(find(urlInSecret, "ConfigMap", "home-wattwatch-notifier-service"), "data",
                "notifier-service.yml")).doesNotContainPattern("\\n\\s+url:");

        assertThatThrownBy(() -> render("notifier: {mqtt: {enabled: true}}\n")).hasMessageContaining("url");
        assertThatThrownBy(() -> render("notifier: {mqtt: {enabled: true, url: \"homeassistant.local\"}}\n"))
                .hasMessageContaining("url");
    }

    @Test
    void aWeeklyRetrainRunsTheTrainersImageWithTheOwnersTokenAgainstTheScoringService() throws IOException {
        List<Map<String, Object>> docs = render("""
                zone: Europe/Paris
                kafka:
                  securityProtocol: SASL_SSL
                  sasl: {mechanism: SCRAM-SHA-512, existingSecret: kafka-user}
                  tls: {existingSecret: kafka-ca}
                  topics: {prefix: home1., createJob: {enabled: true, asHook: false}}
                retrain: {alertBudget: 1}
                """);
        Map<String, Object> cron = find(docs, "CronJob", "home-wattwatch-retrain");
        assertThat(path(cron, "spec", "schedule")).isEqualTo("0 3 * * 0");
        assertThat(path(cron, "spec", "concurrencyPolicy")).isEqualTo("Forbid");
        Map<String, Object> pod = cast(path(cron, "spec", "jobTemplate", "spec", "template", "spec"));
        Map<String, Object> c = cast(path(pod, "containers", 0));
        assertThat((String) c.get("image")).endsWith("/model-trainer:0.1.0");
        String script = Objects.toString(c.get("args"));
        assertThat(script).contains("exec /app/retrain --all --kafka-config \"$conf\"").contains("--alert-budget 1")
                .contains("sasl.jaas.config=$JAAS").contains("ssl.truststore.location=/kafka-tls/");
        List<Map<String, Object>> env = cast(c.get("env"));
        assertThat(env).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "WATTWATCH_SECURITY_TOKEN");
            assertThat(path(e, "valueFrom", "secretKeyRef", "name")).isEqualTo("home-wattwatch-owner");
        }).anySatisfy(e -> assertThat(e).isEqualTo(Map.of("name", "WATTWATCH_SCORING_URL",
                "value", "http://home-wattwatch-scoring-service:8081")))
                .anySatisfy(e -> assertThat(e).isEqualTo(Map.of("name", "WATTWATCH_TOPICS_PREFIX", "value", "home1.")))
                .anySatisfy(e -> assertThat(e).isEqualTo(Map.of("name", "WATTWATCH_ZONE", "value", "Europe/Paris")));
        assertThat(path(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(Objects.toString(pod.get("volumes"))).contains("kafka-ca");
        // its pods reach the scoring service's API whatever the dashboard's sources are
        List<Map<String, Object>> scoringIngress = cast(path(find(docs, "NetworkPolicy",
                "home-wattwatch-scoring-service"), "spec", "ingress"));
        assertThat(scoringIngress).anySatisfy(rule -> assertThat(path(rule, "from", 0, "podSelector", "matchLabels",
                "app.kubernetes.io/component")).isEqualTo("model-trainer"));
        assertThat(path(cron, "spec", "jobTemplate", "spec", "template", "metadata", "labels",
                "app.kubernetes.io/component")).isEqualTo("model-trainer");

        // the topics the learning needs, the history kept three years
        assertThat(Objects.toString(path(find(docs, "Job", "home-wattwatch-topics"), "spec", "template", "spec",
                "containers", 0, "args")))
                .contains("create power.history --config retention.ms=94608000000")
                .contains("create power.models.decisions --config retention.ms=94608000000")
                .contains("create power.alerts.feedback --config cleanup.policy=compact");
        assertThat((String) path(find(docs, "ConfigMap", "home-wattwatch-scoring-service"), "data",
                "scoring-service.yml")).contains("slot: 15m").contains("retention: 1095d");

        assertThat(render("retrain: {enabled: false}\n")).noneMatch(d -> "CronJob".equals(d.get("kind")));
        assertThat((String) path(find(render("notifier: {dashboardUrl: \"https://wattwatch.home/\"}\n"), "ConfigMap",
                "home-wattwatch-notifier-service"), "data", "notifier-service.yml"))
                .contains("dashboard-url: \"https://wattwatch.home/\"");
        assertThatThrownBy(() -> render("retrain: {alertBudget: -1}\n")).hasMessageContaining("alertBudget");
    }

    @Test
    void valuesThatBreakTheSchemaAreRejectedAtInstallTime() {
        assertThatThrownBy(() -> render("agent: {meters: [{id: main, pin: 40}]}\n"))
                .hasMessageContaining("pin");
        assertThatThrownBy(() -> render("notifier: {replicas: 2}\n")).hasMessageContaining("replicas");
        assertThatThrownBy(() -> render("notifier: {channels: {pushbullet: {enabled: true}}}\n"))
                .hasMessageContaining("pushbullet");
        assertThatThrownBy(() -> render("kafka: {bootstrapServers: ''}\n")).hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> render("scoring: {modle: {}}\n")).hasMessageContaining("modle");
        assertThatThrownBy(() -> render("agent: {nodeSelector: {wattwatch.org/meter: ''}}\n"))
                .hasMessageContaining("nodeSelector");
    }
}
