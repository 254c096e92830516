package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training runs' settings: what a start needs is there, what could reach beyond the machine is
 * replaced even when a real bot's environment is set, and any other run gets nothing.
 */
class TrainingSettingsTest {

    /** A real bot's environment, as a shell that runs one might hold. */
    private static final Map<String, String> REAL_BOT = Map.of(
            "SLACK_SIGNING_SECRET", "real-signing-secret",
            "SLACK_BOT_TOKEN", "xoxb-real",
            "SLACK_APP_TOKEN", "xapp-real",
            "SLACK_API_URL", "https://slack.com/api/",
            "INFLUX_URL", "https://influx.example.com",
            "INFLUX_TOKEN", "real-influx-token",
            "INFLUX_TARGETS_EDGE_URL", "https://edge.example.com",
            "INFLUX_TARGETS_EDGE_TOKEN", "real-edge-token",
            "INFLUX_TARGETS_EDGE_KIND", "v3",
            "REVOKE_LEDGER_URL", "jdbc:postgresql://db.example.com/bot");

    private static SmallRyeConfig config(Map<String, String> env, Map<String, String> systemProperties) {
        Map<String, String> all = new HashMap<>(env);
        all.put("REVOKE_DATA_DIR", "/var/lib/bot");
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(InfluxSettings.class)
                .withMapping(RevokeSettings.class)
                .withMapping(SlackSettings.class)
                .withSources(new PropertiesConfigSource(systemProperties, "-D", 400))
                .withSources(new EnvConfigSource(all, 300))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "8080"), "properties", 250))
                .withSources(new TrainingSettings())
                .withSources(new InfluxTargetsFromEnvironment())
                .withSources(new LedgerDatasources())
                .withInterceptors(new TrainingHidesTargets())
                .build();
    }

    @Test
    void anyOtherRunGetsNothing() {
        SmallRyeConfig config = config(REAL_BOT, Map.of("revoke.training", "false"));

        assertThat(config.getValue("influx.url", String.class)).isEqualTo("https://influx.example.com");
        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("8080");
        assertThat(config.getConfigMapping(InfluxSettings.class).targets()).containsKey("edge");
        assertThat(config.getOptionalValue("revoke.approvers", String.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"revoke.training", "quarkus.appcds.generate"})
    void aTrainingRunStartsOnPlaceholders(String run) {
        SmallRyeConfig config = config(Map.of(), Map.of(run, "true"));

        assertThat(config.getConfigMapping(SlackSettings.class).botToken()).startsWith("xoxb-");
        assertThat(config.getValue("influx.url", String.class)).isEqualTo("http://127.0.0.1:9");
        assertThat(config.getValue("revoke.approvers", String.class)).isNotBlank();
        assertThat(config.getValue("slack.signing-secret", String.class)).isNotBlank();
        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("0");
        assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrainingRunInARealBotsEnvironmentReachesNoneOfIt() {
        SmallRyeConfig config = config(REAL_BOT, Map.of("revoke.training", "true"));
        SlackSettings slack = config.getConfigMapping(SlackSettings.class);
        RevokeSettings revoke = config.getConfigMapping(RevokeSettings.class);

        assertThat(slack.botToken()).isEqualTo("xoxb-training");
        assertThat(slack.apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(slack.socketMode()).isFalse();
        assertThat(config.getValue("influx.url", String.class)).isEqualTo("http://127.0.0.1:9");
        assertThat(config.getValue("influx.token", String.class)).isEqualTo("training");
        assertThat(config.getConfigMapping(InfluxSettings.class).targets()).isEmpty();
        assertThat(revoke.ledger().shared()).isFalse();
        assertThat(config.getValue("quarkus.datasource.shared.active", Boolean.class))
                .isFalse();
        assertThat(config.getValue("quarkus.datasource.embedded.jdbc.url", String.class))
                .contains("revoke-token-bot-training-")
                .doesNotContain("/var/lib/bot");
        // Its own requests are signed with whatever secret it has: that reaches nobody.
        assertThat(slack.signingSecret()).contains("real-signing-secret");
    }

    @Test
    void aSystemPropertyGivenToTheTrainingRunStillWins() {
        SmallRyeConfig config = config(REAL_BOT, Map.of("revoke.training", "true", "quarkus.http.port", "9000"));

        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("9000");
    }
}
