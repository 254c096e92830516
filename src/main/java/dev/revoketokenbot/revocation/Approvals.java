package dev.revoketokenbot.revocation;

import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Approvals gathered toward the number of distinct approvers an action needs: one row per request,
 * action and approver, so the same person counts once, and approvals on several replicas add up.
 */
@ApplicationScoped
class Approvals {

    private final LedgerDatabase db;

    Approvals(LedgerDatabase db) {
        this.db = db;
    }

    /** What counting one approval came to. */
    enum Approved {
        /** Counted. */
        COUNTED,
        /** This approver had approved this action before: it counts once. */
        ALREADY,
        /** The request moved on since it was read: read it again. */
        STALE
    }

    /**
     * Counts {@code approver}'s approval of {@code action} on the request {@code seen}, with its
     * decision, if the request is still where it was seen. Approvals do not compete: two at the same
     * instant both count. The request's version moves on, so a click that read it before acts on
     * what it is now.
     */
    Approved approve(RevocationRequest seen, Intent action, String approver, DecisionRecord decision) {
        return db.inTransaction("approve", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE revoke_request SET version = version + 1 WHERE id = ? AND stage = ?")) {
                s.setString(1, seen.id());
                s.setString(2, seen.stage().name());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return Approved.STALE;
                }
            }
            if (approvers(c, seen.id(), action).contains(approver)) {
                c.rollback();
                return Approved.ALREADY;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO revoke_approval"
                    + " (request_id, action, approver, approved_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, seen.id());
                s.setString(2, action.name());
                s.setString(3, approver);
                s.setTimestamp(4, Timestamp.from(decision.at()));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!LedgerDatabase.isDuplicateKey(e)) {
                    throw e;
                }
                // The same approver's other click, on another replica, counted first.
                c.rollback();
                return Approved.ALREADY;
            }
            Ledger.insertDecision(c, seen.id(), decision);
            return Approved.COUNTED;
        });
    }

    /** Who approved {@code action} on the request, first approver first. */
    List<String> approvers(String requestId, Intent action) {
        return db.inTransaction("approvers", c -> approvers(c, requestId, action));
    }

    static List<String> approvers(Connection c, String requestId, Intent action) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT approver FROM revoke_approval"
                + " WHERE request_id = ? AND action = ? ORDER BY approved_at, approver")) {
            s.setString(1, requestId);
            s.setString(2, action.name());
            return LedgerDatabase.ids(s);
        }
    }
}
