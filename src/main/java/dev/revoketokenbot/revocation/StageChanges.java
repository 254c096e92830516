package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.influx.InfluxException;
import dev.revoketokenbot.influx.InfluxFailure;
import dev.revoketokenbot.influx.InfluxTargets;
import dev.revoketokenbot.influx.Token;
import dev.revoketokenbot.revocation.Ledger.Planned;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps clicks and settling share: what InfluxDB shows of a token, and moving a request to the
 * stage that shows, with its decision, its audit line, its message update and its channel record.
 */
@ApplicationScoped
class StageChanges {

    private final Ledger ledger;
    private final InfluxTargets influx;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;

    StageChanges(Ledger ledger, InfluxTargets influx, AuditLog audit, Clock clock, RevokeSettings settings) {
        this.ledger = ledger;
        this.influx = influx;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** What InfluxDB shows of a token. */
    enum Presence {
        GONE,
        ACTIVE,
        INACTIVE,
        /** InfluxDB could not be read. */
        UNKNOWN
    }

    /** What the request's InfluxDB target says of its token now: a revoked token still listed is gone. */
    Presence presence(RevocationRequest request) {
        try {
            Token token = influx.of(request.target()).find(request.tokenId());
            if (token.isRevoked()) {
                return Presence.GONE;
            }
            return Token.INACTIVE.equals(token.status()) ? Presence.INACTIVE : Presence.ACTIVE;
        } catch (InfluxException e) {
            return e.failure() == InfluxFailure.NOT_FOUND ? Presence.GONE : Presence.UNKNOWN;
        }
    }

    /** What InfluxDB shows once a held stage's change took effect. */
    static Presence wanted(Stage held) {
        return switch (held) {
            case REVOKING -> Presence.GONE;
            case DEACTIVATING -> Presence.INACTIVE;
            case REACTIVATING -> Presence.ACTIVE;
            default -> throw new IllegalArgumentException(held + " is not held");
        };
    }

    /**
     * Where a request goes back to when its change did not take effect: the stage that matches
     * the token's status (a deactivated one past its time stays deactivated, kept).
     */
    static Stage unchangedStage(Presence presence, RevocationRequest held, Instant now) {
        if (presence == Presence.ACTIVE) {
            return Stage.OPEN;
        }
        return held.isExpiredAt(now) ? Stage.KEPT_DEACTIVATED : Stage.DEACTIVATED;
    }

    static Problem notApplied(Stage held) {
        return held == Stage.REVOKING ? Problem.DELETE_NOT_APPLIED : Problem.STATUS_NOT_APPLIED;
    }

    /**
     * Records a held request's change as done: revoked, deactivated or reactivated. {@code byClick}
     * when the clicking thread delivers at once.
     */
    Optional<ClickOutcome> succeeded(RevocationRequest held, boolean verified, int status, boolean byClick) {
        Stage done;
        AuditOutcome outcome;
        switch (held.stage()) {
            case REVOKING -> {
                done = Stage.REVOKED;
                outcome = AuditOutcome.REVOKED;
            }
            case DEACTIVATING -> {
                done = Stage.DEACTIVATED;
                outcome = AuditOutcome.DEACTIVATED;
            }
            case REACTIVATING -> {
                done = Stage.REACTIVATED;
                outcome = AuditOutcome.REACTIVATED;
            }
            default -> throw new IllegalStateException("request " + held.id() + " is not held");
        }
        DecisionRecord decision = decision(held, outcome, verified ? "verified" : "not_read_back", status);
        return move(held, done, held.actor(), verified, decision, deliveries(held, byClick));
    }

    /** The token was gone when this request came to change it: nothing was done by this request. */
    Optional<ClickOutcome> closeAsGone(RevocationRequest held, int status, boolean byClick) {
        DecisionRecord decision = decision(held, AuditOutcome.ALREADY_GONE, null, status);
        return move(held, Stage.GONE, held.actor(), false, decision, deliveries(held, byClick));
    }

    /**
     * Closes an open request as cancelled or expired ({@code actor} null when time did it), or keeps
     * a deactivated one deactivated after its time.
     */
    Optional<ClickOutcome> closeAs(RevocationRequest request, Stage stage, String actor, Instant now) {
        AuditEvent event = stage == Stage.CANCELLED ? AuditEvent.CANCEL : AuditEvent.EXPIRE;
        AuditOutcome outcome = switch (stage) {
            case CANCELLED -> AuditOutcome.CANCELLED;
            case EXPIRED -> AuditOutcome.EXPIRED;
            case KEPT_DEACTIVATED -> AuditOutcome.KEPT_DEACTIVATED;
            default -> throw new IllegalArgumentException(stage + " is not closed by a click or by time");
        };
        DecisionRecord decision = new DecisionRecord(event, actor, outcome, null, 0, now);
        // Kept deactivated: the message still names who deactivated it, and when.
        boolean kept = stage == Stage.KEPT_DEACTIVATED;
        return ledger.move(
                        request,
                        stage,
                        kept ? request.actor() : actor,
                        kept ? request.decidedAt() : now,
                        request.verified(),
                        null,
                        decision,
                        deliveries(request, actor != null))
                .map(moved -> changed(moved, decision));
    }

    /**
     * Sends a held request back to the stage its token shows, after a change that did not take
     * effect, with the failure's decision and the deliveries that say so.
     */
    Optional<Ledger.Moved> reopen(
            RevocationRequest held, Presence presence, DecisionRecord failed, List<Planned> deliveries) {
        Instant now = clock.instant();
        return ledger.move(
                        held, unchangedStage(presence, held, now), held.actor(), now, false, null, failed, deliveries)
                .map(moved -> {
                    audit.write(held, failed);
                    return moved;
                });
    }

    /** Lets go of a held request at once, so settling asks InfluxDB again; with its decision, if any. */
    Optional<RevocationRequest> release(RevocationRequest held, DecisionRecord decision) {
        return ledger.move(
                        held, held.stage(), held.actor(), held.decidedAt(), false, clock.instant(), decision, List.of())
                .map(Ledger.Moved::request);
    }

    /** Holds a request for {@code actor} while InfluxDB is changed or asked: a claim that runs out. */
    Optional<RevocationRequest> hold(RevocationRequest request, Stage held, String actor, Instant at) {
        return ledger.move(
                        request,
                        held,
                        actor,
                        at,
                        false,
                        clock.instant().plus(settings.ledger().claimLease()),
                        null,
                        List.of())
                .map(Ledger.Moved::request);
    }

    DecisionRecord decision(RevocationRequest held, AuditOutcome outcome, String reason, int influxStatus) {
        AuditEvent event = switch (held.stage()) {
            case DEACTIVATING -> AuditEvent.DEACTIVATE;
            case REACTIVATING -> AuditEvent.REACTIVATE;
            default -> AuditEvent.REVOKE;
        };
        return new DecisionRecord(event, held.actor(), outcome, reason, influxStatus, clock.instant());
    }

    private Optional<ClickOutcome> move(
            RevocationRequest held,
            Stage stage,
            String actor,
            boolean verified,
            DecisionRecord decision,
            List<Planned> deliveries) {
        return ledger.move(held, stage, actor, decision.at(), verified, null, decision, deliveries)
                .map(moved -> changed(moved, decision));
    }

    private ClickOutcome changed(Ledger.Moved moved, DecisionRecord decision) {
        audit.write(moved.request(), decision);
        return new ClickOutcome.Changed(moved.request(), moved.deliveries());
    }

    /** Every change of stage updates the request message and leaves a record in the audit channel. */
    private List<Planned> deliveries(RevocationRequest request, boolean byClick) {
        String auditChannel = settings.auditChannel().filter(c -> !c.isBlank()).orElse(request.channel());
        return List.of(
                new Planned(DeliveryKind.UPDATE_REQUEST, request.channel(), byClick),
                new Planned(DeliveryKind.RECORD, auditChannel, byClick));
    }
}
