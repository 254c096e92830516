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
The TCP port an InfluxDB base URL is reached on: its explicit port, else 443 for https and 80 for
http; empty when the URL is not http(s)://<host>... (validateValues.targets says so).
*/}}
{{- define "revoke-token-bot.urlPort" -}}
{{- $url := toString . }}
{{- if regexMatch "^(?i)https?://" $url }}
{{- $authority := regexReplaceAll "^[A-Za-z]+://([^/?#]*).*$" $url "${1}" }}
{{- $authority = regexReplaceAll "^.*@" $authority "" }}
{{- $host := regexReplaceAll ":[0-9]*$" $authority "" }}
{{- if regexMatch "^(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]+)$" $host }}
{{- $explicit := regexFind ":[0-9]+$" $authority | trimPrefix ":" }}
{{- if $explicit }}
{{- $explicit }}
{{- else if eq (lower (regexFind "^[A-Za-z]+" $url)) "https" }}443
{{- else }}80
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The named InfluxDB targets of influx.targets as JSON (read it with fromJson): name to a dict of
env (the upper-cased name in INFLUX_TARGETS_<NAME>_*), url, kind (v2 when empty), accountId,
clusterId, tokenKey (the Secret key of its token) and port (see urlPort). Tokens are left out: only
secret.yaml reads them, from the values. Tolerates any input, so every template renders and
validateValues can name what is wrong.
*/}}
{{- define "revoke-token-bot.targets" -}}
{{- $targets := dict }}
{{- range $name, $raw := (.Values.influx.targets | default dict) }}
{{- $target := dict }}
{{- if kindIs "map" $raw }}{{ $target = $raw }}{{ end }}
{{- $env := upper (regexReplaceAll "[^A-Za-z0-9_]" (toString $name) "_") }}
{{- $url := toString (get $target "url" | default "") }}
{{- $_ := set $targets (toString $name) (dict
    "env" $env
    "url" $url
    "kind" (toString (get $target "kind" | default "v2"))
    "accountId" (toString (get $target "accountId" | default ""))
    "clusterId" (toString (get $target "clusterId" | default ""))
    "tokenKey" (toString (get $target "tokenKey" | default (printf "INFLUX_TARGETS_%s_TOKEN" $env)))
    "port" (include "revoke-token-bot.urlPort" $url)) }}
{{- end }}
{{- toJson $targets }}
{{- end }}

{{/*
True (non-empty) when the pods get INFLUX_URL and INFLUX_TOKEN, the target named default: with
influx.url, or when no target is named at all (the bot then says INFLUX_URL is missing).
*/}}
{{- define "revoke-token-bot.defaultTarget" -}}
{{- if or .Values.influx.url (not .Values.influx.targets) }}true{{ end }}
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
{{- $messages = append $messages (include "revoke-token-bot.validateValues.targets" .) }}
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
The named InfluxDB targets: names the bot can read, kinds it knows, what each kind needs, a
defaultTarget that exists, one definition of "default", and no two tokens under one Secret key.
URLs are never echoed (one could carry credentials). No target at all is not an error here: like
every setting the bot cannot start without, NOTES.txt warns instead, so the defaults still render.
*/}}
{{- define "revoke-token-bot.validateValues.targets" -}}
{{- $messages := list }}
{{- $targets := include "revoke-token-bot.targets" . | fromJson }}
{{- $kinds := list "v2" "v3" "dedicated" "clustered" }}
{{- $tokens := dict }}
{{- $fixedKeys := dict }}
{{- range $value, $key := .Values.secretKeys }}{{ $_ := set $fixedKeys (toString $key) $value }}{{ end }}
{{- range $name, $target := $targets }}
{{- $raw := index $.Values.influx.targets $name }}
{{- $where := printf "influx.targets.%s" $name }}
{{- if not (regexMatch "^[a-z0-9_]+$" $name) }}
{{- $messages = append $messages (printf "revoke-token-bot: %q is not a target name: use lower-case letters, digits and _ only ([a-z0-9_]+), e.g. %q; the bot reads the target from INFLUX_TARGETS_<NAME>_*, <NAME> being the name upper-cased." $name (lower $target.env)) }}
{{- end }}
{{- if not (kindIs "map" $raw) }}
{{- $messages = append $messages (printf "revoke-token-bot: %s must be a map of url, kind, accountId, clusterId, token and tokenKey." $where) }}
{{- else }}
{{- if not $target.url }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.url is empty: set the target's base URL (INFLUX_TARGETS_%s_URL), e.g. https://us-east-1-1.aws.cloud2.influxdata.com, or http://<host>:8181 for InfluxDB 3." $where $target.env) }}
{{- else if not $target.port }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.url must be an http:// or https:// URL with a host." $where) }}
{{- else if or (lt (atoi $target.port) 1) (gt (atoi $target.port) 65535) }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.url has port %s: a port is 1 to 65535." $where $target.port) }}
{{- end }}
{{- if not (has $target.kind $kinds) }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.kind %q is not a kind the bot knows: use v2 (InfluxDB OSS 2.x, Cloud, Serverless), v3 (InfluxDB 3 Core or Enterprise), dedicated (Cloud Dedicated) or clustered (InfluxDB Clustered)." $where $target.kind) }}
{{- end }}
{{- if eq $target.kind "dedicated" }}
{{- $missing := list }}
{{- if not $target.accountId }}{{ $missing = append $missing (printf "%s.accountId" $where) }}{{ end }}
{{- if not $target.clusterId }}{{ $missing = append $missing (printf "%s.clusterId" $where) }}{{ end }}
{{- if $missing }}
{{- $messages = append $messages (printf "revoke-token-bot: %s is a Cloud Dedicated target (kind dedicated): set %s (the IDs in the target's Management API URLs, accounts/<accountId>/clusters/<clusterId>)." $where (join " and " $missing)) }}
{{- end }}
{{- end }}
{{- $token := toString (get $raw "token" | default "") }}
{{- if and $token (include "revoke-token-bot.createSecret" $) }}
{{- if hasKey $fixedKeys $target.tokenKey }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.tokenKey %q is also secretKeys.%s: give the target's token its own key in the chart-made Secret." $where $target.tokenKey (get $fixedKeys $target.tokenKey)) }}
{{- else if and (hasKey $tokens $target.tokenKey) (ne (get $tokens $target.tokenKey) $token) }}
{{- $messages = append $messages (printf "revoke-token-bot: %s.tokenKey %q is another target's key with a different token: give each token its own key." $where $target.tokenKey) }}
{{- end }}
{{- $_ := set $tokens $target.tokenKey $token }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.influx.url (hasKey $targets "default") }}
{{- $messages = append $messages "revoke-token-bot: influx.targets.default and influx.url both define the target named default (influx.url and influx.token are that target): remove one of them, or rename the target." }}
{{- end }}
{{- with .Values.revoke.defaultTarget }}
{{- $names := keys $targets }}
{{- if $.Values.influx.url }}{{ $names = append $names "default" | uniq }}{{ end }}
{{- if not (has (toString .) $names) }}
{{- if $names }}
{{- $messages = append $messages (printf "revoke-token-bot: revoke.defaultTarget %q names no target: use one of %s (influx.targets keys%s)." (toString .) (join ", " (sortAlpha $names)) (ternary ", and default for influx.url" "" (not (empty $.Values.influx.url)))) }}
{{- else }}
{{- $messages = append $messages (printf "revoke-token-bot: revoke.defaultTarget %q names no target: there is none; set influx.url or influx.targets." (toString .)) }}
{{- end }}
{{- end }}
{{- end }}
{{- join "\n" $messages }}
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
JAVA_OPTS_APPEND: setting it in the pod replaces the image's value, so the image's three flags
(listen on all interfaces, JBoss log manager, the image's AOT cache) come first, then jvm.options.
*/}}
{{- define "revoke-token-bot.javaOptsAppend" -}}
{{- $image := "-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:AOTCache=/deployments/app.aot" }}
{{- trim (printf "%s %s" $image .Values.jvm.options) }}
{{- end }}
