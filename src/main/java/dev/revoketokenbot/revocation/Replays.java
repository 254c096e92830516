package dev.revoketokenbot.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps a signed Slack request from being acted on twice: the first sighting of its signature is
 * noted in the ledger, so a replay within the signature's window is dropped on every replica.
 * Sightings are forgotten once no replay of them could pass verification.
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);
    /** Slack's signatures are accepted 5 minutes either side of now; twice that covers both edges. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /** SQLSTATE of a duplicate key, in PostgreSQL and H2 alike. */
    private final LedgerDatabase db;

    private final Clock clock;

    Replays(LedgerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Whether this is the first time the bot sees a request with this signature. When the ledger
     * cannot say, the request goes on: what it does next needs the ledger too, and fails there.
     */
    public boolean isFirstSighting(String signature) {
        try {
            return firstSighting(signature, clock.instant());
        } catch (LedgerException e) {
            LOG.warnf("Could not check for a replay: %s", e.getMessage());
            return true;
        }
    }

    void forgetOld() {
        forgetSightingsBefore(clock.instant().minus(REMEMBERED));
    }

    /** Notes a signed request; false when it was noted before (a replay). */
    boolean firstSighting(String signature, Instant now) {
        return db.inTransaction("sighting", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO revoke_seen_request (signature, seen_at) VALUES (?, ?)")) {
                s.setString(1, signature);
                s.setTimestamp(2, Timestamp.from(now));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!LedgerDatabase.isDuplicateKey(e)) {
                    throw e;
                }
                c.rollback();
                return false;
            }
        });
    }

    /** Forgets sightings older than {@code before}: their signatures can no longer pass verification. */
    void forgetSightingsBefore(Instant before) {
        db.inTransaction("forget_sightings", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM revoke_seen_request WHERE seen_at < ?")) {
                s.setTimestamp(1, Timestamp.from(before));
                s.executeUpdate();
            }
            return null;
        });
    }
}
