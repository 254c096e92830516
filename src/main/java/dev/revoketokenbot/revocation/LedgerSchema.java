package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.LedgerDatasources;
import dev.revoketokenbot.config.RevokeSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the ledger's schema up to date (Flyway, {@code db/ledger}) right after the bot starts
 * serving, not before: acking Slack needs no ledger, and migrating at start took 0.65 s of it
 * (src/bench/BENCHMARKS.md). Every ledger transaction waits for the migration; one that fails
 * stops the bot, as a failed start would. Replicas starting together are safe: Flyway takes a lock.
 */
@ApplicationScoped
public class LedgerSchema {

    private static final Logger LOG = Logger.getLogger(LedgerSchema.class);
    /** How long a ledger transaction waits for the schema before failing like an unreachable ledger. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The migrations, for PostgreSQL and H2 alike. */
    static final String LOCATION = "classpath:db/ledger";

    private final CompletableFuture<Void> migrated = new CompletableFuture<>();
    private final InjectableInstance<AgroalDataSource> ledger;

    LedgerSchema(
            RevokeSettings settings,
            @DataSource(LedgerDatasources.SHARED) InjectableInstance<AgroalDataSource> shared,
            @DataSource(LedgerDatasources.EMBEDDED) InjectableInstance<AgroalDataSource> embedded) {
        this.ledger = settings.ledger().shared() ? shared : embedded;
    }

    void onStart(@Observes StartupEvent event) {
        Thread migration = new Thread(this::migrate, "ledger-schema");
        migration.setDaemon(true);
        migration.start();
    }

    private void migrate() {
        try {
            Flyway.configure(LedgerSchema.class.getClassLoader())
                    .dataSource(ledger.get())
                    .locations(LOCATION)
                    .load()
                    .migrate();
            migrated.complete(null);
        } catch (RuntimeException e) {
            migrated.completeExceptionally(e);
            LOG.errorf("The request ledger's schema could not be brought up to date, so the bot stops: %s", e);
            Quarkus.asyncExit(1);
        }
    }

    /** Whether the schema is up to date. */
    public boolean isMigrated() {
        return migrated.isDone() && !migrated.isCompletedExceptionally();
    }

    /** Completes when the schema is up to date, exceptionally when it could not be brought there. */
    public CompletionStage<Void> migration() {
        return migrated.minimalCompletionStage();
    }

    /** Waits until the schema is up to date; fails as the database would when it is not. */
    void await() throws SQLException {
        try {
            migrated.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SQLException("the ledger's schema is not up to date yet");
        } catch (ExecutionException e) {
            throw new SQLException("the ledger's schema could not be brought up to date");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for the ledger's schema");
        }
    }
}
