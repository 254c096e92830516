package dev.revoketokenbot.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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

    private final Ledger ledger;
    private final Clock clock;

    Replays(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Whether this is the first time the bot sees a request with this signature. When the ledger
     * cannot say, the request goes on: what it does next needs the ledger too, and fails there.
     */
    public boolean isFirstSighting(String signature) {
        try {
            return ledger.firstSighting(signature, clock.instant());
        } catch (LedgerException e) {
            LOG.warnf("Could not check for a replay: %s", e.getMessage());
            return true;
        }
    }

    void forgetOld() {
        ledger.forgetSightingsBefore(clock.instant().minus(REMEMBERED));
    }
}
