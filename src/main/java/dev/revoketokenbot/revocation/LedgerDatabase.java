package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.LedgerDatasources;
import dev.revoketokenbot.config.RevokeSettings;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's database: PostgreSQL when replicas share it, otherwise the embedded one, and the one
 * way to use it, a timed transaction.
 */
@ApplicationScoped
class LedgerDatabase {

    private final javax.sql.DataSource db;
    private final LedgerSchema schema;
    private final MeterRegistry metrics;

    LedgerDatabase(
            RevokeSettings settings,
            LedgerSchema schema,
            MeterRegistry metrics,
            @DataSource(LedgerDatasources.SHARED) InjectableInstance<AgroalDataSource> shared,
            @DataSource(LedgerDatasources.EMBEDDED) InjectableInstance<AgroalDataSource> embedded) {
        this.db = settings.ledger().shared() ? shared.get() : embedded.get();
        this.schema = schema;
        this.metrics = metrics;
    }

    /** The first column of every row the statement selects. */
    static List<String> ids(PreparedStatement s) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Whether the statement failed on a duplicate key: the SQL state PostgreSQL and H2 both give. */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, timed as {@code revoke_ledger_seconds{operation, outcome}};
     * any SQL failure rolls it back and is a {@link LedgerException}.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try {
            schema.await();
        } catch (SQLException e) {
            sample.stop(metrics.timer("revoke_ledger", "operation", operation, "outcome", "failed"));
            throw new LedgerException(e);
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            outcome = "failed";
            throw new LedgerException(e);
        } finally {
            sample.stop(metrics.timer("revoke_ledger", "operation", operation, "outcome", outcome));
        }
    }
}
