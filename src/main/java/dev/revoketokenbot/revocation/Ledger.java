package dev.revoketokenbot.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request ledger: requests, the decisions taken on them, and the deliveries a decision plans
 * ({@link OutboxRows} works through them). Every change of stage is a compare-and-set on the row's
 * version, in one transaction with its decision and its deliveries, so across replicas and
 * restarts exactly one change wins and nothing is half written. Plain SQL that PostgreSQL and H2
 * both run.
 */
@ApplicationScoped
public class Ledger {

    private static final String REQUEST_COLUMNS = "id, authorization_id, owner_name, requester, channel, reason,"
            + " message_ts, expires_at, stage, actor, decided_at, verified, version";

    /** How long a new delivery is left to the thread whose decision made it, before pollers may take it. */
    static final Duration FIRST_TRY_HOLD = Duration.ofSeconds(60);

    private final LedgerDatabase db;

    Ledger(LedgerDatabase db) {
        this.db = db;
    }

    /**
     * A request as a move left it, with the deliveries planned with the move that the deciding
     * thread holds for their first try.
     */
    public record Moved(RevocationRequest request, List<Delivery> deliveries) {}

    /**
     * A delivery to plan together with a decision.
     *
     * @param byDecider the thread that decides holds it for its first try, so pollers leave it alone for a while
     */
    record Planned(DeliveryKind kind, String channel, boolean byDecider) {}

    /** Writes a new open request, with what was shown about its token. */
    void open(RevocationRequest request, String snapshot, Instant now) {
        db.inTransaction("open", c -> {
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
        return db.inTransaction("find", c -> find(c, requestId));
    }

    /** Notes where Slack put the request message, with the decision that it was posted. */
    void posted(String requestId, String messageTs, DecisionRecord decision) {
        db.inTransaction("posted", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE revoke_request SET message_ts = ?, version = version + 1 WHERE id = ? AND message_ts IS NULL")) {
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
        db.inTransaction("record", c -> {
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
        return db.inTransaction("move", c -> {
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
            // The row now is what was seen, moved: the compare-and-set proved nobody else changed it.
            RevocationRequest moved = new RevocationRequest(
                    seen.id(),
                    seen.authorizationId(),
                    seen.owner(),
                    seen.requester(),
                    seen.channel(),
                    seen.reason(),
                    seen.messageTs(),
                    seen.expiresAt(),
                    stage,
                    actor,
                    at.truncatedTo(ChronoUnit.MICROS),
                    verified,
                    seen.version() + 1);
            List<Delivery> held = new ArrayList<>();
            for (Planned delivery : deliveries) {
                long id = insertDelivery(c, seen.id(), delivery, at);
                if (delivery.byDecider()) {
                    held.add(new Delivery(id, delivery.kind(), delivery.channel(), moved, 0, at));
                }
            }
            return Optional.of(new Moved(moved, held));
        });
    }

    /**
     * Requests that need settling: held past their claim (a replica died, or InfluxDB could not
     * say what a delete did), and open ones past their expiry.
     */
    List<String> unsettled(Instant now, int limit) {
        return db.inTransaction("unsettled", c -> {
            // Two index range scans (stage, expires_at), not a scan of every request ever made.
            try (PreparedStatement s =
                    c.prepareStatement("SELECT id FROM revoke_request WHERE stage = 'REVOKING' AND claim_until <= ?"
                            + " UNION ALL SELECT id FROM revoke_request"
                            + " WHERE stage = 'OPEN' AND expires_at <= ? AND message_ts IS NOT NULL")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                s.setMaxRows(limit);
                return LedgerDatabase.ids(s);
            }
        });
    }

    /** Whether the request is held by a click whose claim has not run out. */
    boolean isHeld(String requestId, Instant now) {
        return db.inTransaction("is_held", c -> {
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

    static Optional<RevocationRequest> find(Connection c, String requestId) throws SQLException {
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
}
