{{- define "wattwatch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 50 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "wattwatch.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "wattwatch.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "wattwatch.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.registry .component (default .root.Chart.AppVersion .root.Values.image.tag) }}
{{- end -}}

{{- define "wattwatch.podAnnotations" -}}
{{- if .root.Values.metrics.annotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
prometheus.io/port: {{ .root.Values.managementPort | quote }}
{{- end }}
checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
{{- end -}}

{{/* Kafka connection settings, as Spring Boot environment variables. */}}
{{- define "wattwatch.kafkaEnv" -}}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: {{ .Values.kafka.securityProtocol | quote }}
{{- if .Values.kafka.sasl.mechanism }}
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if .Values.kafka.sasl.existingSecret }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if .Values.kafka.tls.existingSecret }}
- name: SPRING_KAFKA_SSL_TRUST_STORE_LOCATION
  value: file:/kafka-tls/{{ .Values.kafka.tls.truststoreKey }}
- name: SPRING_KAFKA_SSL_TRUST_STORE_TYPE
  value: PKCS12
- name: SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.existingSecret }}
      key: {{ .Values.kafka.tls.passwordKey }}
{{- end }}
- name: WATTWATCH_TOPICS_PARTITIONS
  value: {{ .Values.kafka.topics.partitions | quote }}
- name: WATTWATCH_TOPICS_REPLICATION_FACTOR
  value: {{ .Values.kafka.topics.replicationFactor | quote }}
- name: WATTWATCH_TOPICS_PREFIX
  value: {{ .Values.kafka.topics.prefix | quote }}
{{- end -}}

{{- define "wattwatch.kafkaVolumeMounts" -}}
{{- if .Values.kafka.tls.existingSecret }}
- name: kafka-tls
  mountPath: /kafka-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "wattwatch.kafkaVolumes" -}}
{{- if .Values.kafka.tls.existingSecret }}
- name: kafka-tls
  secret:
    secretName: {{ .Values.kafka.tls.existingSecret }}
{{- end }}
{{- end -}}

{{/* Config file, /tmp for the JVM (read-only root file system), and the Kafka trust store. */}}
{{- define "wattwatch.commonMounts" -}}
- name: config
  mountPath: /config
  readOnly: true
- name: tmp
  mountPath: /tmp
{{ include "wattwatch.kafkaVolumeMounts" .root }}
{{- end -}}

{{- define "wattwatch.commonVolumes" -}}
- name: config
  configMap:
    name: {{ include "wattwatch.fullname" .root }}-{{ .component }}
- name: tmp
  emptyDir: {}
{{ include "wattwatch.kafkaVolumes" .root }}
{{- end -}}

{{- define "wattwatch.probes" -}}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: management}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: management}
  periodSeconds: 5
  failureThreshold: 3
{{- end -}}

{{- define "wattwatch.commonEnv" -}}
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: file:/config/
- name: JAVA_TOOL_OPTIONS
  value: {{ .javaOpts | quote }}
- name: WATTWATCH_SECURITY_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "wattwatch.ownerSecret" .root }}
      key: {{ .root.Values.security.tokenKey }}
- name: WATTWATCH_SECURITY_OPEN_READS
  value: {{ .root.Values.security.openReads | quote }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ .root.Values.managementPort | quote }}
{{- end -}}

{{- define "wattwatch.ownerSecret" -}}
{{- default (printf "%s-owner" (include "wattwatch.fullname" .)) .Values.security.existingSecret -}}
{{- end -}}

{{/* Writes the Kafka client's settings to /tmp/client.properties from the env the caller sets
     (PROTOCOL, MECHANISM, JAAS, TRUSTSTORE_PASSWORD): for Kafka's own tools and the trainer alike. */}}
{{- define "wattwatch.kafkaClientConfigScript" -}}
conf=/tmp/client.properties
echo "security.protocol=$PROTOCOL" > $conf
[ -n "$MECHANISM" ] && echo "sasl.mechanism=$MECHANISM" >> $conf
[ -n "${JAAS:-}" ] && echo "sasl.jaas.config=$JAAS" >> $conf
{{- if .Values.kafka.tls.existingSecret }}
echo "ssl.truststore.location=/kafka-tls/{{ .Values.kafka.tls.truststoreKey }}" >> $conf
echo "ssl.truststore.type=PKCS12" >> $conf
echo "ssl.truststore.password=$TRUSTSTORE_PASSWORD" >> $conf
{{- end }}
{{- end -}}

{{/* The env the client config script reads. */}}
{{- define "wattwatch.kafkaClientEnv" -}}
- {name: BOOTSTRAP, value: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}}
- {name: PROTOCOL, value: {{ .Values.kafka.securityProtocol | quote }}}
- {name: MECHANISM, value: {{ .Values.kafka.sasl.mechanism | quote }}}
{{- if .Values.kafka.sasl.existingSecret }}
- name: JAAS
  valueFrom: {secretKeyRef: {name: {{ .Values.kafka.sasl.existingSecret }}, key: {{ .Values.kafka.sasl.jaasConfigKey }}}}
{{- end }}
{{- if .Values.kafka.tls.existingSecret }}
- name: TRUSTSTORE_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .Values.kafka.tls.existingSecret }}, key: {{ .Values.kafka.tls.passwordKey }}}}
{{- end }}
{{- end -}}
