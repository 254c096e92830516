package dev.revoketokenbot.revocation;

import dev.revoketokenbot.revocation.Ledger.Planned;
import dev.revoketokenbot.revocation.StageChanges.Presence;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * On every replica, now and then: expires open requests past their time (a deactivated one stays
 * deactivated, and says so), asks InfluxDB what became of changes nobody could confirm, and
 * forgets request signatures too old to replay. Each request is settled by compare-and-set, so
 * replicas doing this at once settle it once.
 */
@ApplicationScoped
public class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class);
    private static final int BATCH = 50;

    private final Ledger ledger;
    private final StageChanges changes;
    private final Replays replays;
    private final Clock clock;

    Settlement(Ledger ledger, StageChanges changes, Replays replays, Clock clock) {
        this.ledger = ledger;
        this.changes = changes;
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
                settle(requestId);
            }
            replays.forgetOld();
        } catch (LedgerException e) {
            LOG.warnf("Requests not settled this time: %s", e.getMessage());
        }
    }

    /**
     * Settles one request that needs it: expires an open one past its time, keeps a deactivated
     * one deactivated past its time, and asks InfluxDB what became of a change nobody could
     * confirm (a replica died holding it, or InfluxDB did not answer). What InfluxDB shows is
     * recorded, credited to the approver who clicked; a change that did not take effect reopens
     * the request and says so in the channel. Returns whether the request is settled.
     */
    boolean settle(String requestId) {
        Optional<RevocationRequest> found = ledger.find(requestId);
        if (found.isEmpty() || found.get().stage().isClosed()) {
            return true;
        }
        RevocationRequest request = found.get();
        Instant now = clock.instant();
        if (!request.stage().isHeld()) {
            Stage afterExpiry = request.stage() == Stage.OPEN ? Stage.EXPIRED : Stage.KEPT_DEACTIVATED;
            return !request.isExpiredAt(now)
                    || request.stage() == Stage.KEPT_DEACTIVATED
                    || changes.closeAs(request, afterExpiry, null, now).isPresent();
        }
        if (ledger.isHeld(requestId, now)) {
            return false;
        }
        Optional<RevocationRequest> taken =
                changes.hold(request, request.stage(), request.actor(), request.decidedAt());
        if (taken.isEmpty()) {
            return false;
        }
        RevocationRequest held = taken.get();
        Presence presence = changes.presence(held);
        if (presence == StageChanges.wanted(held.stage())) {
            return changes.succeeded(held, true, 0, false).isPresent();
        }
        if (presence == Presence.GONE) {
            return changes.closeAsGone(held, 404, false).isPresent();
        }
        if (presence == Presence.UNKNOWN) {
            changes.release(held, null);
            return false;
        }
        DecisionRecord notApplied =
                changes.decision(held, AuditOutcome.FAILED, Failure.code(StageChanges.notApplied(held.stage())), 0);
        return changes.reopen(
                        held,
                        presence,
                        notApplied,
                        List.of(new Planned(DeliveryKind.NOT_APPLIED, held.channel(), false)))
                .isPresent();
    }
}
