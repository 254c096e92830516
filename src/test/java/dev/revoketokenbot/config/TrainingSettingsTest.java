package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The placeholder settings exist only for the runs that train the JVM's archives, and never win. */
class TrainingSettingsTest {

    private static SmallRyeConfig config(Map<String, String> given) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(given, "given", 300))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.http.port", "8080"), "properties", 250))
                .withSources(new TrainingSettings())
                .build();
    }

    @Test
    void anyOtherRunGetsNothing() {
        SmallRyeConfig config = config(Map.of("quarkus.appcds.generate", "false", "revoke.training", "false"));

        assertThat(config.getOptionalValue("slack.bot-token", String.class)).isEmpty();
        assertThat(config.getOptionalValue("influx.url", String.class)).isEmpty();
        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("8080");
        assertThat(config(Map.of()).getOptionalValue("revoke.approvers", String.class))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"revoke.training", "quarkus.appcds.generate"})
    void aTrainingRunGetsPlaceholdersThatCallNothing(String run) {
        SmallRyeConfig config = config(Map.of(run, "true"));

        assertThat(config.getValue("slack.bot-token", String.class)).startsWith("xoxb-");
        assertThat(config.getValue("influx.url", String.class)).isEqualTo("http://127.0.0.1:9");
        assertThat(config.getValue("revoke.approvers", String.class)).isNotBlank();
    }

    @Test
    void aTrainingRunListensOnAnyFreeLoopbackPortOverTheDefault8080() {
        SmallRyeConfig config = config(Map.of("revoke.training", "true"));

        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("0");
        assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
    }

    @Test
    void aRealSettingGivenToThatRunWins() {
        SmallRyeConfig config = config(Map.of(
                "revoke.training", "true",
                "influx.url", "https://influx.example.com",
                "quarkus.http.port", "9000"));

        assertThat(config.getValue("influx.url", String.class)).isEqualTo("https://influx.example.com");
        assertThat(config.getValue("quarkus.http.port", String.class)).isEqualTo("9000");
    }
}
