package dev.revoketokenbot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the ledger's datasource at start: the PostgreSQL one when {@code REVOKE_LEDGER_URL} is
 * set, otherwise the embedded one, an H2 file under {@code REVOKE_DATA_DIR}. Quarkus fixes a
 * datasource's kind at build time, so both are built in and exactly one is switched on here; the
 * other never connects (and never creates a file on a read-only disk).
 */
public class LedgerDatasources implements ConfigSourceFactory {

    /** The datasource name of the PostgreSQL ledger. */
    public static final String SHARED = "shared";
    /** The datasource name of the embedded ledger. */
    public static final String EMBEDDED = "embedded";

    /** Below application.properties (250), so an explicit setting there or in the environment wins. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean training = TrainingSettings.isTraining(context);
        // A training run never opens a real ledger: a fresh file of its own instead.
        boolean shared = !training && isSet(context.getValue("revoke.ledger.url"));
        ConfigValue dataDir = context.getValue("revoke.data-dir");
        Path dir = training
                ? Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "revoke-token-bot-training-" + ProcessHandle.current().pid())
                : Path.of(isSet(dataDir) ? dataDir.getValue() : "./data")
                        .toAbsolutePath()
                        .normalize();
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource." + SHARED + ".active", Boolean.toString(shared),
                        "quarkus.datasource." + EMBEDDED + ".active", Boolean.toString(!shared),
                        "quarkus.datasource." + EMBEDDED + ".jdbc.url", embeddedUrl(dir)),
                "revoke-token-bot ledger choice",
                ORDINAL));
    }

    /**
     * An H2 file that one process opens (H2's file lock keeps a second one out). Its page cache is
     * 2 MiB, not H2's default 16 MiB: the ledger's working set is the requests of the last minutes,
     * and the cache lives in the service's small heap.
     */
    static String embeddedUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=2048";
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
