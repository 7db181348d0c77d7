{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "newswatch.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name prefix: <release>-newswatch unless the release name already contains it. */}}
{{- define "newswatch.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "newswatch.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "newswatch.labels" -}}
helm.sh/chart: {{ include "newswatch.chart" . }}
app.kubernetes.io/name: {{ include "newswatch.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: newswatch
{{- end }}

{{/* Selector labels of one service; call with (dict "root" $ "component" "enrich"). */}}
{{- define "newswatch.selectorLabels" -}}
app.kubernetes.io/name: {{ include "newswatch.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "newswatch.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Name of the Secret holding secret client properties, or empty when there is none. */}}
{{- define "newswatch.kafkaSecretName" -}}
{{- if .Values.kafka.security.existingSecret }}
{{- .Values.kafka.security.existingSecret }}
{{- else if .Values.kafka.security.properties }}
{{- printf "%s-kafka-client" (include "newswatch.fullname" .) }}
{{- end }}
{{- end }}

{{/* NEWSWATCH_KAFKA_<NAME> for a client property name: dots become underscores, dashes triple underscores. */}}
{{- define "newswatch.kafkaEnvName" -}}
{{- printf "NEWSWATCH_KAFKA_%s" (. | replace "_" "__" | replace "-" "___" | replace "." "_" | upper) }}
{{- end }}
