package dev.revoketokenbot.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL (binaries from Maven, no containers) on a free loopback port, as the shared
 * ledger: points the bot at it through {@code revoke.ledger.url} and its credentials.
 */
public class PostgresLedger implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = startPostgres();
        return Map.of(
                "revoke.ledger.url", jdbcUrl(postgres),
                "revoke.ledger.username", "postgres",
                "revoke.ledger.password", "postgres");
    }

    /** Starts a PostgreSQL of its own, on loopback. */
    public static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
