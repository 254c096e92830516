package dev.revoketokenbot.revocation;

import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    private static final String REQUEST_COLUMNS =
            "id, target, authorization_id, owner_name, requester, channel, reason,"
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
            try (PreparedStatement s = c.prepareStatement("INSERT INTO revoke_request (id, target, authorization_id,"
                    + " owner_name, snapshot, requester, reason, channel, stage, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, request.id());
                s.setString(2, request.target());
                s.setString(3, request.tokenId());
                s.setString(4, request.owner());
                s.setString(5, snapshot);
                s.setString(6, request.requester());
                s.setString(7, request.reason());
                s.setString(8, request.channel());
                s.setString(9, Stage.OPEN.name());
                s.setTimestamp(10, Timestamp.from(now));
                s.setTimestamp(11, Timestamp.from(request.expiresAt()));
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
            Long decisionId = decision == null ? null : insertDecision(c, seen.id(), decision);
            // The row now is what was seen, moved: the compare-and-set proved nobody else changed it.
            RevocationRequest moved = new RevocationRequest(
                    seen.id(),
                    seen.target(),
                    seen.tokenId(),
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
            Instant plannedAt = decision == null ? at : decision.at();
            return Optional.of(new Moved(moved, plan(c, moved, deliveries, decisionId, decision, plannedAt)));
        });
    }

    /**
     * Requests that need settling: held past their claim (a replica died, or InfluxDB could not
     * say what a change did), and open or deactivated ones past their expiry.
     */
    List<String> unsettled(Instant now, int limit) {
        return db.inTransaction("unsettled", c -> {
            // Index range scans (stage, expires_at), not a scan of every request ever made.
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM revoke_request WHERE stage IN ('REVOKING', 'DEACTIVATING', 'REACTIVATING')"
                            + " AND claim_until <= ?"
                            + " UNION ALL SELECT id FROM revoke_request"
                            + " WHERE stage = 'OPEN' AND expires_at <= ? AND message_ts IS NOT NULL"
                            + " UNION ALL SELECT id FROM revoke_request WHERE stage = 'DEACTIVATED' AND expires_at <= ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(now));
                s.setMaxRows(limit);
                return LedgerDatabase.ids(s);
            }
        });
    }

    /** Plans deliveries for the request as it is now, outside any move (an approval's progress, say). */
    List<Delivery> plan(String requestId, List<Planned> deliveries, Instant at) {
        return db.inTransaction("plan", c -> plan(c, find(c, requestId).orElseThrow(), deliveries, null, null, at));
    }

    /**
     * A request with what its message showed of the token, the approvals gathered on it, and its
     * latest deactivation (who, when, whether verified), which its message names while it lasts.
     */
    record Entry(
            RevocationRequest request,
            String snapshot,
            Map<Intent, List<String>> approvers,
            Optional<DecisionRecord> deactivation) {}

    /** The request with its snapshot and approvals, read in one transaction; empty when unknown. */
    Optional<Entry> entry(String requestId) {
        return db.inTransaction("entry", c -> {
            Optional<RevocationRequest> request = find(c, requestId);
            if (request.isEmpty()) {
                return Optional.<Entry>empty();
            }
            String snapshot;
            try (PreparedStatement s = c.prepareStatement("SELECT snapshot FROM revoke_request WHERE id = ?")) {
                s.setString(1, requestId);
                snapshot = LedgerDatabase.ids(s).get(0);
            }
            Map<Intent, List<String>> approvers = new EnumMap<>(Intent.class);
            for (Intent action : List.of(Intent.DEACTIVATE, Intent.REVOKE)) {
                approvers.put(action, Approvals.approvers(c, requestId, action));
            }
            return Optional.of(new Entry(request.get(), snapshot, approvers, deactivation(c, requestId)));
        });
    }

    private static Optional<DecisionRecord> deactivation(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT actor, reason, influx_status, decided_at"
                + " FROM revoke_decision WHERE request_id = ? AND outcome = 'DEACTIVATED' ORDER BY id DESC")) {
            s.setString(1, requestId);
            s.setMaxRows(1);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DecisionRecord(
                        AuditEvent.DEACTIVATE,
                        row.getString("actor"),
                        AuditOutcome.DEACTIVATED,
                        row.getString("reason"),
                        row.getInt("influx_status"),
                        row.getTimestamp("decided_at").toInstant()));
            }
        }
    }

    /** Whether the request is held by a click whose claim has not run out. */
    boolean isHeld(String requestId, Instant now) {
        return db.inTransaction("is_held", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM revoke_request WHERE id = ? AND stage IN ('REVOKING', 'DEACTIVATING', 'REACTIVATING')"
                            + " AND claim_until > ?")) {
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
                        row.getString("target"),
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

    static long insertDecision(Connection c, String requestId, DecisionRecord decision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO revoke_decision (request_id, event, actor,"
                        + " outcome, reason, influx_status, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, requestId);
            s.setString(2, decision.event().name());
            s.setString(3, decision.actor());
            s.setString(4, decision.outcome().name());
            s.setString(5, decision.reason());
            s.setInt(6, decision.influxStatus());
            s.setTimestamp(7, Timestamp.from(decision.at()));
            s.executeUpdate();
            return generatedId(s);
        }
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /**
     * Writes the deliveries a decision plans, and returns those the deciding thread holds for their
     * first try.
     */
    private static List<Delivery> plan(
            Connection c,
            RevocationRequest request,
            List<Planned> deliveries,
            Long decisionId,
            DecisionRecord decision,
            Instant at)
            throws SQLException {
        List<Delivery> held = new ArrayList<>();
        for (Planned delivery : deliveries) {
            long id = insertDelivery(c, request.id(), delivery, at, decisionId);
            if (delivery.byDecider()) {
                held.add(new Delivery(id, delivery.kind(), delivery.channel(), request, decision, 0, at));
            }
        }
        return held;
    }

    private static long insertDelivery(Connection c, String requestId, Planned delivery, Instant at, Long decisionId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO revoke_outbox (request_id, kind, channel, created_at, next_attempt_at, decision_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, requestId);
            s.setString(2, delivery.kind().name());
            s.setString(3, delivery.channel());
            s.setTimestamp(4, Timestamp.from(at));
            // Left to the thread that decided for its first try; pollers take it only if that try never ends.
            s.setTimestamp(5, Timestamp.from(delivery.byDecider() ? at.plus(FIRST_TRY_HOLD) : at));
            if (decisionId == null) {
                s.setNull(6, Types.BIGINT);
            } else {
                s.setLong(6, decisionId);
            }
            s.executeUpdate();
            return generatedId(s);
        }
    }
}
