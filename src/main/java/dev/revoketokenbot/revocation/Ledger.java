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
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request ledger: requests, the decisions taken on them, and the outbox of Slack deliveries
 * those decisions owe. Every change of stage is a compare-and-set on the row's version, in one
 * transaction with its decision and its deliveries, so across replicas and restarts exactly one
 * change wins and nothing is half written. Plain SQL that PostgreSQL and H2 both run.
 */
@ApplicationScoped
public class Ledger {

    private static final String REQUEST_COLUMNS = "id, authorization_id, owner_name, requester, channel, reason,"
            + " message_ts, expires_at, stage, actor, decided_at, verified, version";

    /** How long a new delivery is left to the thread whose decision made it, before pollers may take it. */
    static final Duration FIRST_TRY_HOLD = Duration.ofSeconds(60);

    /** SQLSTATE of a duplicate key, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final javax.sql.DataSource db;
    private final MeterRegistry metrics;

    Ledger(
            RevokeSettings settings,
            MeterRegistry metrics,
            @DataSource(LedgerDatasources.SHARED) InjectableInstance<AgroalDataSource> shared,
            @DataSource(LedgerDatasources.EMBEDDED) InjectableInstance<AgroalDataSource> embedded) {
        this.db = settings.ledger().shared() ? shared.get() : embedded.get();
        this.metrics = metrics;
    }

    /** A request that can no longer be moved: someone else changed it first. */
    public record Moved(RevocationRequest request, List<Long> deliveries) {}

    /**
     * A delivery to plan together with a decision.
     *
     * @param byDecider the thread that decides tries it at once, so pollers leave it alone for a while
     */
    record Planned(DeliveryKind kind, String channel, boolean byDecider) {}

    /** Writes a new open request, with what was shown about its token. */
    void open(RevocationRequest request, String snapshot, Instant now) {
        inTransaction("open", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO revoke_request (id, authorization_id,"
                    + " owner_name, snapshot, requester, reason, channel, stage, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, request.id());
                s.setString(2, request.authorizationId());
                s.setString(3, request.owner());
                s.setString(4, snapshot);
                s.setString(5, request.requester());
                s.setString(6, request.reason());
                s.setString(7, request.channel());
                s.setString(8, Stage.OPEN.name());
                s.setTimestamp(9, Timestamp.from(now));
                s.setTimestamp(10, Timestamp.from(request.expiresAt()));
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<RevocationRequest> find(String requestId) {
        return inTransaction("find", c -> find(c, requestId));
    }

    /** Notes where Slack put the request message, with the decision that it was posted. */
    void posted(String requestId, String messageTs, DecisionRecord decision) {
        inTransaction("posted", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE revoke_request SET message_ts = ? WHERE id = ? AND message_ts IS NULL")) {
                s.setString(1, messageTs);
                s.setString(2, requestId);
                s.executeUpdate();
            }
            insertDecision(c, requestId, decision);
            return null;
        });
    }

    /** A decision that changes nothing (a refused click, say). */
    void record(String requestId, DecisionRecord decision) {
        inTransaction("record", c -> {
            insertDecision(c, requestId, decision);
            return null;
        });
    }

    /**
     * Moves {@code seen} to {@code stage} if nobody changed it since it was read, writing the decision
     * and planning the deliveries in the same transaction. Empty when another change won.
     *
     * @param claimUntil for {@link Stage#REVOKING}, until when the actor holds it
     */
    Optional<Moved> move(
            RevocationRequest seen,
            Stage stage,
            String actor,
            Instant at,
            boolean verified,
            Instant claimUntil,
            DecisionRecord decision,
            List<Planned> deliveries) {
        return inTransaction("move", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE revoke_request SET stage = ?, actor = ?,"
                    + " decided_at = ?, verified = ?, claim_until = ?, version = version + 1"
                    + " WHERE id = ? AND version = ?")) {
                s.setString(1, stage.name());
                s.setString(2, actor);
                s.setTimestamp(3, Timestamp.from(at));
                s.setBoolean(4, verified);
                if (claimUntil == null) {
                    s.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setTimestamp(5, Timestamp.from(claimUntil));
                }
                s.setString(6, seen.id());
                s.setInt(7, seen.version());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return Optional.<Moved>empty();
                }
            }
            if (decision != null) {
                insertDecision(c, seen.id(), decision);
            }
            List<Long> planned = new ArrayList<>();
            for (Planned delivery : deliveries) {
                planned.add(insertDelivery(c, seen.id(), delivery, at));
            }
            return Optional.of(new Moved(find(c, seen.id()).orElseThrow(), planned));
        });
    }

    /**
     * Requests that need settling: held past their claim (a replica died, or InfluxDB could not
     * say what a delete did), and open ones past their expiry.
     */
    List<String> unsettled(Instant now, int limit) {
        return inTransaction("unsettled", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM revoke_request"
                    + " WHERE (stage = 'REVOKING' AND claim_until <= ?)"
                    + " OR (stage = 'OPEN' AND expires_at <= ? AND message_ts IS NOT NULL)"
                    + " ORDER BY expires_at")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                s.setMaxRows(limit);
                return ids(s);
            }
        });
    }

    /** Whether the request is held by a click whose claim has not run out. */
    boolean isHeld(String requestId, Instant now) {
        return inTransaction("is_held", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM revoke_request WHERE id = ? AND stage = 'REVOKING' AND claim_until > ?")) {
                s.setString(1, requestId);
                s.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** Notes a signed request; false when it was noted before (a replay). */
    boolean firstSighting(String signature, Instant now) {
        return inTransaction("sighting", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO revoke_seen_request (signature, seen_at) VALUES (?, ?)")) {
                s.setString(1, signature);
                s.setTimestamp(2, Timestamp.from(now));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback();
                return false;
            }
        });
    }

    /** Forgets sightings older than {@code before}: their signatures can no longer pass verification. */
    void forgetSightingsBefore(Instant before) {
        inTransaction("forget_sightings", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM revoke_seen_request WHERE seen_at < ?")) {
                s.setTimestamp(1, Timestamp.from(before));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Outbox entries due for a try. */
    List<Long> dueDeliveries(Instant now, int limit) {
        return inTransaction("due_deliveries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM revoke_outbox WHERE delivered_at IS NULL"
                    + " AND given_up_at IS NULL AND next_attempt_at <= ? ORDER BY id")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setMaxRows(limit);
                return ids(s).stream().map(Long::valueOf).toList();
            }
        });
    }

    /**
     * Takes a delivery for one try, holding it until {@code holdUntil} so that no other thread or
     * replica tries it meanwhile: a due one, or ({@code firstTry}) one never tried, for the thread
     * whose decision made it. Empty when it is not to be taken (delivered, given up, or held).
     */
    Optional<Delivery> claimDelivery(long id, boolean firstTry, Instant now, Instant holdUntil) {
        return inTransaction("claim_delivery", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE revoke_outbox SET next_attempt_at = ?"
                    + " WHERE id = ? AND delivered_at IS NULL AND given_up_at IS NULL"
                    + (firstTry ? " AND attempts = 0 AND next_attempt_at > ?" : " AND next_attempt_at <= ?"))) {
                s.setTimestamp(1, Timestamp.from(holdUntil));
                s.setLong(2, id);
                s.setTimestamp(3, Timestamp.from(now));
                if (s.executeUpdate() != 1) {
                    return Optional.<Delivery>empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT request_id, kind, channel, attempts, created_at FROM revoke_outbox WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    RevocationRequest request =
                            find(c, row.getString("request_id")).orElseThrow();
                    return Optional.of(new Delivery(
                            id,
                            DeliveryKind.valueOf(row.getString("kind")),
                            row.getString("channel"),
                            request,
                            row.getInt("attempts"),
                            row.getTimestamp("created_at").toInstant()));
                }
            }
        });
    }

    void delivered(long id, Instant at) {
        updateDelivery("UPDATE revoke_outbox SET delivered_at = ?, last_error = NULL WHERE id = ?", id, at, null);
    }

    void retryDelivery(long id, Instant at, String error) {
        updateDelivery(
                "UPDATE revoke_outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?",
                id,
                at,
                error);
    }

    void giveUpDelivery(long id, Instant at, String error) {
        updateDelivery(
                "UPDATE revoke_outbox SET given_up_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?",
                id,
                at,
                error);
    }

    private void updateDelivery(String sql, long id, Instant at, String error) {
        inTransaction("update_delivery", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, Timestamp.from(at));
                if (error == null) {
                    s.setLong(2, id);
                } else {
                    s.setString(2, error);
                    s.setLong(3, id);
                }
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<RevocationRequest> find(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM revoke_request WHERE id = ?")) {
            s.setString(1, requestId);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp decidedAt = row.getTimestamp("decided_at");
                return Optional.of(new RevocationRequest(
                        row.getString("id"),
                        row.getString("authorization_id"),
                        row.getString("owner_name"),
                        row.getString("requester"),
                        row.getString("channel"),
                        row.getString("reason"),
                        row.getString("message_ts"),
                        row.getTimestamp("expires_at").toInstant(),
                        Stage.valueOf(row.getString("stage")),
                        row.getString("actor"),
                        decidedAt == null ? null : decidedAt.toInstant(),
                        row.getBoolean("verified"),
                        row.getInt("version")));
            }
        }
    }

    private static void insertDecision(Connection c, String requestId, DecisionRecord decision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO revoke_decision (request_id, event, actor,"
                + " outcome, reason, influx_status, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, requestId);
            s.setString(2, decision.event().name());
            s.setString(3, decision.actor());
            s.setString(4, decision.outcome().name());
            s.setString(5, decision.reason());
            s.setInt(6, decision.influxStatus());
            s.setTimestamp(7, Timestamp.from(decision.at()));
            s.executeUpdate();
        }
    }

    private static long insertDelivery(Connection c, String requestId, Planned delivery, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO revoke_outbox (request_id, kind, channel, created_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, requestId);
            s.setString(2, delivery.kind().name());
            s.setString(3, delivery.channel());
            s.setTimestamp(4, Timestamp.from(at));
            // Left to the thread that decided for its first try; pollers take it only if that try never ends.
            s.setTimestamp(5, Timestamp.from(delivery.byDecider() ? at.plus(FIRST_TRY_HOLD) : at));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<String> ids(PreparedStatement s) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, timed as {@code revoke_ledger_seconds{operation, outcome}};
     * any SQL failure rolls it back and is a {@link LedgerException}.
     */
    private <T> T inTransaction(String operation, Work<T> work) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
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
