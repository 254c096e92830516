package dev.revoketokenbot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings for the runs that teach the JVM what a start loads, so the next starts map it from an
 * archive instead of loading it:
 *
 * <ul>
 *   <li>{@code -Drevoke.training=true}, the run that writes Java 25's AOT cache ({@code java
 *       -XX:AOTCacheOutput=app.aot -Drevoke.training=true -jar quarkus-run.jar}): the bot starts
 *       completely, on loopback, answers a few requests of its own and exits
 *       ({@code slack.TrainingRun});
 *   <li>{@code -Dquarkus.appcds.generate=true}, the run Quarkus makes at package time for the AppCDS
 *       archive ({@code quarkus.package.jar.appcds.enabled}, for Java 17): Quarkus exits before the
 *       bot serves.
 * </ul>
 *
 * Without settings either run would stop at the first missing one, having loaded little. Whatever
 * could reach beyond the machine is replaced, even when the environment sets it: Slack's Web API and
 * InfluxDB are a closed loopback port, Socket Mode is off, and the named InfluxDB targets, the shared
 * ledger and REVOKE_DATA_DIR are ignored ({@link TrainingHidesTargets}, {@link
 * InfluxTargetsFromEnvironment}, {@link LedgerDatasources}: a fresh ledger under the temporary
 * directory). So a training run started in a
 * shell that holds a real bot's environment still touches nothing of it. Any other run gets nothing
 * from here.
 */
public class TrainingSettings implements ConfigSourceFactory {

    static final String TRAINING = "revoke.training";
    static final String APPCDS = "quarkus.appcds.generate";
    /** Nothing listens on loopback port 9 (discard), so a connection is refused at once. */
    private static final String NOBODY = "http://127.0.0.1:9";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!isTraining(context)) {
            return List.of();
        }
        return List.of(
                new PropertiesConfigSource(
                        Map.of(
                                "slack.bot-token", "xoxb-training",
                                "slack.api-url", NOBODY + "/api/",
                                // Empty is unset: no Socket Mode connection to Slack.
                                "slack.app-token", "",
                                "influx.url", NOBODY,
                                "influx.token", "training",
                                "revoke.default-target", "",
                                "revoke.ledger.url", "",
                                // Any free port on loopback: the run serves nobody, and 8080 may be taken.
                                "quarkus.http.host", "127.0.0.1",
                                "quarkus.http.port", "0"),
                        "revoke-token-bot training run, over the environment",
                        // Above the environment (300), below -D (400).
                        350),
                new PropertiesConfigSource(
                        Map.of("slack.signing-secret", "training", "revoke.approvers", "UTRAINING"),
                        "revoke-token-bot training run",
                        // Below the environment: these reach nothing, so a given one may stay.
                        150));
    }

    /** Whether this is one of the training runs. */
    static boolean isTraining(ConfigSourceContext context) {
        return isTrue(context.getValue(TRAINING)) || isTrue(context.getValue(APPCDS));
    }

    private static boolean isTrue(ConfigValue value) {
        return value != null && "true".equals(value.getValue());
    }
}
