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
 *       completely, on loopback, and exits once it serves and its ledger is migrated
 *       ({@code revocation.TrainingRun});
 *   <li>{@code -Dquarkus.appcds.generate=true}, the run Quarkus makes at package time for the AppCDS
 *       archive ({@code quarkus.package.jar.appcds.enabled}, for Java 17): Quarkus exits before the
 *       bot serves.
 * </ul>
 *
 * Without settings either run would stop at the first missing one, having loaded little; with
 * these placeholders it reads its whole configuration. Nothing is reachable at them: InfluxDB and
 * Slack's Web API at loopback port 9, which refuses. The AOT training run's ledger is a fresh one in
 * the temporary directory unless REVOKE_DATA_DIR says otherwise ({@link LedgerDatasources}). Any
 * other run gets nothing from here.
 */
public class TrainingSettings implements ConfigSourceFactory {

    static final String TRAINING = "revoke.training";
    static final String APPCDS = "quarkus.appcds.generate";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!isTrue(context.getValue(TRAINING)) && !isTrue(context.getValue(APPCDS))) {
            return List.of();
        }
        return List.of(
                new PropertiesConfigSource(
                        Map.of(
                                "slack.signing-secret", "training",
                                "slack.bot-token", "xoxb-training",
                                "influx.url", "http://127.0.0.1:9",
                                "influx.token", "training",
                                "slack.api-url", "http://127.0.0.1:9/api/",
                                "revoke.approvers", "UTRAINING"),
                        "revoke-token-bot training run",
                        // Below the environment and application.properties: a real setting given to that run wins.
                        150),
                new PropertiesConfigSource(
                        // Any free port on loopback: the run serves nobody, and 8080 may be taken where it runs.
                        Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port", "0"),
                        "revoke-token-bot training run's listener",
                        // Above application.properties' port 8080, below the environment and -D.
                        275));
    }

    private static boolean isTrue(ConfigValue value) {
        return value != null && "true".equals(value.getValue());
    }
}
