package dev.revoketokenbot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings for the one run that writes the AppCDS archive at package time
 * ({@code quarkus.package.jar.appcds.enabled}): Quarkus starts the packaged bot with {@code
 * -Dquarkus.appcds.generate=true} and archives the classes it loaded when it exits. Without settings
 * that run stops at the first missing one, so the archive would hold only the classes loaded until
 * then; with these placeholders it reads its whole configuration and loads what a real start loads.
 * Nothing is called and nothing is written: Quarkus exits before the bot serves or opens its ledger.
 * Any other run gets nothing from here.
 */
public class AppCdsTrainingSettings implements ConfigSourceFactory {

    static final String GENERATE = "quarkus.appcds.generate";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue generate = context.getValue(GENERATE);
        if (generate == null || !"true".equals(generate.getValue())) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "slack.signing-secret", "appcds-training",
                        "slack.bot-token", "xoxb-appcds-training",
                        "influx.url", "http://127.0.0.1:9",
                        "influx.token", "appcds-training",
                        "revoke.approvers", "UAPPCDS"),
                "revoke-token-bot AppCDS training run",
                // Below the environment and application.properties: a real setting given to that run wins.
                150));
    }
}
