package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The InfluxDB targets read from the environment as an operator writes it: names with underscores,
 * {@code INFLUX_URL} as the target {@code default}, the default target, and every refusal naming
 * the variable to set and never a token.
 */
class TargetCatalogTest {

    private static final String SECRET = "s3cret-token-value";
    private static final String ACCOUNT = "11111111-2222-4333-8444-555555555555";
    private static final String CLUSTER = "66666666-7777-4888-9999-000000000000";

    private static Map<String, String> target(String name, String url, String kind) {
        String prefix = "INFLUX_TARGETS_" + name + "_";
        return Map.of(prefix + "URL", url, prefix + "TOKEN", SECRET, prefix + "KIND", kind);
    }

    @SafeVarargs
    private static SmallRyeConfig config(Map<String, String>... parts) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, String> part : parts) {
            env.putAll(part);
        }
        return new SmallRyeConfigBuilder()
                // Quarkus's own durations ("15M"), as the application reads them.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(InfluxSettings.class)
                .withMapping(RevokeSettings.class)
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new InfluxTargetsFromEnvironment())
                .build();
    }

    private static TargetCatalog catalog(SmallRyeConfig config) {
        return new TargetCatalog(
                config.getConfigMapping(InfluxSettings.class), config.getConfigMapping(RevokeSettings.class));
    }

    private static List<String> problems(SmallRyeConfig config) {
        return TargetCatalog.problems(
                config.getConfigMapping(InfluxSettings.class), config.getConfigMapping(RevokeSettings.class));
    }

    @Test
    void namedTargetsComeFromTheEnvironmentBesideTheDefaultOne() {
        SmallRyeConfig config = config(
                Map.of("INFLUX_URL", "https://us-east-1-1.aws.cloud2.influxdata.com", "INFLUX_TOKEN", SECRET),
                target("EU_WEST", "https://eu-central-1-1.aws.cloud2.influxdata.com", "v2"),
                target("EDGE", "http://influxdb3.monitoring:8181", "v3"),
                target("PROD_DEDICATED", "https://console.influxdata.com", "dedicated"),
                Map.of(
                        "INFLUX_TARGETS_PROD_DEDICATED_ACCOUNT_ID", ACCOUNT,
                        "INFLUX_TARGETS_PROD_DEDICATED_CLUSTER_ID", CLUSTER),
                target("ONPREM", "https://cluster.example.com", "CLUSTERED"));

        TargetCatalog catalog = catalog(config);

        assertThat(problems(config)).isEmpty();
        assertThat(catalog.names()).containsExactly("default", "edge", "eu_west", "onprem", "prod_dedicated");
        assertThat(catalog.named("EU-WEST").orElseThrow().kind()).isEqualTo(TargetKind.V2);
        assertThat(catalog.named("edge").orElseThrow().kind()).isEqualTo(TargetKind.V3);
        assertThat(catalog.named("onprem").orElseThrow().kind()).isEqualTo(TargetKind.CLUSTERED);
        TargetCatalog.Target dedicated = catalog.named("prod_dedicated").orElseThrow();
        assertThat(dedicated.accountId()).isEqualTo(ACCOUNT);
        assertThat(dedicated.clusterId()).isEqualTo(CLUSTER);
        assertThat(dedicated.token()).isEqualTo(SECRET);
        assertThat(dedicated.toString()).doesNotContain(SECRET);
        assertThat(catalog.defaultTarget().orElseThrow().name()).isEqualTo("default");
    }

    @Test
    void theDefaultTargetIsTheOnlyOneOrTheOneNamed() {
        assertThat(catalog(config(target("EDGE", "http://h:8181", "v3")))
                        .defaultTarget()
                        .orElseThrow()
                        .name())
                .isEqualTo("edge");
        SmallRyeConfig two = config(target("EDGE", "http://h:8181", "v3"), target("PROD", "https://p", "v2"));
        assertThat(catalog(two).defaultTarget()).isEmpty();
        assertThat(problems(two)).isEmpty();
        assertThat(catalog(config(
                                target("EDGE", "http://h:8181", "v3"),
                                target("PROD", "https://p", "v2"),
                                Map.of("REVOKE_DEFAULT_TARGET", "prod")))
                        .defaultTarget()
                        .orElseThrow()
                        .name())
                .isEqualTo("prod");
    }

    static Stream<Arguments> refusals() {
        Map<String, String> dedicated = target("CLOUD", "https://console.influxdata.com", "dedicated");
        return Stream.of(
                arguments(
                        "no target at all", Map.of(), "set INFLUX_URL and INFLUX_TOKEN, or INFLUX_TARGETS_<NAME>_URL"),
                arguments(
                        "INFLUX_URL alone",
                        Map.of("INFLUX_URL", "https://h"),
                        "INFLUX_URL (influx.url) is set without"),
                arguments(
                        "INFLUX_TOKEN alone",
                        Map.of("INFLUX_TOKEN", SECRET),
                        "INFLUX_TOKEN (influx.token) is set without"),
                arguments(
                        "INFLUX_URL not a URL",
                        Map.of("INFLUX_URL", "influx.example.com", "INFLUX_TOKEN", SECRET),
                        "INFLUX_URL (influx.url) is not an http(s) URL"),
                arguments(
                        "a target without a token",
                        Map.of("INFLUX_TARGETS_EDGE_URL", "http://h:8181", "INFLUX_TARGETS_EDGE_KIND", "v3"),
                        "set INFLUX_TARGETS_EDGE_TOKEN"),
                arguments(
                        "a target without a URL",
                        Map.of("INFLUX_TARGETS_EDGE_TOKEN", SECRET, "INFLUX_TARGETS_EDGE_KIND", "v3"),
                        "set INFLUX_TARGETS_EDGE_URL"),
                arguments(
                        "a target without a kind",
                        Map.of("INFLUX_TARGETS_EDGE_URL", "http://h:8181", "INFLUX_TARGETS_EDGE_TOKEN", SECRET),
                        "set INFLUX_TARGETS_EDGE_KIND to v2, v3, dedicated or clustered"),
                arguments(
                        "a target URL that is no URL",
                        target("EDGE", "h:8181", "v3"),
                        "INFLUX_TARGETS_EDGE_URL is not"),
                arguments("dedicated without its IDs", dedicated, "needs INFLUX_TARGETS_CLOUD_ACCOUNT_ID"),
                arguments(
                        "dedicated with an ID that is no UUID",
                        merge(
                                dedicated,
                                Map.of(
                                        "INFLUX_TARGETS_CLOUD_ACCOUNT_ID",
                                        ACCOUNT,
                                        "INFLUX_TARGETS_CLOUD_CLUSTER_ID",
                                        "../../admin")),
                        "INFLUX_TARGETS_CLOUD_CLUSTER_ID is not a UUID"),
                arguments(
                        "a cluster ID on another kind",
                        merge(target("EDGE", "http://h:8181", "v3"), Map.of("INFLUX_TARGETS_EDGE_CLUSTER_ID", CLUSTER)),
                        "INFLUX_TARGETS_EDGE_CLUSTER_ID is for Cloud Dedicated targets only"),
                arguments(
                        "default given twice",
                        merge(
                                Map.of("INFLUX_URL", "https://h", "INFLUX_TOKEN", SECRET),
                                target("DEFAULT", "https://other", "v2")),
                        "the target default is given twice"),
                arguments(
                        "a default target that does not exist",
                        merge(target("EDGE", "http://h:8181", "v3"), Map.of("REVOKE_DEFAULT_TARGET", "prod")),
                        "REVOKE_DEFAULT_TARGET (revoke.default-target) names no target: set it to one of edge"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusals")
    void refusesNamingWhatToSetNeverAToken(String name, Map<String, String> env, String problem) {
        List<String> problems = problems(config(env));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(problem));
        assertThat(String.join("\n", problems)).doesNotContain(SECRET);
    }

    @Test
    void anUnknownKindStopsTheStart() {
        assertThatThrownBy(() -> config(target("EDGE", "http://h:8181", "influxdb4"))
                        .getConfigMapping(InfluxSettings.class)
                        .targets()
                        .get("edge")
                        .kind())
                .hasMessageContaining("influxdb4");
    }

    @Test
    void variableNamesSplitOnTheFieldsTheBotKnows() {
        assertThat(InfluxTargetsFromEnvironment.property("EU_WEST", "ACCOUNT_ID"))
                .isEqualTo("influx.targets.eu_west.account-id");
        assertThat(catalog(config(target("MY_URL", "https://h", "v2"))).names()).containsExactly("my_url");
        assertThat(catalog(config(target("X_CLUSTER", "https://h", "v2"))).names())
                .containsExactly("x_cluster");
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
