package dev.revoketokenbot.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's rows: the deliveries decisions planned (see {@link Ledger#move}), taken one try at
 * a time and marked delivered, due again later, or given up.
 */
@ApplicationScoped
class OutboxRows {

    private final LedgerDatabase db;

    OutboxRows(LedgerDatabase db) {
        this.db = db;
    }

    /** Outbox entries due for a try. */
    List<Long> dueDeliveries(Instant now, int limit) {
        return db.inTransaction("due_deliveries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM revoke_outbox WHERE delivered_at IS NULL"
                    + " AND given_up_at IS NULL AND next_attempt_at <= ? ORDER BY id")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setMaxRows(limit);
                return LedgerDatabase.ids(s).stream().map(Long::valueOf).toList();
            }
        });
    }

    /**
     * Takes a due delivery for one try, holding it until {@code holdUntil} so that no other thread
     * or replica tries it meanwhile. Empty when it is not to be taken (delivered, given up, or held).
     */
    Optional<Delivery> claimDelivery(long id, Instant now, Instant holdUntil) {
        return db.inTransaction("claim_delivery", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE revoke_outbox SET next_attempt_at = ?"
                    + " WHERE id = ? AND delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?")) {
                s.setTimestamp(1, Timestamp.from(holdUntil));
                s.setLong(2, id);
                s.setTimestamp(3, Timestamp.from(now));
                if (s.executeUpdate() != 1) {
                    return Optional.<Delivery>empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT o.request_id, o.kind, o.channel, o.attempts,"
                    + " o.created_at, d.event, d.actor, d.outcome, d.reason, d.influx_status, d.decided_at"
                    + " FROM revoke_outbox o LEFT JOIN revoke_decision d ON d.id = o.decision_id WHERE o.id = ?")) {
                s.setLong(1, id);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    RevocationRequest request =
                            Ledger.find(c, row.getString("request_id")).orElseThrow();
                    DecisionRecord decision = row.getString("event") == null
                            ? null
                            : new DecisionRecord(
                                    AuditEvent.valueOf(row.getString("event")),
                                    row.getString("actor"),
                                    AuditOutcome.valueOf(row.getString("outcome")),
                                    row.getString("reason"),
                                    row.getInt("influx_status"),
                                    row.getTimestamp("decided_at").toInstant());
                    return Optional.of(new Delivery(
                            id,
                            DeliveryKind.valueOf(row.getString("kind")),
                            row.getString("channel"),
                            request,
                            decision,
                            row.getInt("attempts"),
                            row.getTimestamp("created_at").toInstant()));
                }
            }
        });
    }

    /** Marks deliveries Slack took, all in one transaction. */
    void delivered(List<Long> ids, Instant at) {
        db.inTransaction("update_delivery", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE revoke_outbox SET delivered_at = ?, last_error = NULL WHERE id = ?")) {
                for (long id : ids) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setLong(2, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
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
        db.inTransaction("update_delivery", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, error);
                s.setLong(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }
}
