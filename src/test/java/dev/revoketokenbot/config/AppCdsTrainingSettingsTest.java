package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder settings exist only for the run that writes the AppCDS archive, and never win. */
class AppCdsTrainingSettingsTest {

    private static SmallRyeConfig config(Map<String, String> given) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(given, "given", 300))
                .withSources(new AppCdsTrainingSettings())
                .build();
    }

    @Test
    void anyOtherRunGetsNothing() {
        SmallRyeConfig config = config(Map.of("quarkus.appcds.generate", "false"));

        assertThat(config.getOptionalValue("slack.bot-token", String.class)).isEmpty();
        assertThat(config.getOptionalValue("influx.url", String.class)).isEmpty();
        assertThat(config(Map.of()).getOptionalValue("revoke.approvers", String.class))
                .isEmpty();
    }

    @Test
    void theArchiveRunGetsPlaceholdersThatCallNothing() {
        SmallRyeConfig config = config(Map.of("quarkus.appcds.generate", "true"));

        assertThat(config.getValue("slack.bot-token", String.class)).startsWith("xoxb-");
        assertThat(config.getValue("influx.url", String.class)).isEqualTo("http://127.0.0.1:9");
        assertThat(config.getValue("revoke.approvers", String.class)).isNotBlank();
    }

    @Test
    void aRealSettingGivenToThatRunWins() {
        SmallRyeConfig config =
                config(Map.of("quarkus.appcds.generate", "true", "influx.url", "https://influx.example.com"));

        assertThat(config.getValue("influx.url", String.class)).isEqualTo("https://influx.example.com");
    }
}
