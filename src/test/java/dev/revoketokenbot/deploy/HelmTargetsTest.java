package dev.revoketokenbot.deploy;

import static dev.revoketokenbot.deploy.YamlDocuments.dump;
import static dev.revoketokenbot.deploy.YamlDocuments.maps;
import static dev.revoketokenbot.deploy.YamlDocuments.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's named InfluxDB targets (influx.targets, revoke.defaultTarget): the variables each target
 * becomes, where its token is kept, the egress it is allowed, and the values rendering refuses.
 */
class HelmTargetsTest {

    private static final Path CHART = Path.of("helm", "revoke-token-bot");
    private static final String RELEASE = "rtb";
    private static final String NAMESPACE = "incident";
    private static final String FULLNAME = "rtb-revoke-token-bot";
    private static final String KUBE_VERSION = "v1.30.0";

    private static final String DEFAULT_TOKEN = "sekret-canary-456-default";
    private static final String EU_TOKEN = "sekret-canary-456-eu-west";
    private static final String EDGE_TOKEN = "sekret-canary-456-edge";
    private static final String PROD_TOKEN = "sekret-canary-456-prod";

    /** influx.url (the target "default") and three named targets, one of each remaining kind and port. */
    private static final String FOUR_TARGETS = """
            influx:
              url: https://us-east-1-1.aws.cloud2.influxdata.com
              token: %s
              targets:
                eu_west:
                  url: https://eu-central-1-1.aws.cloud2.influxdata.com
                  token: %s
                edge:
                  url: http://influxdb3.monitoring:8181
                  kind: v3
                  token: %s
                prod:
                  url: https://console.influxdata.com
                  kind: dedicated
                  accountId: 0b8c6ad2-acct
                  clusterId: 5d7f1e90-clus
                  token: %s
            revoke:
              defaultTarget: edge
            networkPolicy:
              enabled: true
            """.formatted(DEFAULT_TOKEN, EU_TOKEN, EDGE_TOKEN, PROD_TOKEN);

    @TempDir
    Path tempDir;

    // ---- what each target becomes ----

    @Test
    void eachTargetsSettingsGoToTheConfigMapUnderItsUpperCasedName() throws IOException {
        Rendered chart = renderYaml(FOUR_TARGETS);

        assertThat(path(chart.one("ConfigMap"), "data"))
                .containsEntry("INFLUX_URL", "https://us-east-1-1.aws.cloud2.influxdata.com")
                .containsEntry("INFLUX_TARGETS_EU_WEST_URL", "https://eu-central-1-1.aws.cloud2.influxdata.com")
                // No kind given: v2, passed explicitly.
                .containsEntry("INFLUX_TARGETS_EU_WEST_KIND", "v2")
                .containsEntry("INFLUX_TARGETS_EDGE_URL", "http://influxdb3.monitoring:8181")
                .containsEntry("INFLUX_TARGETS_EDGE_KIND", "v3")
                .containsEntry("INFLUX_TARGETS_PROD_URL", "https://console.influxdata.com")
                .containsEntry("INFLUX_TARGETS_PROD_KIND", "dedicated")
                .containsEntry("INFLUX_TARGETS_PROD_ACCOUNT_ID", "0b8c6ad2-acct")
                .containsEntry("INFLUX_TARGETS_PROD_CLUSTER_ID", "5d7f1e90-clus")
                .containsEntry("REVOKE_DEFAULT_TARGET", "edge")
                .doesNotContainKeys(
                        "INFLUX_TARGETS_EDGE_ACCOUNT_ID",
                        "INFLUX_TARGETS_EU_WEST_CLUSTER_ID",
                        "INFLUX_TOKEN",
                        "INFLUX_TARGETS_EDGE_TOKEN");
        assertThat(path(chart.one("ConfigMap"), "data").keySet())
                .filteredOn(key -> key.startsWith("INFLUX_TARGETS_"))
                .hasSize(8);
    }

    @Test
    void eachTargetsTokenReachesThePodOnlyThroughASecretKeyRefToTheChartMadeSecret() throws IOException {
        Rendered chart = renderYaml(FOUR_TARGETS);
        Map<String, Object> container = chart.container();

        for (String name : List.of(
                "INFLUX_TOKEN",
                "INFLUX_TARGETS_EU_WEST_TOKEN",
                "INFLUX_TARGETS_EDGE_TOKEN",
                "INFLUX_TARGETS_PROD_TOKEN")) {
            assertThat(secretKeyRef(container, name))
                    .as(name)
                    .isEqualTo(Map.of("name", FULLNAME, "key", name, "optional", false));
        }
        assertThat(maps(container.get("env")))
                .filteredOn(e -> e.containsKey("value"))
                .extracting(e -> e.get("name"))
                .containsExactly("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "REVOKE_DATA_DIR", "REVOKE_SANDBOX");

        assertThat(path(chart.one("Secret"), "data"))
                .containsEntry("INFLUX_TOKEN", base64(DEFAULT_TOKEN))
                .containsEntry("INFLUX_TARGETS_EU_WEST_TOKEN", base64(EU_TOKEN))
                .containsEntry("INFLUX_TARGETS_EDGE_TOKEN", base64(EDGE_TOKEN))
                .containsEntry("INFLUX_TARGETS_PROD_TOKEN", base64(PROD_TOKEN));
        for (String token : List.of(DEFAULT_TOKEN, EU_TOKEN, EDGE_TOKEN, PROD_TOKEN)) {
            for (Map<String, Object> object : chart.objects()) {
                if (!"Secret".equals(object.get("kind"))) {
                    assertThat(dump(object))
                            .as("token in %s", object.get("kind"))
                            .doesNotContain(token, base64(token));
                }
            }
        }
    }

    @Test
    void withTargetsAloneTheDefaultTargetIsNeitherPassedNorStored() {
        Rendered chart = render(
                "influx.targets.edge.url",
                "http://influxdb3.monitoring:8181",
                "influx.targets.edge.kind",
                "v3",
                "influx.targets.edge.token",
                EDGE_TOKEN,
                // Without influx.url there is no target named default: its token is not used.
                "influx.token",
                DEFAULT_TOKEN);
        Map<String, Object> container = chart.container();

        assertThat(envNames(container)).contains("INFLUX_TARGETS_EDGE_TOKEN").doesNotContain("INFLUX_TOKEN");
        assertThat(path(chart.one("Secret"), "data"))
                .containsEntry("INFLUX_TARGETS_EDGE_TOKEN", base64(EDGE_TOKEN))
                .doesNotContainKey("INFLUX_TOKEN");
        assertThat(chart.text()).doesNotContain(base64(DEFAULT_TOKEN));
        assertThat(path(chart.one("ConfigMap"), "data"))
                .containsEntry("INFLUX_TARGETS_EDGE_KIND", "v3")
                .doesNotContainKeys("INFLUX_URL", "REVOKE_DEFAULT_TARGET");
    }

    @Test
    void existingSecretSuppliesEachTargetsTokenUnderItsDerivedOrGivenKey() throws IOException {
        Rendered chart = renderYaml(
                FOUR_TARGETS,
                "existingSecret",
                "bot-secrets",
                "secretKeys.influxToken",
                "influx-token",
                "influx.targets.prod.tokenKey",
                "prod-dedicated-token");
        Map<String, Object> container = chart.container();

        assertThat(chart.kinds()).doesNotContain("Secret");
        assertThat(secretKeyRef(container, "INFLUX_TOKEN"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "influx-token", "optional", false));
        assertThat(secretKeyRef(container, "INFLUX_TARGETS_EU_WEST_TOKEN"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "INFLUX_TARGETS_EU_WEST_TOKEN", "optional", false));
        assertThat(secretKeyRef(container, "INFLUX_TARGETS_EDGE_TOKEN"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "INFLUX_TARGETS_EDGE_TOKEN", "optional", false));
        assertThat(secretKeyRef(container, "INFLUX_TARGETS_PROD_TOKEN"))
                .isEqualTo(Map.of("name", "bot-secrets", "key", "prod-dedicated-token", "optional", false));
        // The tokens in the values are ignored: rendered nowhere.
        for (String token : List.of(DEFAULT_TOKEN, EU_TOKEN, EDGE_TOKEN, PROD_TOKEN)) {
            assertThat(chart.text()).doesNotContain(token, base64(token));
        }

        // Several targets may share one token (one key), even the default target's.
        Rendered shared = renderYaml(
                FOUR_TARGETS, "existingSecret", "bot-secrets", "influx.targets.edge.tokenKey", "INFLUX_TOKEN");
        assertThat(secretKeyRef(shared.container(), "INFLUX_TARGETS_EDGE_TOKEN"))
                .containsEntry("key", "INFLUX_TOKEN");
    }

    @Test
    void aTokenKeyInTheChartMadeSecretIsWrittenOnceAndNeverOverTwoTokens() {
        Rendered shared = render(
                "influx.targets.a.url", "https://a.example.com",
                "influx.targets.a.token", EU_TOKEN,
                "influx.targets.a.tokenKey", "shared-token",
                "influx.targets.b.url", "https://b.example.com",
                "influx.targets.b.token", EU_TOKEN,
                "influx.targets.b.tokenKey", "shared-token");
        assertThat(path(shared.one("Secret"), "data")).containsEntry("shared-token", base64(EU_TOKEN));
        assertThat(secretKeyRef(shared.container(), "INFLUX_TARGETS_A_TOKEN")).containsEntry("key", "shared-token");
        assertThat(secretKeyRef(shared.container(), "INFLUX_TARGETS_B_TOKEN")).containsEntry("key", "shared-token");

        assertThat(renderFailure(
                        "influx.targets.a.url", "https://a.example.com",
                        "influx.targets.a.token", EU_TOKEN,
                        "influx.targets.a.tokenKey", "shared-token",
                        "influx.targets.b.url", "https://b.example.com",
                        "influx.targets.b.token", EDGE_TOKEN,
                        "influx.targets.b.tokenKey", "shared-token"))
                .contains("influx.targets.b.tokenKey \"shared-token\" is another target's key with a different token")
                .doesNotContain(EU_TOKEN, EDGE_TOKEN);
        assertThat(renderFailure(
                        "influx.targets.a.url", "https://a.example.com",
                        "influx.targets.a.token", EU_TOKEN,
                        "influx.targets.a.tokenKey", "SLACK_BOT_TOKEN"))
                .contains("influx.targets.a.tokenKey \"SLACK_BOT_TOKEN\" is also secretKeys.botToken");
    }

    // ---- the network policy ----

    @Test
    void networkPolicyAllowsEachInfluxUrlsPortBesideTheConfiguredOnes() {
        Rendered chart = render(
                "networkPolicy.enabled", true,
                "influx.url", "http://influxdb.monitoring:8086",
                "influx.targets.edge.url", "http://influxdb3.monitoring:8181",
                "influx.targets.edge.kind", "v3",
                "influx.targets.cloud.url", "https://eu-central-1-1.aws.cloud2.influxdata.com/",
                "influx.targets.lab.url", "http://influx-lab.internal/",
                "influx.targets.ipv6.url", "http://[fd00::15]:8182",
                "influx.targets.alt.url", "https://revoker@clustered.example.com:8443/api",
                "influx.targets.alt.kind", "clustered");

        assertThat(influxEgressPorts(chart)).containsExactly(443, 8086, 8443, 8181, 8182, 80);
    }

    @Test
    void aV3TargetWorksWithTheDefaultEgressPortsAndTheKnobStillAddsPorts() throws IOException {
        assertThat(influxEgressPorts(renderYaml(FOUR_TARGETS))).containsExactly(443, 8181);
        // The knob: its ports first (numbers from a values file are floats to Helm), each port once.
        String morePorts = FOUR_TARGETS.replace(
                "  enabled: true\n", "  enabled: true\n  egress:\n    influx:\n      ports: [443, 9999, 8181]\n");
        assertThat(morePorts).contains("9999");
        assertThat(influxEgressPorts(renderYaml(morePorts))).containsExactly(443, 9999, 8181);
        assertThat(influxEgressPorts(renderYaml(FOUR_TARGETS, "networkPolicy.egress.influx.ports[0]", 8086)))
                .containsExactly(8086, 443, 8181);
    }

    // ---- what rendering refuses ----

    @Test
    void aTargetNameOutsideLowerCaseLettersDigitsAndUnderscoreFailsToRender() {
        for (String name : List.of("EU_WEST", "eu-west", "Edge2")) {
            assertThat(renderFailure("influx.targets." + name + ".url", "https://a.example.com"))
                    .as(name)
                    .contains("revoke-token-bot: \"" + name + "\" is not a target name")
                    .contains("[a-z0-9_]+", "INFLUX_TARGETS_<NAME>_*");
        }
        assertThat(renderFailure("influx.targets.eu-west.url", "https://a.example.com"))
                .contains("e.g. \"eu_west\"");
    }

    @Test
    void anUnknownKindFailsToRenderListingTheKinds() {
        assertThat(renderFailure("influx.targets.edge.url", "http://h:8181", "influx.targets.edge.kind", "V3"))
                .contains("revoke-token-bot: influx.targets.edge.kind \"V3\" is not a kind the bot knows")
                .contains("v2 (", "v3 (", "dedicated (", "clustered");
    }

    @Test
    void aDedicatedTargetWithoutAccountOrClusterIdFailsToRenderNamingWhatIsMissing() {
        assertThat(renderFailure(
                        "influx.targets.prod.url", "https://console.influxdata.com",
                        "influx.targets.prod.kind", "dedicated"))
                .contains("revoke-token-bot: influx.targets.prod is a Cloud Dedicated target (kind dedicated): "
                        + "set influx.targets.prod.accountId and influx.targets.prod.clusterId");
        assertThat(renderFailure(
                        "influx.targets.prod.url", "https://console.influxdata.com",
                        "influx.targets.prod.kind", "dedicated",
                        "influx.targets.prod.accountId", "acct"))
                .contains("set influx.targets.prod.clusterId (")
                .doesNotContain("prod.accountId");
    }

    @Test
    void aTargetWithoutAUsableUrlFailsToRenderWithoutEchoingIt() {
        assertThat(renderFailure("influx.targets.edge.kind", "v3"))
                .contains("revoke-token-bot: influx.targets.edge.url is empty")
                .contains("INFLUX_TARGETS_EDGE_URL");
        String canary = "sekret-canary-456-url";
        for (String url :
                List.of("influxdb3.monitoring:8181", "ftp://host", "http://:8181", "http://" + canary + ":x")) {
            assertThat(renderFailure("influx.targets.edge.url", url))
                    .as(url)
                    .contains(
                            "revoke-token-bot: influx.targets.edge.url must be an http:// or https:// URL with a host")
                    .doesNotContain(canary);
        }
        assertThat(renderFailure("influx.targets.edge.url", "http://h:70000"))
                .contains("influx.targets.edge.url has port 70000: a port is 1 to 65535");
    }

    @Test
    void aDefaultTargetNamingNoTargetFailsToRenderListingTheTargets() {
        assertThat(renderFailure(
                        "influx.url", "https://us-east-1-1.aws.cloud2.influxdata.com",
                        "influx.targets.edge.url", "http://h:8181",
                        "influx.targets.edge.kind", "v3",
                        "revoke.defaultTarget", "egde"))
                .contains("revoke-token-bot: revoke.defaultTarget \"egde\" names no target: use one of default, edge");
        assertThat(renderFailure("revoke.defaultTarget", "edge"))
                .contains("revoke.defaultTarget \"edge\" names no target: there is none");

        // "default" is influx.url's target.
        assertThat(path(
                        render(
                                        "influx.url", "https://us-east-1-1.aws.cloud2.influxdata.com",
                                        "influx.targets.edge.url", "http://h:8181",
                                        "revoke.defaultTarget", "default")
                                .one("ConfigMap"),
                        "data"))
                .containsEntry("REVOKE_DEFAULT_TARGET", "default");
    }

    @Test
    void aTargetNamedDefaultBesideInfluxUrlFailsToRender() {
        assertThat(renderFailure(
                        "influx.url", "https://us-east-1-1.aws.cloud2.influxdata.com",
                        "influx.targets.default.url", "http://h:8181"))
                .contains(
                        "revoke-token-bot: influx.targets.default and influx.url both define the target named default");

        // Alone, a target may be named default.
        assertThat(path(render("influx.targets.default.url", "http://h:8181").one("ConfigMap"), "data"))
                .containsEntry("INFLUX_TARGETS_DEFAULT_URL", "http://h:8181")
                .doesNotContainKey("INFLUX_URL");
    }

    @Test
    void everyProblemIsNamedInOneFailure() {
        assertThat(renderFailure(
                        "influx.url", "https://us-east-1-1.aws.cloud2.influxdata.com",
                        "influx.targets.default.url", "http://h:8181",
                        "influx.targets.Bad.url", "https://a.example.com",
                        "influx.targets.prod.kind", "dedicated",
                        "influx.targets.str", "oops",
                        "revoke.defaultTarget", "nowhere"))
                .contains("VALUES VALIDATION:")
                .contains("influx.targets.str must be a map of url, kind, accountId, clusterId, token and tokenKey")
                .doesNotContain("influx.targets.str.url")
                .contains("\"Bad\" is not a target name")
                .contains("influx.targets.prod.url is empty")
                .contains("set influx.targets.prod.accountId and influx.targets.prod.clusterId")
                .contains("both define the target named default")
                .contains("revoke.defaultTarget \"nowhere\" names no target");
    }

    // ---- NOTES.txt ----

    @Test
    void notesListTheTargetsAndTheTokensStillMissing() throws IOException {
        assertThat(notes(FOUR_TARGETS))
                .contains("InfluxDB targets: default (v2, influx.url), edge (v3), eu_west (v2), prod (dedicated).")
                .contains("A command without --target uses edge (revoke.defaultTarget).")
                .doesNotContain("influx.targets.edge.token", "influx.token", "influx.url is empty");

        assertThat(notes(
                        "",
                        "influx.targets.edge.url",
                        "http://h:8181",
                        "influx.targets.lab.url",
                        "http://lab:8086",
                        "influx.targets.lab.token",
                        EU_TOKEN))
                .contains("InfluxDB targets: edge (v2), lab (v2).")
                .contains("revoke.defaultTarget is empty")
                .contains("influx.targets.edge.token")
                .doesNotContain("influx.targets.lab.token", "influx.token,", "influx.url is empty", EU_TOKEN);

        assertThat(notes(FOUR_TARGETS, "existingSecret", "bot-secrets"))
                .contains("(keys: SLACK_BOT_TOKEN, INFLUX_TOKEN, INFLUX_TARGETS_EDGE_TOKEN, "
                        + "INFLUX_TARGETS_EU_WEST_TOKEN, INFLUX_TARGETS_PROD_TOKEN, SLACK_SIGNING_SECRET");

        // No target at all still renders, and says the bot cannot start (as for every required setting).
        assertThat(notes("")).contains("influx.url is empty and influx.targets names no target");
    }

    // ---- helpers ----

    private Rendered renderYaml(String valuesYaml, Object... keyValues) throws IOException {
        TemplateCommand command = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(valuesFile(valuesYaml));
        for (int i = 0; i < keyValues.length; i += 2) {
            command = command.set((String) keyValues[i], keyValues[i + 1]);
        }
        String text = command.call();
        return new Rendered(text, YamlDocuments.loadAll(text));
    }

    private Rendered render(Object... keyValues) {
        try {
            return renderYaml("{}", keyValues);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String renderFailure(Object... keyValues) {
        Throwable failure = catchThrowable(() -> render(keyValues));
        assertThat(failure).as("rendering with %s", List.of(keyValues)).isNotNull();
        return failure.getMessage();
    }

    private String notes(String valuesYaml, Object... keyValues) throws IOException {
        InstallCommand command = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly()
                .withValuesFile(valuesFile(valuesYaml.isEmpty() ? "{}" : valuesYaml));
        for (int i = 0; i < keyValues.length; i += 2) {
            command = command.set((String) keyValues[i], keyValues[i + 1]);
        }
        String output = command.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    private Path valuesFile(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(tempDir, "values", ".yaml"), yaml, StandardCharsets.UTF_8);
    }

    private static List<Integer> influxEgressPorts(Rendered chart) {
        List<Map<String, Object>> egress =
                maps(path(chart.one("NetworkPolicy"), "spec").get("egress"));
        // DNS, Slack, then InfluxDB.
        return maps(egress.get(2).get("ports")).stream()
                .peek(p -> assertThat(p).containsEntry("protocol", "TCP"))
                .map(p -> (Integer) p.get("port"))
                .collect(Collectors.toList());
    }

    private record Rendered(String text, List<Map<String, Object>> objects) {

        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found =
                    objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            assertThat(found).as("%s objects among %s", kind, kinds()).hasSize(1);
            return found.get(0);
        }

        Map<String, Object> container() {
            List<Map<String, Object>> containers =
                    maps(path(one("Deployment"), "spec", "template", "spec").get("containers"));
            assertThat(containers).hasSize(1);
            return containers.get(0);
        }
    }

    private static List<Object> envNames(Map<String, Object> container) {
        return maps(container.get("env")).stream().map(e -> e.get("name")).toList();
    }

    private static Map<String, Object> secretKeyRef(Map<String, Object> container, String name) {
        Map<String, Object> env = maps(container.get("env")).stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in " + envNames(container)));
        assertThat(env).as(name).doesNotContainKey("value");
        return path(env, "valueFrom", "secretKeyRef");
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
