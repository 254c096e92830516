package dev.revoketokenbot.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ledger's rows as tests read (and, to stand in for time passing, change) them: straight SQL on
 * the datasource the bot uses, so what a test sees is what the bot wrote.
 */
public final class LedgerRows {

    private final DataSource db;

    public LedgerRows(DataSource db) {
        this.db = db;
    }

    /** Forgets every request, so that nothing one test left is delivered or settled in another. */
    public void clear() {
        update("DELETE FROM revoke_outbox");
        update("DELETE FROM revoke_decision");
        update("DELETE FROM revoke_approval");
        update("DELETE FROM revoke_request");
        update("DELETE FROM revoke_seen_request");
    }

    /** Moves a request's expiry into the past, as if its time ran out. */
    public void expire(String requestId) {
        update(
                "UPDATE revoke_request SET expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)),
                requestId);
    }

    /** Moves the request to another InfluxDB target, as a restart with other targets would leave it. */
    public void retarget(String requestId, String target) {
        update("UPDATE revoke_request SET target = ? WHERE id = ?", target, requestId);
    }

    public String stage(String requestId) {
        return strings("SELECT stage FROM revoke_request WHERE id = ?", requestId)
                .get(0);
    }

    public Instant expiresAt(String requestId) {
        return Instant.parse(strings("SELECT expires_at FROM revoke_request WHERE id = ?", requestId)
                .get(0));
    }

    /** The request's decisions in order, each as {@code event:outcome}. */
    public List<String> decisions(String requestId) {
        return strings(
                "SELECT LOWER(event) || ':' || LOWER(outcome) FROM revoke_decision WHERE request_id = ? ORDER BY id",
                requestId);
    }

    /** Outbox entries Slack has not taken yet. */
    public List<String> undelivered() {
        return strings("SELECT kind FROM revoke_outbox WHERE delivered_at IS NULL ORDER BY id");
    }

    private void update(String sql, Object... values) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql, Object... values) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object value = r.getObject(1);
                    rows.add(value instanceof Timestamp t ? t.toInstant().toString() : String.valueOf(value));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
