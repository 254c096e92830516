package dev.revoketokenbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** When sandbox mode switches on, what it supplies, and when it refuses, as a table of settings. */
class SandboxSettingsTest {

    private static final String CANARY = "xoxb-sekret-canary-value";

    @Test
    void devModeWithNoSlackOrInfluxSettingIsTheSandbox() {
        Map<String, String> supplied = supplied(context(List.of("dev")));

        assertThat(supplied)
                .containsEntry("revoke.sandbox", "true")
                .containsEntry("revoke.sandbox-url", "http://localhost:${quarkus.http.port}/sandbox")
                .containsEntry("slack.api-url", "http://localhost:${quarkus.http.port}/sandbox/slack/api/")
                .containsEntry("influx.url", "http://localhost:${quarkus.http.port}/sandbox/influxdb")
                .containsEntry("slack.signing-secret", SandboxWorkspace.SIGNING_SECRET)
                .containsEntry("slack.bot-token", SandboxWorkspace.BOT_TOKEN)
                .containsEntry("influx.token", InfluxSeed.OPERATOR_TOKEN)
                .containsEntry("revoke.approvers", SandboxWorkspace.APPROVER.id())
                .containsEntry("revoke.approver-groups", SandboxWorkspace.APPROVER_GROUP)
                .containsEntry("quarkus.datasource.embedded.jdbc.url", SandboxSettings.LEDGER_URL)
                .doesNotContainKey("slack.app-token");
    }

    @Test
    void revokeSandboxTrueSwitchesItOnAnywhereAndTestsUseTheTestPort() {
        assertThat(supplied(context(List.of(), "revoke.sandbox", "true"))).containsEntry("revoke.sandbox", "true");
        assertThat(supplied(context(List.of("test"), "revoke.sandbox", " TRUE ", "quarkus.http.test-port", "41234")))
                .containsEntry("slack.api-url", "http://localhost:${quarkus.http.test-port}/sandbox/slack/api/");
    }

    @Test
    void otherwiseTheBotIsTheRealOne() {
        assertThat(supplied(context(List.of()))).isEmpty();
        assertThat(supplied(context(List.of("prod")))).isEmpty();
        assertThat(supplied(context(List.of("dev"), "revoke.sandbox", "false"))).isEmpty();
        for (String real : SandboxSettings.REAL_SETTINGS) {
            assertThat(supplied(context(List.of("dev"), real, "something")))
                    .as("dev mode with %s", real)
                    .isEmpty();
        }
    }

    @Test
    void besideARealSettingItRefusesNamingItButNeverItsValue() {
        assertThatThrownBy(() -> supplied(context(
                        List.of(),
                        "revoke.sandbox",
                        "true",
                        "slack.bot-token",
                        CANARY,
                        "influx.url",
                        "http://influx:8086")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sandbox mode (REVOKE_SANDBOX=true)")
                .hasMessageContaining("SLACK_BOT_TOKEN (slack.bot-token), INFLUX_URL (influx.url)")
                .hasMessageContaining("unset REVOKE_SANDBOX")
                .hasMessageNotContaining(CANARY)
                .hasMessageNotContaining("influx:8086");
    }

    @Test
    void aNamedInfluxTargetIsARealSettingToo() {
        assertThatThrownBy(() -> supplied(
                        context(List.of("dev"), "revoke.sandbox", "true", "INFLUX_TARGETS_EDGE_TOKEN", CANARY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INFLUX_TARGETS_<NAME>_* (influx.targets.*)")
                .hasMessageNotContaining(CANARY);
        assertThat(supplied(context(List.of("dev"), "influx.targets.edge.url", "http://influx3:8181")))
                .as("dev mode beside a named target is the real bot")
                .isEmpty();
    }

    @Test
    void itRefusesAnyPortBecauseTheBotMustReachItsStandIns() {
        assertThatThrownBy(() ->
                        supplied(context(List.of("test"), "revoke.sandbox", "true", "quarkus.http.test-port", "0")))
                .hasMessageContaining("QUARKUS_HTTP_TEST_PORT (quarkus.http.test-port)")
                .hasMessageContaining("rather than 0");
        assertThatThrownBy(() -> supplied(context(List.of("dev"), "quarkus.http.port", "0")))
                .hasMessageContaining("QUARKUS_HTTP_PORT (quarkus.http.port)");
    }

    @Test
    void whatQuarkusCarriesOverFromItsOwnStartIsNoRealSetting() {
        ConfigSourceContext carried =
                new Context(List.of("dev"), Map.of("slack.bot-token", SandboxWorkspace.BOT_TOKEN), 0);

        assertThat(supplied(carried)).containsEntry("revoke.sandbox", "true");
    }

    private static Map<String, String> supplied(ConfigSourceContext context) {
        Iterable<ConfigSource> sources = new SandboxSettings().getConfigSources(context);
        Map<String, String> all = new HashMap<>();
        StreamSupport.stream(sources.spliterator(), false).forEach(source -> {
            assertThat(source.getOrdinal()).isBetween(251, 299);
            all.putAll(source.getProperties());
        });
        return all;
    }

    /** Settings given as in the environment (ordinal 300). */
    private static ConfigSourceContext context(List<String> profiles, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Context(profiles, values, 300);
    }

    private record Context(List<String> profiles, Map<String, String> values, int ordinal)
            implements ConfigSourceContext {

        @Override
        public ConfigValue getValue(String name) {
            String value = values.get(name);
            return ConfigValue.builder()
                    .withName(name)
                    .withValue(value)
                    .withConfigSourceOrdinal(value == null ? 0 : ordinal)
                    .build();
        }

        @Override
        public Iterator<String> iterateNames() {
            return values.keySet().iterator();
        }

        @Override
        public List<String> getProfiles() {
            return profiles;
        }
    }
}
