{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "revoke-token-bot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources, at most 63 characters (DNS label limit). The release name
alone when it already contains the chart name.
*/}}
{{- define "revoke-token-bot.fullname" -}}
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

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "revoke-token-bot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every resource.
*/}}
{{- define "revoke-token-bot.labels" -}}
helm.sh/chart: {{ include "revoke-token-bot.chart" . }}
{{ include "revoke-token-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ include "revoke-token-bot.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: revoke-token-bot
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Labels that select the release's pods; never change them after a release exists (they are immutable
in a Deployment's selector).
*/}}
{{- define "revoke-token-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "revoke-token-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "revoke-token-bot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "revoke-token-bot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: image.tag, else the chart's appVersion (so the image is pinned by the chart version).
*/}}
{{- define "revoke-token-bot.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
Image reference: pinned by digest when one is given, else by tag.
*/}}
{{- define "revoke-token-bot.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "revoke-token-bot.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Name of the Secret the pods read: existingSecret, or the chart-made one.
*/}}
{{- define "revoke-token-bot.secretName" -}}
{{- default (include "revoke-token-bot.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
True (non-empty) when the chart makes the Secret itself.
*/}}
{{- define "revoke-token-bot.createSecret" -}}
{{- if not .Values.existingSecret }}true{{ end }}
{{- end }}

{{/*
True (non-empty) when the bot runs in Socket Mode.
*/}}
{{- define "revoke-token-bot.socketMode" -}}
{{- if .Values.slack.socketMode.enabled }}true{{ end }}
{{- end }}

{{/*
REVOKE_STATE_KEY for the chart-made Secret, the same in every template of one render:
revoke.stateKey when given; else, on upgrade, the key already in the release's Secret (lookup, so
upgrades keep it); else a new random key. Helm hands every template of a render the same .Values
map, so the key is generated once, stored there, and secret.yaml and deployment.yaml's checksum of
it agree. The lookup runs on upgrades only: on install the Secret cannot exist yet, and renders
without a cluster (`helm template`, which is an install) then never try to reach one. So a template
render makes a new key each time, shared by every replica through the one Secret.
*/}}
{{- define "revoke-token-bot.stateKey" -}}
{{- if .Values.revoke.stateKey }}
{{- .Values.revoke.stateKey }}
{{- else }}
{{- if not (hasKey .Values "generatedStateKey") }}
{{- $key := "" }}
{{- $existing := dict }}
{{- if .Release.IsUpgrade }}
{{- $existing = lookup "v1" "Secret" .Release.Namespace (include "revoke-token-bot.fullname" .) }}
{{- end }}
{{- if and $existing $existing.data }}
{{- $key = index $existing.data .Values.secretKeys.stateKey | default "" | b64dec }}
{{- end }}
{{- $_ := set .Values "generatedStateKey" (default (randAlphaNum 48) $key) }}
{{- end }}
{{- .Values.generatedStateKey }}
{{- end }}
{{- end }}

{{/*
True (non-empty) when the request ledger is the embedded on-disk database (no ledger.url): it lives
on the data volume and serves one process only.
*/}}
{{- define "revoke-token-bot.embeddedLedger" -}}
{{- if not .Values.ledger.url }}true{{ end }}
{{- end }}

{{/*
Name of the PersistentVolumeClaim holding the embedded ledger: existingClaim, or the chart-made one.
*/}}
{{- define "revoke-token-bot.dataClaimName" -}}
{{- default (include "revoke-token-bot.fullname" .) .Values.persistence.existingClaim }}
{{- end }}

{{/*
Fails the render, naming every value to fix, when the values cannot work together (Bitnami's
validateValues). Included by deployment.yaml, which every render has.
*/}}
{{- define "revoke-token-bot.validateValues" -}}
{{- $messages := list }}
{{- $messages = append $messages (include "revoke-token-bot.validateValues.replicas" .) }}
{{- $messages = append $messages (include "revoke-token-bot.validateValues.ledgerUrl" .) }}
{{- $messages = append $messages (include "revoke-token-bot.validateValues.existingClaim" .) }}
{{- $messages = append $messages (include "revoke-token-bot.validateValues.sandbox" .) }}
{{- $messages = without $messages "" }}
{{- if $messages }}
{{- printf "\nVALUES VALIDATION:\n%s" (join "\n" $messages) | fail }}
{{- end }}
{{- end }}

{{/*
The embedded ledger holds a file lock: a second pod could not open it, so several pods need a
shared ledger.
*/}}
{{- define "revoke-token-bot.validateValues.replicas" -}}
{{- if include "revoke-token-bot.embeddedLedger" . }}
{{- $fix := "set ledger.url (PostgreSQL, jdbc:postgresql://<host>:5432/<database>) with ledger.username and ledger.password (or existingSecret)" }}
{{- if .Values.autoscaling.enabled }}
{{- printf "revoke-token-bot: autoscaling (up to %v replicas) needs a shared ledger: %s, or set autoscaling.enabled=false; the embedded ledger serves one process only (it holds a file lock)." .Values.autoscaling.maxReplicas $fix }}
{{- else if gt (int .Values.replicaCount) 1 }}
{{- printf "revoke-token-bot: %v replicas need a shared ledger: %s, or set replicaCount=1; the embedded ledger serves one process only (it holds a file lock)." .Values.replicaCount $fix }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The ledger is PostgreSQL. The URL itself is never echoed: it may carry a password.
*/}}
{{- define "revoke-token-bot.validateValues.ledgerUrl" -}}
{{- if and .Values.ledger.url (not (hasPrefix "jdbc:postgresql://" .Values.ledger.url)) }}
{{- print "revoke-token-bot: ledger.url must be a PostgreSQL JDBC URL, jdbc:postgresql://<host>:5432/<database> (a libpq URL such as postgres://... does not work)." }}
{{- end }}
{{- end }}

{{/*
An existingClaim without persistence.enabled would leave the ledger on an emptyDir, to be lost
with the pod: say so instead.
*/}}
{{- define "revoke-token-bot.validateValues.existingClaim" -}}
{{- if and (include "revoke-token-bot.embeddedLedger" .) .Values.persistence.existingClaim (not .Values.persistence.enabled) }}
{{- print "revoke-token-bot: persistence.existingClaim is set but persistence.enabled is false: set persistence.enabled=true to keep the embedded ledger on that claim (it would be on an emptyDir, lost with the pod)." }}
{{- end }}
{{- end }}

{{/*
Sandbox mode (REVOKE_SANDBOX) plays Slack and InfluxDB with fakes inside the pod: the chart never
turns it on, and refuses values that would, in extraEnv (by any spelling the bot reads) or as a
-Drevoke.sandbox option in jvm.options.
*/}}
{{- define "revoke-token-bot.validateValues.sandbox" -}}
{{- $asked := contains "revoke.sandbox" (lower (toString .Values.jvm.options)) }}
{{- range .Values.extraEnv }}
{{- if eq (upper (regexReplaceAll "[^A-Za-z0-9]" (toString .name) "_")) "REVOKE_SANDBOX" }}
{{- $asked = true }}
{{- end }}
{{- end }}
{{- if $asked }}
{{- print "revoke-token-bot: sandbox mode (REVOKE_SANDBOX) runs a fake Slack and a fake InfluxDB, for trying the bot on one machine, and cannot be turned on by this chart: remove it from extraEnv and jvm.options." }}
{{- end }}
{{- end }}

{{/*
Minimum number of pods that run: what decides whether a PodDisruptionBudget makes sense.
*/}}
{{- define "revoke-token-bot.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}
{{- .Values.autoscaling.minReplicas }}
{{- else }}
{{- .Values.replicaCount }}
{{- end }}
{{- end }}

{{/*
JAVA_OPTS_APPEND: setting it in the pod replaces the image's value, so the image's two flags
(listen on all interfaces, JBoss log manager) come first, then jvm.options.
*/}}
{{- define "revoke-token-bot.javaOptsAppend" -}}
{{- $image := "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager" }}
{{- trim (printf "%s %s" $image .Values.jvm.options) }}
{{- end }}
