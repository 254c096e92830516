package dev.revoketokenbot.deploy;

import static dev.revoketokenbot.deploy.YamlDocuments.dump;
import static dev.revoketokenbot.deploy.YamlDocuments.list;
import static dev.revoketokenbot.deploy.YamlDocuments.maps;
import static dev.revoketokenbot.deploy.YamlDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, linted and rendered offline by the Helm bundled in helm-java, with assertions on
 * the rendered objects: what the pods run with, where each secret comes from, and what appears when.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "revoke-token-bot");
    private static final String RELEASE = "rtb";
    private static final String NAMESPACE = "incident";
    private static final String FULLNAME = "rtb-revoke-token-bot";
    /** helm-java renders offline against Kubernetes v1.20 unless told otherwise; Chart.yaml needs 1.25+. */
    private static final String KUBE_VERSION = "v1.30.0";

    /** Secret environment variables of HTTP mode, each read from the Secret key of the same name by default. */
    private static final List<String> HTTP_MODE_SECRETS =
            List.of("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "INFLUX_TOKEN", "REVOKE_STATE_KEY");

    /** Distinctive secret values, to find anywhere they might leak. */
    private static final Map<String, String> CANARIES = Map.of(
            "slack.signingSecret", "sekret-canary-123-signing",
            "slack.botToken", "xoxb-sekret-canary-123-bot",
            "slack.appToken", "xapp-sekret-canary-123-app",
            "influx.token", "sekret-canary-123-influx",
            "revoke.stateKey", "sekret-canary-123-state-key",
            "ledger.username", "sekret-canary-123-ledger-user",
            "ledger.password", "sekret-canary-123-ledger-password");

    /** A shared ledger: what several replicas need. */
    private static final String LEDGER_URL = "jdbc:postgresql://pg.databases:5432/revoke";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    // ---- lint and documentation ----

    @Test
    void lintReportsNoErrorsOrWarnings() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed())
                .as("lint messages: %s", result.getMessages())
                .isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void everyValueIsDocumentedWhereItIsDefined() throws IOException {
        List<String> lines = Files.readAllLines(CHART.resolve("values.yaml"), StandardCharsets.UTF_8);
        Pattern keyLine = Pattern.compile("^( *)([A-Za-z][\\w.-]*):(.*)$");
        List<String> undocumented = new ArrayList<>();
        int documentedIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = keyLine.matcher(lines.get(i));
            if (!key.matches()) {
                continue; // comments, blank lines, list items (only ever under a documented key)
            }
            int indent = key.group(1).length();
            if (documentedIndent >= 0 && indent > documentedIndent) {
                continue; // inside a value documented as a whole
            }
            documentedIndent = -1;
            if (hasDocComment(lines, i)) {
                documentedIndent = indent;
            } else if (!key.group(3).isBlank() || !nextKeyIsDeeper(lines, i, indent, keyLine)) {
                undocumented.add(key.group(2) + " (line " + (i + 1) + ")");
            }
        }
        assertThat(undocumented).as("values without a '# --' comment").isEmpty();
    }

    /** A "# -- ..." comment block right above the line. */
    private static boolean hasDocComment(List<String> lines, int index) {
        int i = index - 1;
        while (i >= 0 && lines.get(i).strip().startsWith("#")) {
            if (lines.get(i).strip().startsWith("# --")) {
                return true;
            }
            i--;
        }
        return false;
    }

    /** The next key is nested under this one: a group of values, documented one by one. */
    private static boolean nextKeyIsDeeper(List<String> lines, int index, int indent, Pattern keyLine) {
        for (int i = index + 1; i < lines.size(); i++) {
            Matcher next = keyLine.matcher(lines.get(i));
            if (next.matches()) {
                return next.group(1).length() > indent;
            }
        }
        return false;
    }

    // ---- what renders ----

    @Test
    void defaultsRenderTheCoreObjectsAndNoOptionalOnes() {
        Rendered chart = render();

        assertThat(chart.kinds())
                .containsExactlyInAnyOrder("ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment");
        assertThat(chart.objects()).allSatisfy(o -> {
            assertThat(path(o, "metadata")).containsEntry("name", FULLNAME).containsEntry("namespace", NAMESPACE);
            assertThat(path(o, "metadata", "labels"))
                    .containsEntry("app.kubernetes.io/name", "revoke-token-bot")
                    .containsEntry("app.kubernetes.io/instance", RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        });
    }

    // ---- replicas and the request ledger ----

    @Test
    void oneReplicaByDefaultOnTheEmbeddedLedgerInAnEmptyDirReplacedNotRolled() {
        Rendered chart = render();
        Map<String, Object> spec = path(chart.deployment(), "spec");
        Map<String, Object> container = chart.container();

        assertThat(spec).containsEntry("replicas", 1);
        // The new pod of a rolling update could not open the ledger the old pod holds locked.
        assertThat(path(spec, "strategy")).isEqualTo(Map.of("type", "Recreate"));
        // With one pod, minAvailable 1 would block every node drain.
        assertThat(chart.kinds()).doesNotContain("PodDisruptionBudget", "PersistentVolumeClaim");

        // The root filesystem is read-only: the ledger's directory is the data volume.
        assertThat(env(container, "REVOKE_DATA_DIR")).containsEntry("value", "/data");
        assertThat(volumeMountedAt(chart, "/data"))
                .isEqualTo(Map.of("name", "data", "emptyDir", Map.of("sizeLimit", "1Gi")));
        assertThat(envNames(container)).doesNotContain("REVOKE_LEDGER_USERNAME", "REVOKE_LEDGER_PASSWORD");
        assertThat(path(chart.one("ConfigMap"), "data")).doesNotContainKey("REVOKE_LEDGER_URL");
    }

    @Test
    void severalReplicasWithASharedLedgerRollWithADisruptionBudgetAndSpreadOverNodesAndZones() {
        Rendered chart = render(
                "replicaCount",
                2,
                "ledger.url",
                LEDGER_URL,
                "ledger.username",
                "revoke",
                "ledger.password",
                CANARIES.get("ledger.password"),
                // Ignored with a shared ledger.
                "persistence.enabled",
                true);
        Map<String, Object> spec = path(chart.deployment(), "spec");
        Map<String, Object> container = chart.container();

        assertThat(spec).containsEntry("replicas", 2);
        assertThat(path(spec, "strategy"))
                .isEqualTo(
                        Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxSurge", 1, "maxUnavailable", 0)));
        Map<String, Object> pdb = path(chart.one("PodDisruptionBudget"), "spec");
        assertThat(pdb).containsEntry("minAvailable", 1);
        assertThat(path(pdb, "selector", "matchLabels")).isEqualTo(chart.selectorLabels());

        List<Map<String, Object>> spread = maps(chart.podSpec().get("topologySpreadConstraints"));
        assertThat(spread)
                .extracting(c -> c.get("topologyKey"))
                .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(spread).allSatisfy(c -> {
            assertThat(c).containsEntry("whenUnsatisfiable", "ScheduleAnyway").containsEntry("maxSkew", 1);
            assertThat(path(c, "labelSelector", "matchLabels")).isEqualTo(chart.selectorLabels());
        });

        // No data volume: the ledger is PostgreSQL, named in the ConfigMap, its credentials in the Secret.
        assertThat(chart.kinds()).doesNotContain("PersistentVolumeClaim");
        assertThat(maps(chart.podSpec().get("volumes")))
                .extracting(v -> v.get("name"))
                .containsExactly("tmp");
        assertThat(maps(container.get("volumeMounts")))
                .extracting(m -> m.get("mountPath"))
                .containsExactly("/tmp");
        assertThat(envNames(container)).doesNotContain("REVOKE_DATA_DIR");
        assertThat(path(chart.one("ConfigMap"), "data")).containsEntry("REVOKE_LEDGER_URL", LEDGER_URL);
        for (String name : List.of("REVOKE_LEDGER_USERNAME", "REVOKE_LEDGER_PASSWORD")) {
            assertThat(secretKeyRef(container, name))
                    .as(name)
                    .isEqualTo(Map.of("name", FULLNAME, "key", name, "optional", false));
        }
        assertThat(path(chart.one("Secret"), "data"))
                .containsEntry("REVOKE_LEDGER_USERNAME", base64("revoke"))
                .containsEntry("REVOKE_LEDGER_PASSWORD", base64(CANARIES.get("ledger.password")));
    }

    @Test
    void severalReplicasWithoutASharedLedgerFailToRenderSayingWhatToSet() {
        for (boolean persistence : List.of(false, true)) {
            assertThat(renderFailure("replicaCount", 2, "persistence.enabled", persistence))
                    .contains("revoke-token-bot: 2 replicas need a shared ledger: set ledger.url (PostgreSQL")
                    .contains("or set replicaCount=1", "the embedded ledger serves one process only");
        }
    }

    @Test
    void autoscalingWithoutASharedLedgerFailsToRenderSayingWhatToSet() {
        assertThat(renderFailure("autoscaling.enabled", true, "autoscaling.maxReplicas", 4))
                .contains("revoke-token-bot: autoscaling (up to 4 replicas) needs a shared ledger: set ledger.url")
                .contains("or set autoscaling.enabled=false", "the embedded ledger serves one process only");
    }

    @Test
    void aLedgerUrlThatIsNotAPostgresJdbcUrlFailsToRenderWithoutEchoingIt() {
        String canary = "sekret-canary-123-url";
        assertThat(renderFailure("ledger.url", "postgres://revoke:" + canary + "@pg.databases/revoke"))
                .contains("ledger.url must be a PostgreSQL JDBC URL, jdbc:postgresql://")
                .doesNotContain(canary);
    }

    @Test
    void persistenceKeepsTheEmbeddedLedgerOnAClaimTheChartMakes() {
        Rendered chart = render(
                "persistence.enabled", true,
                "persistence.size", "5Gi",
                "persistence.storageClass", "fast-ssd",
                "persistence.annotations.helm\\.sh/resource-policy", "keep");
        Map<String, Object> pvc = chart.one("PersistentVolumeClaim");

        assertThat(path(pvc, "metadata"))
                .containsEntry("name", FULLNAME)
                .containsEntry("namespace", NAMESPACE)
                .containsEntry("annotations", Map.of("helm.sh/resource-policy", "keep"));
        assertThat(path(pvc, "metadata", "labels")).containsAllEntriesOf(chart.selectorLabels());
        assertThat(path(pvc, "spec"))
                .containsEntry("accessModes", List.of("ReadWriteOnce"))
                .containsEntry("resources", Map.of("requests", Map.of("storage", "5Gi")))
                .containsEntry("storageClassName", "fast-ssd");
        assertThat(volumeMountedAt(chart, "/data"))
                .isEqualTo(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", FULLNAME)));
        assertThat(env(chart.container(), "REVOKE_DATA_DIR")).containsEntry("value", "/data");
        assertThat(path(chart.deployment(), "spec", "strategy")).isEqualTo(Map.of("type", "Recreate"));

        Rendered moved = render("persistence.enabled", true, "persistence.mountPath", "/var/lib/revoke");
        assertThat(env(moved.container(), "REVOKE_DATA_DIR")).containsEntry("value", "/var/lib/revoke");
        assertThat(volumeMountedAt(moved, "/var/lib/revoke")).containsKey("persistentVolumeClaim");

        // No class: the cluster's default; "-": none at all (bind a pre-made volume).
        assertThat(path(moved.one("PersistentVolumeClaim"), "spec")).doesNotContainKey("storageClassName");
        assertThat(path(
                        render("persistence.enabled", true, "persistence.storageClass", "-")
                                .one("PersistentVolumeClaim"),
                        "spec"))
                .containsEntry("storageClassName", "");
    }

    @Test
    void anExistingClaimIsMountedAndTheChartMakesNone() {
        Rendered chart = render("persistence.enabled", true, "persistence.existingClaim", "revoke-ledger");

        assertThat(chart.kinds()).doesNotContain("PersistentVolumeClaim");
        assertThat(volumeMountedAt(chart, "/data"))
                .isEqualTo(Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", "revoke-ledger")));

        // Unused, the claim would leave the ledger on an emptyDir, lost with the pod: refused instead.
        assertThat(renderFailure("persistence.existingClaim", "revoke-ledger"))
                .contains("persistence.existingClaim is set but persistence.enabled is false");
    }

    @Test
    void ledgerCredentialsReachThePodOnlyWithALedgerUrlAndOnlyWhenGiven() {
        List<String> ledgerSecrets = List.of("REVOKE_LEDGER_USERNAME", "REVOKE_LEDGER_PASSWORD");

        // The embedded ledger needs none: neither stored nor passed.
        Rendered embedded = render("ledger.username", "revoke", "ledger.password", CANARIES.get("ledger.password"));
        assertThat(envNames(embedded.container())).doesNotContainAnyElementsOf(ledgerSecrets);
        assertThat(path(embedded.one("Secret"), "data").keySet()).doesNotContainAnyElementsOf(ledgerSecrets);
        assertThat(embedded.text()).doesNotContain(base64(CANARIES.get("ledger.password")));

        // A URL alone (say, certificate or trust authentication) gets no empty credentials.
        Rendered urlOnly = render("ledger.url", LEDGER_URL);
        assertThat(envNames(urlOnly.container())).doesNotContainAnyElementsOf(ledgerSecrets);
        assertThat(path(urlOnly.one("Secret"), "data").keySet()).doesNotContainAnyElementsOf(ledgerSecrets);

        Rendered passwordOnly = render("ledger.url", LEDGER_URL, "ledger.password", CANARIES.get("ledger.password"));
        assertThat(envNames(passwordOnly.container()))
                .contains("REVOKE_LEDGER_PASSWORD")
                .doesNotContain("REVOKE_LEDGER_USERNAME");
        assertThat(path(passwordOnly.one("Secret"), "data").keySet())
                .contains("REVOKE_LEDGER_PASSWORD")
                .doesNotContain("REVOKE_LEDGER_USERNAME");
    }

    @Test
    void probesUseQuarkusHealthEndpointsOnTheHttpPort() {
        Rendered chart = render();
        Map<String, Object> container = chart.container();

        assertThat(maps(container.get("ports")))
                .containsExactly(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"));
        assertThat(path(container, "startupProbe", "httpGet"))
                .containsEntry("path", "/q/health/started")
                .containsEntry("port", "http");
        assertThat(path(container, "livenessProbe", "httpGet"))
                .containsEntry("path", "/q/health/live")
                .containsEntry("port", "http");
        assertThat(path(container, "readinessProbe", "httpGet"))
                .containsEntry("path", "/q/health/ready")
                .containsEntry("port", "http");
        // The image is ready in under a second: the probes must not make a restart wait much longer,
        // and a slow start still gets 90 s.
        Map<String, Object> startup = path(container, "startupProbe");
        assertThat(startup).containsEntry("periodSeconds", 1);
        assertThat((Integer) startup.get("periodSeconds") * (Integer) startup.get("failureThreshold"))
                .isGreaterThanOrEqualTo(90);
        assertThat((Integer) path(container, "readinessProbe").get("periodSeconds"))
                .isLessThanOrEqualTo(2);
        assertThat(maps(path(chart.one("Service"), "spec").get("ports")))
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "http").containsEntry("targetPort", "http"));
        assertThat(path(chart.one("Service"), "spec", "selector")).isEqualTo(chart.selectorLabels());
    }

    @Test
    void podAndContainerAreLockedDown() {
        Rendered chart = render();
        Map<String, Object> pod = chart.podSpec();
        Map<String, Object> container = chart.container();

        assertThat(path(pod, "securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 185);
        assertThat(path(pod, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");
        assertThat(path(container, "securityContext"))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 185)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("privileged", false);
        assertThat(list(path(container, "securityContext", "capabilities").get("drop")))
                .containsExactly("ALL");
        assertThat(path(container, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");

        assertThat(pod)
                .containsEntry("automountServiceAccountToken", false)
                .containsEntry("enableServiceLinks", false)
                .containsEntry("serviceAccountName", FULLNAME);
        assertThat(chart.one("ServiceAccount")).containsEntry("automountServiceAccountToken", false);

        // A read-only root filesystem needs a writable /tmp for the JVM and Vert.x.
        assertThat(volumeMountedAt(chart, "/tmp")).containsKey("emptyDir");
    }

    @Test
    void resourcesAreBoundedAndTheHeapFitsTheMemoryLimit() {
        Map<String, Object> container = render().container();

        Map<String, Object> limits = path(container, "resources", "limits");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(path(container, "resources", "requests")).containsKeys("cpu", "memory");

        String javaOpts = (String) env(container, "JAVA_OPTS_APPEND").get("value");
        assertThat(javaOpts)
                .contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-XX:TieredStopAtLevel=1")
                // Follow-ups at nice 19, so acks win the CPU.
                .contains("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19")
                // Setting JAVA_OPTS_APPEND replaces the image's value: its flags must be kept.
                .contains(
                        "-Dquarkus.http.host=0.0.0.0",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-XX:AOTCache=/deployments/app.aot")
                .doesNotContain("\n");
        // One collector, given where the image's start script takes it (it would add ParallelGC).
        assertThat(javaOpts).doesNotContain("-XX:+Use");
        assertThat(env(container, "GC_CONTAINER_OPTIONS")).containsEntry("value", "-XX:+UseSerialGC");

        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(javaOpts);
        assertThat(heap.find()).as("an explicit heap cap").isTrue();
        long limitMib = mebibytes((String) limits.get("memory"));
        assertThat(limitMib - Long.parseLong(heap.group(1)))
                .as("room beside the heap under the %d MiB limit (the benchmark measured up to ~175 MiB)", limitMib)
                .isGreaterThanOrEqualTo(192);
    }

    @Test
    void imageIsPinnedToTheChartAppVersionOrToADigest() throws IOException {
        Object appVersion = YamlDocuments.load(CHART.resolve("Chart.yaml")).get("appVersion");
        assertThat(appVersion).isEqualTo("0.1.0");

        Map<String, Object> container = render().container();
        assertThat(container)
                .containsEntry("image", "revoke-token-bot:" + appVersion)
                .containsEntry("imagePullPolicy", "IfNotPresent");

        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        assertThat(render("image.repository", "registry.example/revoke-token-bot", "image.digest", digest)
                        .container())
                .containsEntry("image", "registry.example/revoke-token-bot@" + digest);
    }

    // ---- secrets ----

    @Test
    void secretsReachThePodOnlyThroughSecretKeyRefsToTheChartMadeSecret() {
        Rendered chart = render();
        Map<String, Object> container = chart.container();

        for (String name : HTTP_MODE_SECRETS) {
            assertThat(secretKeyRef(container, name))
                    .as(name)
                    .containsEntry("name", FULLNAME)
                    .containsEntry("key", name)
                    .containsEntry("optional", false);
        }
        // The app token's mere presence would switch the bot to Socket Mode.
        assertThat(envNames(container)).doesNotContain("SLACK_APP_TOKEN");
        assertThat(maps(container.get("env")))
                .filteredOn(e -> e.containsKey("value"))
                .extracting(e -> e.get("name"))
                .containsExactly("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "REVOKE_DATA_DIR", "REVOKE_SANDBOX");
        assertThat(maps(container.get("envFrom"))).containsExactly(Map.of("configMapRef", Map.of("name", FULLNAME)));
        assertThat(path(chart.one("ConfigMap"), "data").keySet())
                .doesNotContainAnyElementsOf(HTTP_MODE_SECRETS)
                .doesNotContain("SLACK_APP_TOKEN");
    }

    // ---- the sandbox ----

    @Test
    void everyPodHasTheSandboxPinnedOffAfterAnyExtraEnv() {
        Rendered chart = render("extraEnv[0].name", "INFLUX_MAX_RETRIES", "extraEnv[0].value", "3");
        List<Map<String, Object>> env = maps(chart.container().get("env"));

        assertThat(env.get(env.size() - 1)).isEqualTo(Map.of("name", "REVOKE_SANDBOX", "value", "false"));
        assertThat(envNames(chart.container())).containsOnlyOnce("REVOKE_SANDBOX");
    }

    @Test
    void valuesThatWouldTurnTheSandboxOnFailToRender() {
        for (String name : List.of("REVOKE_SANDBOX", "revoke.sandbox", "revoke_sandbox")) {
            assertThat(renderFailure("extraEnv[0].name", name, "extraEnv[0].value", "true"))
                    .as("extraEnv %s", name)
                    .contains("revoke-token-bot: sandbox mode (REVOKE_SANDBOX) runs a fake Slack and a fake InfluxDB")
                    .contains("remove it from extraEnv and jvm.options");
        }
        assertThat(renderFailure("jvm.options", "-Xmx64m -Drevoke.sandbox=true"))
                .contains("cannot be turned on by this chart");
    }

    @Test
    void socketModeReadsTheAppTokenAndRendersNoIngressEvenWhenEnabled() {
        Rendered chart = render(
                "slack.socketMode.enabled", true,
                "slack.appToken", CANARIES.get("slack.appToken"),
                "ingress.enabled", true);
        Map<String, Object> container = chart.container();

        assertThat(chart.kinds()).doesNotContain("Ingress").contains("Deployment", "Service");
        assertThat(secretKeyRef(container, "SLACK_APP_TOKEN"))
                .containsEntry("name", FULLNAME)
                .containsEntry("key", "SLACK_APP_TOKEN")
                .containsEntry("optional", false);
        assertThat(secretKeyRef(container, "SLACK_SIGNING_SECRET")).containsEntry("optional", true);
        assertThat(path(chart.one("Secret"), "data"))
                .containsEntry("SLACK_APP_TOKEN", base64(CANARIES.get("slack.appToken")));
    }

    @Test
    void existingSecretReplacesTheChartMadeSecretWithTheConfiguredKeyNames() {
        String canary = "sekret-canary-123";
        Rendered chart = render(
                "existingSecret", "bot-secrets",
                "secretKeys.signingSecret", "signing-secret",
                "secretKeys.botToken", "bot-token",
                "secretKeys.influxToken", "influx-token",
                "secretKeys.stateKey", "state-key",
                // Ignored with existingSecret: must not be rendered anywhere.
                "slack.botToken", canary);
        Map<String, Object> container = chart.container();

        assertThat(chart.kinds()).doesNotContain("Secret");
        assertThat(secretKeyRef(container, "SLACK_SIGNING_SECRET"))
                .containsEntry("name", "bot-secrets")
                .containsEntry("key", "signing-secret")
                .containsEntry("optional", false);
        assertThat(secretKeyRef(container, "SLACK_BOT_TOKEN"))
                .containsEntry("name", "bot-secrets")
                .containsEntry("key", "bot-token");
        assertThat(secretKeyRef(container, "INFLUX_TOKEN"))
                .containsEntry("name", "bot-secrets")
                .containsEntry("key", "influx-token");
        // Without a state key the bot derives one from the signing secret, shared by every replica too.
        assertThat(secretKeyRef(container, "REVOKE_STATE_KEY"))
                .containsEntry("name", "bot-secrets")
                .containsEntry("key", "state-key")
                .containsEntry("optional", true);
        assertThat(envNames(container)).doesNotContain("SLACK_APP_TOKEN");
        assertThat(path(chart.deployment(), "spec", "template", "metadata", "annotations"))
                .containsOnlyKeys("checksum/config");
        assertThat(chart.text()).doesNotContain(canary, base64(canary));

        Map<String, Object> socketMode = render(
                        "existingSecret", "bot-secrets",
                        "secretKeys.appToken", "app-token",
                        "slack.socketMode.enabled", true)
                .container();
        assertThat(secretKeyRef(socketMode, "SLACK_APP_TOKEN"))
                .containsEntry("name", "bot-secrets")
                .containsEntry("key", "app-token");
    }

    @Test
    void existingSecretSuppliesTheLedgerCredentialsUnderTheConfiguredKeyNames() {
        String canary = CANARIES.get("ledger.password");
        Rendered chart = render(
                "existingSecret", "bot-secrets",
                "ledger.url", LEDGER_URL,
                "secretKeys.ledgerUsername", "ledger-user",
                "secretKeys.ledgerPassword", "ledger-password",
                // Ignored with existingSecret: must not be rendered anywhere.
                "ledger.password", canary);
        Map<String, Object> container = chart.container();

        assertThat(chart.kinds()).doesNotContain("Secret");
        // That Secret is the only source: a missing key stops the pod, naming it, before the app starts.
        assertThat(secretKeyRef(container, "REVOKE_LEDGER_USERNAME"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "ledger-user", "optional", false));
        assertThat(secretKeyRef(container, "REVOKE_LEDGER_PASSWORD"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "ledger-password", "optional", false));
        assertThat(chart.text()).doesNotContain(canary, base64(canary));

        // The embedded ledger reads no credentials, even from an existingSecret.
        assertThat(envNames(render("existingSecret", "bot-secrets").container()))
                .doesNotContain("REVOKE_LEDGER_USERNAME", "REVOKE_LEDGER_PASSWORD");
    }

    @Test
    void secretValuesAppearInNoObjectButTheSecret() {
        for (boolean socketMode : List.of(false, true)) {
            List<Object> values = new ArrayList<>();
            CANARIES.forEach((key, value) -> {
                values.add(key);
                values.add(value);
            });
            values.addAll(List.of(
                    "slack.socketMode.enabled", socketMode,
                    "ledger.url", LEDGER_URL,
                    "ingress.enabled", true,
                    "autoscaling.enabled", true,
                    "networkPolicy.enabled", true,
                    "metrics.serviceMonitor.enabled", true,
                    "podAnnotations.team", "security"));
            Rendered chart = render(values.toArray());

            Map<String, Object> secretData = path(chart.one("Secret"), "data");
            for (Map.Entry<String, String> canary : CANARIES.entrySet()) {
                String value = canary.getValue();
                if (!socketMode && canary.getKey().equals("slack.appToken")) {
                    // Not used in HTTP mode, so not stored either.
                    assertThat(secretData).doesNotContainValue(base64(value));
                } else {
                    assertThat(secretData).as(canary.getKey()).containsValue(base64(value));
                }
                for (Map<String, Object> object : chart.objects()) {
                    if (!"Secret".equals(object.get("kind"))) {
                        assertThat(dump(object))
                                .as("%s in %s (socket mode %s)", canary.getKey(), object.get("kind"), socketMode)
                                .doesNotContain(value, base64(value));
                    }
                }
            }
            assertThat(chart.kinds())
                    .contains("NetworkPolicy", "ServiceMonitor", "HorizontalPodAutoscaler")
                    .hasSize(socketMode ? 9 : 10);
        }
    }

    @Test
    void everyReplicaReadsTheSameStateKeyFromTheOneSecret() {
        for (Rendered chart : List.of(
                render(),
                render("replicaCount", 5, "ledger.url", LEDGER_URL),
                render("autoscaling.enabled", true, "autoscaling.maxReplicas", 8, "ledger.url", LEDGER_URL))) {
            // One pod template for all replicas, one Secret, one key in it.
            assertThat(chart.objects())
                    .filteredOn(o -> Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "Job")
                            .contains(o.get("kind")))
                    .singleElement()
                    .satisfies(o -> assertThat(o).containsEntry("kind", "Deployment"));
            Map<String, Object> secret = chart.one("Secret");
            Map<String, Object> ref = secretKeyRef(chart.container(), "REVOKE_STATE_KEY");
            assertThat(ref).containsEntry("name", path(secret, "metadata").get("name"));
            String key = decode((String) path(secret, "data").get((String) ref.get("key")));
            assertThat(key).matches("[A-Za-z0-9]{48}");
        }
    }

    @Test
    void aGivenStateKeyIsUsedAsIsWhileATemplateRenderGeneratesOnePerRender() {
        String generated1 = stateKeyIn(render());
        String generated2 = stateKeyIn(render());
        // `helm template` cannot look up the release's Secret, so each render has its own key.
        assertThat(generated1).isNotEqualTo(generated2);

        Rendered given = render("revoke.stateKey", "shared-hmac-key");
        assertThat(stateKeyIn(given)).isEqualTo("shared-hmac-key");
        assertThat(checksum(given, "secret"))
                .isEqualTo(checksum(render("revoke.stateKey", "shared-hmac-key"), "secret"));
    }

    @Test
    void checksumAnnotationsAreHashesOfTheRenderedConfigMapAndSecret() {
        Rendered chart = render("slack.botToken", CANARIES.get("slack.botToken"));

        // The generated state key in the Secret is the one that was hashed: one key per render.
        assertThat(checksum(chart, "secret")).matches(SHA256_HEX).isIn(hashesOf(chart.sourceOf("secret.yaml")));
        assertThat(checksum(chart, "config")).matches(SHA256_HEX).isIn(hashesOf(chart.sourceOf("configmap.yaml")));
    }

    @Test
    void changedSecretsOrSettingsRollThePods() {
        Rendered base = render("revoke.stateKey", "k1", "influx.url", "http://127.0.0.1:8086");
        Rendered newSecret = render("revoke.stateKey", "k2", "influx.url", "http://127.0.0.1:8086");
        Rendered newSetting = render("revoke.stateKey", "k1", "influx.url", "http://127.0.0.1:8087");

        assertThat(checksum(newSecret, "secret")).isNotEqualTo(checksum(base, "secret"));
        assertThat(checksum(newSecret, "config")).isEqualTo(checksum(base, "config"));
        assertThat(checksum(newSetting, "config")).isNotEqualTo(checksum(base, "config"));
        assertThat(checksum(newSetting, "secret")).isEqualTo(checksum(base, "secret"));
    }

    // ---- settings ----

    @Test
    void nonSecretSettingsGoToTheConfigMap() {
        assertThat(path(render().one("ConfigMap"), "data"))
                .isEqualTo(Map.of(
                        "REVOKE_REQUEST_TTL", "15M",
                        "REVOKE_SELF_APPROVAL", "false",
                        "REVOKE_DEACTIVATE_APPROVALS", "1",
                        "REVOKE_DELETE_APPROVALS", "1"));

        Rendered chart = render(
                "influx.url", "http://127.0.0.1:8086",
                "revoke.approvers[0]", "UAPPROVER1",
                "revoke.approvers[1]", "UAPPROVER2",
                "revoke.approverGroups[0]", "SAPPROVERS",
                "revoke.allowedChannels[0]", "CINCIDENT1",
                "revoke.allowedChannels[1]", "CINCIDENT2",
                "revoke.auditChannel", "CAUDIT",
                "revoke.requestTtl", "PT30M",
                "revoke.selfApproval", true,
                "revoke.approvals.deactivate", 0,
                "revoke.approvals.delete", 2,
                "ledger.url", LEDGER_URL,
                "slack.apiUrl", "http://127.0.0.1:9999/api/");

        assertThat(path(chart.one("ConfigMap"), "data"))
                .isEqualTo(Map.ofEntries(
                        Map.entry("INFLUX_URL", "http://127.0.0.1:8086"),
                        Map.entry("REVOKE_APPROVERS", "UAPPROVER1,UAPPROVER2"),
                        Map.entry("REVOKE_APPROVER_GROUPS", "SAPPROVERS"),
                        Map.entry("REVOKE_ALLOWED_CHANNELS", "CINCIDENT1,CINCIDENT2"),
                        Map.entry("REVOKE_AUDIT_CHANNEL", "CAUDIT"),
                        Map.entry("REVOKE_REQUEST_TTL", "PT30M"),
                        Map.entry("REVOKE_SELF_APPROVAL", "true"),
                        Map.entry("REVOKE_DEACTIVATE_APPROVALS", "0"),
                        Map.entry("REVOKE_DELETE_APPROVALS", "2"),
                        Map.entry("REVOKE_LEDGER_URL", LEDGER_URL),
                        Map.entry("SLACK_API_URL", "http://127.0.0.1:9999/api/")));
    }

    // ---- optional objects ----

    @Test
    void ingressExposesOnlySlackEventsAndOnlyWhenEnabled() {
        assertThat(render().kinds()).doesNotContain("Ingress");

        Rendered chart = render(
                "ingress.enabled", true,
                "ingress.className", "nginx",
                "ingress.hosts[0].host", "bot.example.com",
                "ingress.hosts[0].paths[0].path", "/slack/events",
                "ingress.hosts[0].paths[0].pathType", "Exact",
                "ingress.tls[0].secretName", "bot-tls",
                "ingress.tls[0].hosts[0]", "bot.example.com");
        Map<String, Object> spec = path(chart.one("Ingress"), "spec");

        assertThat(spec).containsEntry("ingressClassName", "nginx");
        assertThat(maps(spec.get("tls")))
                .containsExactly(Map.of("secretName", "bot-tls", "hosts", List.of("bot.example.com")));
        Map<String, Object> rule = maps(spec.get("rules")).get(0);
        assertThat(rule).containsEntry("host", "bot.example.com");
        assertThat(maps(path(rule, "http").get("paths"))).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("path", "/slack/events").containsEntry("pathType", "Exact");
            assertThat(path(p, "backend", "service")).containsEntry("name", FULLNAME);
            assertThat(path(p, "backend", "service", "port")).containsEntry("number", 80);
        });

        // The default hosts expose /slack/events alone: health and metrics stay inside the cluster.
        Map<String, Object> defaults = path(render("ingress.enabled", true).one("Ingress"), "spec");
        assertThat(maps(defaults.get("rules")))
                .flatExtracting(r -> maps(path(r, "http").get("paths")))
                .extracting(p -> p.get("path"))
                .containsExactly("/slack/events");
    }

    @Test
    void autoscalerOnlyWhenEnabledAndThenItOwnsTheReplicaCount() {
        assertThat(render().kinds()).doesNotContain("HorizontalPodAutoscaler");

        Rendered chart = render("autoscaling.enabled", true, "ledger.url", LEDGER_URL);
        Map<String, Object> hpa = path(chart.one("HorizontalPodAutoscaler"), "spec");

        assertThat(hpa).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 5);
        assertThat(path(hpa, "scaleTargetRef"))
                .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", FULLNAME));
        assertThat(maps(hpa.get("metrics")))
                .singleElement()
                .satisfies(m -> assertThat(path(m, "resource", "target")).containsEntry("averageUtilization", 80));
        assertThat(path(chart.deployment(), "spec")).doesNotContainKey("replicas");
        assertThat(chart.kinds()).contains("PodDisruptionBudget");
    }

    @Test
    void networkPolicyAllowsEgressOnlyToDnsAndToSlackAndInfluxOn443() {
        assertThat(render().kinds()).doesNotContain("NetworkPolicy");

        Rendered chart = render("networkPolicy.enabled", true);
        Map<String, Object> spec = path(chart.one("NetworkPolicy"), "spec");

        assertThat(path(spec, "podSelector", "matchLabels")).isEqualTo(chart.selectorLabels());
        assertThat(list(spec.get("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(maps(spec.get("ingress")))
                .singleElement()
                .satisfies(rule ->
                        assertThat(maps(rule.get("ports"))).containsExactly(Map.of("port", "http", "protocol", "TCP")));

        List<Map<String, Object>> egress = maps(spec.get("egress"));
        assertThat(egress).hasSize(3).allSatisfy(rule -> assertThat(rule).containsKey("ports"));
        assertThat(egress.get(0)).doesNotContainKey("to");
        assertThat(maps(egress.get(0).get("ports")))
                .containsExactlyInAnyOrder(
                        Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP"));
        for (Map<String, Object> rule : egress.subList(1, egress.size())) {
            assertThat(maps(rule.get("ports"))).containsExactly(Map.of("port", 443, "protocol", "TCP"));
            assertThat(maps(rule.get("to")))
                    .isNotEmpty()
                    .allSatisfy(peer -> assertThat(peer).containsOnlyKeys("ipBlock"));
        }
        // Slack is on the public internet: private and link-local ranges (cloud metadata) are carved out.
        assertThat(path(maps(egress.get(1).get("to")).get(0), "ipBlock"))
                .containsEntry("cidr", "0.0.0.0/0")
                .satisfies(b -> assertThat(list(b.get("except"))).contains("10.0.0.0/8", "169.254.0.0/16"));
    }

    @Test
    void networkPolicyTargetsAreConfigurable() {
        Rendered chart = render(
                "networkPolicy.enabled", true,
                "networkPolicy.egress.slack.cidrs[0]", "198.51.100.0/24",
                "networkPolicy.egress.slack.except", "null",
                "networkPolicy.egress.influx.cidrs[0]", "10.20.0.0/16",
                "networkPolicy.egress.influx.except", "null",
                "networkPolicy.egress.influx.ports[0]", 8086,
                "networkPolicy.ingress.from[0].namespaceSelector.matchLabels.name", "ingress-nginx");
        Map<String, Object> spec = path(chart.one("NetworkPolicy"), "spec");
        List<Map<String, Object>> egress = maps(spec.get("egress"));

        assertThat(maps(egress.get(1).get("to"))).containsExactly(Map.of("ipBlock", Map.of("cidr", "198.51.100.0/24")));
        assertThat(maps(egress.get(1).get("ports"))).containsExactly(Map.of("port", 443, "protocol", "TCP"));
        assertThat(maps(egress.get(2).get("to"))).containsExactly(Map.of("ipBlock", Map.of("cidr", "10.20.0.0/16")));
        assertThat(maps(egress.get(2).get("ports"))).containsExactly(Map.of("port", 8086, "protocol", "TCP"));
        assertThat(maps(maps(spec.get("ingress")).get(0).get("from")))
                .containsExactly(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("name", "ingress-nginx"))));
    }

    @Test
    void networkPolicyAllowsEgressToTheSharedLedgerOnlyWithALedgerUrl() {
        List<Map<String, Object>> embedded =
                maps(path(render("networkPolicy.enabled", true).one("NetworkPolicy"), "spec")
                        .get("egress"));
        assertThat(embedded)
                .flatExtracting(rule -> maps(rule.get("ports")))
                .extracting(p -> p.get("port"))
                .doesNotContain(5432);

        Rendered chart = render("networkPolicy.enabled", true, "ledger.url", LEDGER_URL);
        List<Map<String, Object>> egress =
                maps(path(chart.one("NetworkPolicy"), "spec").get("egress"));
        assertThat(egress).hasSize(4);
        assertThat(egress.get(3))
                .isEqualTo(Map.of(
                        "ports", List.of(Map.of("port", 5432, "protocol", "TCP")),
                        "to",
                                List.of(Map.of(
                                        "ipBlock", Map.of("cidr", "0.0.0.0/0", "except", List.of("169.254.0.0/16"))))));

        // A PostgreSQL in the cluster, on PgBouncer's port, reached through pod and namespace selectors.
        Rendered inCluster = render(
                "networkPolicy.enabled", true,
                "ledger.url", "jdbc:postgresql://pgbouncer.databases:6432/revoke",
                "networkPolicy.egress.ledger.ports[0]", 6432,
                "networkPolicy.egress.ledger.cidrs", "null",
                "networkPolicy.egress.ledger.to[0].namespaceSelector.matchLabels.name", "databases",
                "networkPolicy.egress.ledger.to[0].podSelector.matchLabels.app", "pgbouncer");
        Map<String, Object> rule =
                maps(path(inCluster.one("NetworkPolicy"), "spec").get("egress")).get(3);
        assertThat(maps(rule.get("ports"))).containsExactly(Map.of("port", 6432, "protocol", "TCP"));
        assertThat(maps(rule.get("to")))
                .containsExactly(Map.of(
                        "namespaceSelector", Map.of("matchLabels", Map.of("name", "databases")),
                        "podSelector", Map.of("matchLabels", Map.of("app", "pgbouncer"))));
    }

    @Test
    void serviceMonitorScrapesQuarkusMetricsOnlyWhenEnabled() {
        assertThat(render().kinds()).doesNotContain("ServiceMonitor");

        Rendered chart = render("metrics.serviceMonitor.enabled", true);
        Map<String, Object> spec = path(chart.one("ServiceMonitor"), "spec");

        assertThat(maps(spec.get("endpoints")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("port", "http").containsEntry("path", "/q/metrics"));
        assertThat(path(chart.one("Service"), "metadata", "labels"))
                .containsAllEntriesOf(path(spec, "selector", "matchLabels"));
    }

    // ---- NOTES.txt ----

    @Test
    void notesSayWhatToDoNextInEachMode() {
        String http = notes(
                "ingress.enabled", true,
                "ingress.hosts[0].host", "bot.example.com",
                "ingress.hosts[0].paths[0].path", "/slack/events",
                "ingress.hosts[0].paths[0].pathType", "Exact",
                "ingress.tls[0].secretName", "bot-tls",
                "ingress.tls[0].hosts[0]", "bot.example.com");
        assertThat(http)
                .contains("Request URL: https://bot.example.com/slack/events", "manifest.yaml")
                .contains("/q/health/ready", "kubectl -n " + NAMESPACE + " rollout status deployment/" + FULLNAME);

        String socket = notes("slack.socketMode.enabled", true, "ingress.enabled", true);
        assertThat(socket)
                .contains("Socket Mode", "no public endpoint", "no Ingress is rendered", "connections:write")
                .contains("/q/health/ready")
                .doesNotContain("Request URL:");

        String unconfigured = notes();
        assertThat(unconfigured)
                .contains("influx.url is empty", "revoke.approvers", "slack.botToken", "influx.token")
                .contains("helm template");
    }

    @Test
    void notesSayWhichLedgerIsInUse() {
        assertThat(notes())
                .contains("(1 replica, HTTP mode)")
                .contains(
                        "Request ledger: embedded, at /data on an emptyDir: decisions are lost when the pod is deleted")
                .contains("set persistence.enabled=true");

        assertThat(notes("persistence.enabled", true))
                .contains("Request ledger: embedded, at /data on PersistentVolumeClaim " + FULLNAME + " (1Gi")
                .contains("`helm uninstall` deletes the claim")
                .doesNotContain("emptyDir");
        assertThat(notes("persistence.enabled", true, "persistence.existingClaim", "revoke-ledger"))
                .contains("Request ledger: embedded, at /data on PersistentVolumeClaim revoke-ledger.")
                .doesNotContain("helm uninstall", "emptyDir");

        // Only the URL's address: a password in its parameters is not shown.
        String canary = "sekret-canary-123-url";
        assertThat(notes("replicaCount", 2, "ledger.url", LEDGER_URL + "?sslmode=require&password=" + canary))
                .contains("(2 replicas, HTTP mode)")
                .contains("Request ledger: shared PostgreSQL at " + LEDGER_URL + " (ledger.url)")
                .contains("ledger.username and ledger.password are empty")
                .doesNotContain(canary, "emptyDir", "PersistentVolumeClaim");
    }

    // ---- helpers ----

    private static Rendered render(Object... keyValues) {
        TemplateCommand command = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (int i = 0; i < keyValues.length; i += 2) {
            command = command.set((String) keyValues[i], keyValues[i + 1]);
        }
        String text = command.call();
        return new Rendered(text, YamlDocuments.loadAll(text));
    }

    /** The message of a render that must fail (a validateValues message). */
    private static String renderFailure(Object... keyValues) {
        Throwable failure = catchThrowable(() -> render(keyValues));
        assertThat(failure).as("rendering with %s", List.of(keyValues)).isNotNull();
        return failure.getMessage();
    }

    /** NOTES.txt as `helm install --dry-run=client` prints it (`helm template` does not render notes). */
    private static String notes(Object... keyValues) {
        InstallCommand command = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly();
        for (int i = 0; i < keyValues.length; i += 2) {
            command = command.set((String) keyValues[i], keyValues[i + 1]);
        }
        String output = command.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    private record Rendered(String text, List<Map<String, Object>> objects) {

        Set<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).collect(Collectors.toCollection(TreeSet::new));
        }

        List<String> kindList() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found =
                    objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            assertThat(found).as("%s objects among %s", kind, kindList()).hasSize(1);
            return found.get(0);
        }

        Map<String, Object> deployment() {
            return one("Deployment");
        }

        Map<String, Object> podSpec() {
            return path(deployment(), "spec", "template", "spec");
        }

        Map<String, Object> container() {
            List<Map<String, Object>> containers = maps(podSpec().get("containers"));
            assertThat(containers).hasSize(1);
            return containers.get(0);
        }

        Map<String, Object> selectorLabels() {
            return path(deployment(), "spec", "selector", "matchLabels");
        }

        /** The text Helm rendered for one template file, without its "# Source:" line. */
        String sourceOf(String template) {
            String marker = "# Source: revoke-token-bot/templates/" + template + "\n";
            return Pattern.compile("(?m)^---$")
                    .splitAsStream(text)
                    .filter(document -> document.contains(marker))
                    .map(document -> document.substring(document.indexOf(marker) + marker.length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + template + " in the rendered chart"));
        }
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return maps(container.get("env")).stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + envNames(container)));
    }

    private static List<Object> envNames(Map<String, Object> container) {
        return maps(container.get("env")).stream().map(e -> e.get("name")).toList();
    }

    /** The pod volume that the container mounts at {@code mountPath}. */
    private static Map<String, Object> volumeMountedAt(Rendered chart, String mountPath) {
        Map<String, Object> mount = maps(chart.container().get("volumeMounts")).stream()
                .filter(m -> mountPath.equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + mountPath));
        List<Map<String, Object>> volumes = maps(chart.podSpec().get("volumes")).stream()
                .filter(v -> mount.get("name").equals(v.get("name")))
                .toList();
        assertThat(volumes).as("volumes named %s", mount.get("name")).hasSize(1);
        return volumes.get(0);
    }

    private static Map<String, Object> secretKeyRef(Map<String, Object> container, String name) {
        Map<String, Object> env = env(container, name);
        assertThat(env).as(name).doesNotContainKey("value");
        return path(env, "valueFrom", "secretKeyRef");
    }

    private static String stateKeyIn(Rendered chart) {
        return decode((String) path(chart.one("Secret"), "data").get("REVOKE_STATE_KEY"));
    }

    private static String checksum(Rendered chart, String what) {
        Object value = path(chart.deployment(), "spec", "template", "metadata", "annotations")
                .get("checksum/" + what);
        assertThat(value).as("checksum/%s", what).isInstanceOf(String.class);
        return (String) value;
    }

    /** sha256 of a rendered document, allowing for the blank lines Helm trims around it in the output. */
    private static List<String> hashesOf(String document) {
        String trimmed = document.strip();
        return Stream.of(trimmed, trimmed + "\n", "\n" + trimmed, "\n" + trimmed + "\n")
                .map(HelmChartTest::sha256)
                .toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Long.parseLong(quantity.substring(0, quantity.length() - 2));
    }
}
