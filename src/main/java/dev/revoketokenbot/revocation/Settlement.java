package dev.revoketokenbot.revocation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * On every replica, now and then: expires open requests past their time, asks InfluxDB what
 * became of deletes nobody could confirm, and forgets request signatures too old to replay. Each request is settled by compare-and-set, so replicas
 * doing this at once settle it once.
 */
@ApplicationScoped
public class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class);
    private static final int BATCH = 50;

    private final Ledger ledger;
    private final RequestDecisions decisions;
    private final Replays replays;
    private final Clock clock;

    Settlement(Ledger ledger, RequestDecisions decisions, Replays replays, Clock clock) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.replays = replays;
        this.clock = clock;
    }

    @Scheduled(
            identity = "settle-requests",
            every = "${revoke.ledger.settle-every}",
            delayed = "${revoke.ledger.settle-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleDue() {
        try {
            for (String requestId : ledger.unsettled(clock.instant(), BATCH)) {
                decisions.settle(requestId);
            }
            replays.forgetOld();
        } catch (LedgerException e) {
            LOG.warnf("Requests not settled this time: %s", e.getMessage());
        }
    }
}
