package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which ledger a start opens, and where: the shared PostgreSQL one, or the embedded file. */
class LedgerDatasourcesTest {

    private static SmallRyeConfig config(Map<String, String> given) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(given, "given", 300))
                .withSources(new LedgerDatasources())
                .build();
    }

    private static String embeddedUrl(SmallRyeConfig config) {
        return config.getValue("quarkus.datasource.embedded.jdbc.url", String.class);
    }

    @Test
    void withoutASharedLedgerTheEmbeddedFileUnderDataIsOpened() {
        SmallRyeConfig config = config(Map.of());

        assertThat(config.getValue("quarkus.datasource.embedded.active", Boolean.class))
                .isTrue();
        assertThat(config.getValue("quarkus.datasource.shared.active", Boolean.class))
                .isFalse();
        assertThat(embeddedUrl(config))
                .startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("ledger"));
    }

    @Test
    void aGivenDataDirHoldsTheFile() {
        assertThat(embeddedUrl(config(Map.of("revoke.data-dir", "/var/lib/bot"))))
                .startsWith("jdbc:h2:file:/var/lib/bot/ledger;");
    }

    @Test
    void aSharedLedgerUrlSwitchesToPostgresql() {
        SmallRyeConfig config = config(Map.of("revoke.ledger.url", "jdbc:postgresql://db:5432/bot"));

        assertThat(config.getValue("quarkus.datasource.shared.active", Boolean.class))
                .isTrue();
        assertThat(config.getValue("quarkus.datasource.embedded.active", Boolean.class))
                .isFalse();
    }

    @Test
    void theTrainingRunKeepsItsRequestsOutOfAnyLedgerARealStartOpens() {
        String url = embeddedUrl(config(Map.of(
                "revoke.training", "true",
                "revoke.data-dir", "/var/lib/bot",
                "revoke.ledger.url", "jdbc:postgresql://db:5432/bot")));

        assertThat(url)
                .startsWith(
                        "jdbc:h2:file:" + Path.of(System.getProperty("java.io.tmpdir"), "revoke-token-bot-training-"))
                .doesNotContain("/var/lib/bot");
        assertThat(config(Map.of("revoke.training", "true", "revoke.ledger.url", "jdbc:postgresql://db:5432/bot"))
                        .getValue("quarkus.datasource.shared.active", Boolean.class))
                .isFalse();
    }
}
