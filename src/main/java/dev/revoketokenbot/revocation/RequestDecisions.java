package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.influx.Authorization;
import dev.revoketokenbot.influx.InfluxAuthorizations;
import dev.revoketokenbot.influx.InfluxException;
import dev.revoketokenbot.influx.InfluxFailure;
import dev.revoketokenbot.revocation.Ledger.Moved;
import dev.revoketokenbot.revocation.Ledger.Planned;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Decides clicks on requests against the ledger, and lets InfluxDB judge what a change did. A click
 * is checked (signature, binding, stage, policy), counted toward the approvals its action needs,
 * and then holds the request by compare-and-set, so exactly one click acts across replicas and
 * restarts. After a change the token is read again: what InfluxDB shows is what is recorded. No
 * answer leaves the request held, and {@link #settle} asks again later. "Nothing was changed" is
 * only said when InfluxDB shows it.
 */
@ApplicationScoped
public class RequestDecisions {

    private static final Logger LOG = Logger.getLogger(RequestDecisions.class);
    /** A click that keeps losing compare-and-sets to other changes gives up after this many reads. */
    private static final int MAX_READS = 4;

    private final Ledger ledger;
    private final InfluxAuthorizations influx;
    private final ButtonSigner signer;
    private final Approvers approvers;
    private final RequestViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;

    RequestDecisions(
            Ledger ledger,
            InfluxAuthorizations influx,
            ButtonSigner signer,
            Approvers approvers,
            RequestViews views,
            AuditLog audit,
            Clock clock,
            RevokeSettings settings) {
        this.ledger = ledger;
        this.influx = influx;
        this.signer = signer;
        this.approvers = approvers;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A click as the Slack room reads it.
     *
     * @param buttonValue the clicked button's value: the signed request ID
     * @param boundRequestId the request ID the clicked button's block names
     */
    public record Click(Intent intent, String buttonValue, String boundRequestId, String actor, String channel) {}

    public ClickOutcome decide(Click click) {
        AuditEvent event = eventOf(click.intent());
        Optional<String> requestId = signer.open(click.buttonValue());
        if (requestId.isEmpty()) {
            audit.write(null, refusal(event, click.actor(), "tampered"));
            return new ClickOutcome.Tampered();
        }
        if (!requestId.get().equals(click.boundRequestId())) {
            audit.write(null, refusal(event, click.actor(), lower(Decision.WRONG_REQUEST)));
            return new ClickOutcome.Refused(Decision.WRONG_REQUEST);
        }
        if (!RevocationPolicy.isChannelAllowed(settings.allowedChannels().orElse(Set.of()), click.channel())) {
            audit.write(null, refusal(event, click.actor(), lower(Decision.CHANNEL_NOT_ALLOWED)));
            return new ClickOutcome.Refused(Decision.CHANNEL_NOT_ALLOWED);
        }
        try {
            for (int read = 0; read < MAX_READS; read++) {
                Optional<RevocationRequest> request = ledger.find(requestId.get());
                if (request.isEmpty()) {
                    audit.write(null, refusal(event, click.actor(), "unknown_request"));
                    return new ClickOutcome.UnknownRequest();
                }
                Optional<ClickOutcome> outcome = decide(click, event, request.get());
                if (outcome.isPresent()) {
                    return outcome.get();
                }
            }
            return new ClickOutcome.InProgress(ledger.find(requestId.get()).orElseThrow());
        } catch (LedgerException e) {
            LOG.errorf("Click by %s not decided: %s", click.actor(), e.getMessage());
            return new ClickOutcome.LedgerDown();
        }
    }

    /** The click's outcome, or empty when another change won the request first (read it again). */
    private Optional<ClickOutcome> decide(Click click, AuditEvent event, RevocationRequest request) {
        if (request.stage().isClosed()) {
            return Optional.of(new ClickOutcome.AlreadyClosed(request));
        }
        if (request.stage().isHeld()) {
            return Optional.of(new ClickOutcome.InProgress(request));
        }
        Instant now = clock.instant();
        Decision decision = click.intent() == Intent.DEACTIVATE
                        && !influx.kind().canDeactivate()
                ? Decision.NOT_SUPPORTED
                : RevocationPolicy.decide(
                        click.intent(),
                        request,
                        click.actor(),
                        click.channel(),
                        () -> approvers.check(click.actor()),
                        new RevocationPolicy.Rules(settings.selfApproval(), settings.deactivateApprovals() == 0),
                        now);
        if (decision == Decision.EXPIRED) {
            return closeAs(request, Stage.EXPIRED, click.actor(), now);
        }
        if (decision != Decision.ALLOW) {
            DecisionRecord refused = refusal(event, click.actor(), lower(decision));
            ledger.record(request.id(), refused);
            audit.write(request, refused);
            return Optional.of(new ClickOutcome.Refused(decision));
        }
        if (click.intent() == Intent.CANCEL) {
            return closeAs(request, Stage.CANCELLED, click.actor(), now);
        }
        int needed = views.needed(click.intent());
        return needed > 1
                ? gather(click, event, request, needed, now)
                : hold(request, click.intent(), click.actor(), now);
    }

    /**
     * Counts the click toward the approvals its action needs: short of them, the message shows the
     * progress; with them, this click acts.
     */
    private Optional<ClickOutcome> gather(
            Click click, AuditEvent event, RevocationRequest request, int needed, Instant now) {
        DecisionRecord approval = new DecisionRecord(event, click.actor(), AuditOutcome.APPROVED, null, 0, now);
        Ledger.Approved approved = ledger.approve(request, click.intent(), click.actor(), approval);
        if (approved == Ledger.Approved.STALE) {
            return Optional.empty();
        }
        if (approved == Ledger.Approved.COUNTED) {
            audit.write(request, approval);
        }
        List<String> approvedBy = ledger.approvers(request.id(), click.intent());
        if (approvedBy.size() < needed) {
            if (approved == Ledger.Approved.ALREADY) {
                audit.write(request, refusal(event, click.actor(), "already_approved"));
                return Optional.of(new ClickOutcome.AlreadyApproved(request, click.intent(), approvedBy, needed));
            }
            List<Delivery> progress = ledger.plan(
                    request.id(), List.of(new Planned(DeliveryKind.UPDATE_REQUEST, request.channel(), true)), now);
            return Optional.of(new ClickOutcome.Approved(request, click.intent(), approvedBy, needed, progress));
        }
        // Enough approvers: act on the request as it is now (counting moved its version on).
        return ledger.find(request.id())
                .filter(current -> current.stage() == request.stage())
                .flatMap(current -> hold(current, click.intent(), click.actor(), now));
    }

    /** Holds the request for this click, then makes the change in InfluxDB; empty when another change won. */
    private Optional<ClickOutcome> hold(RevocationRequest request, Intent intent, String actor, Instant now) {
        Stage held = switch (intent) {
            case DEACTIVATE -> Stage.DEACTIVATING;
            case REACTIVATE -> Stage.REACTIVATING;
            case REVOKE -> Stage.REVOKING;
            case CANCEL -> throw new IllegalArgumentException("a cancel holds nothing");
        };
        return ledger.move(
                        request,
                        held,
                        actor,
                        now,
                        false,
                        now.plus(settings.ledger().claimLease()),
                        null,
                        List.of())
                .map(moved -> change(moved.request()));
    }

    /** Changes the token of a request this click holds, then lets InfluxDB say what happened. */
    private ClickOutcome change(RevocationRequest held) {
        try {
            try {
                boolean found = switch (held.stage()) {
                    case REVOKING -> influx.delete(held.authorizationId());
                    case DEACTIVATING -> setStatus(held, InfluxAuthorizations.INACTIVE);
                    case REACTIVATING -> setStatus(held, InfluxAuthorizations.ACTIVE);
                    default -> throw new IllegalStateException("request " + held.id() + " is not held");
                };
                if (!found) {
                    return closeAsGone(held, 404, true).orElseGet(() -> readAgain(held.id()));
                }
                return judge(held, null);
            } catch (InfluxException e) {
                return judge(held, e);
            }
        } catch (LedgerException e) {
            // The change may have happened: the request stays held, and settling reads InfluxDB later.
            LOG.errorf("Outcome of request %s not recorded: %s", held.id(), e.getMessage());
            return new ClickOutcome.Unconfirmed(held);
        }
    }

    /** Sets the token's status; false when InfluxDB no longer has the token. */
    private boolean setStatus(RevocationRequest held, String status) {
        try {
            influx.setStatus(held.authorizationId(), status);
            return true;
        } catch (InfluxException e) {
            if (e.failure() == InfluxFailure.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Reads the token again after a change ({@code changeFailure} null when InfluxDB accepted it)
     * and records what InfluxDB shows.
     */
    private ClickOutcome judge(RevocationRequest held, InfluxException changeFailure) {
        int status = changeFailure == null ? acceptedStatus(held.stage()) : changeFailure.status();
        Presence presence = presence(held.authorizationId());
        if (presence == wanted(held.stage()) || (presence == Presence.UNKNOWN && changeFailure == null)) {
            // Done, or InfluxDB accepted the change but could not be read back: done, verified only if read.
            return succeeded(held, presence != Presence.UNKNOWN, status, true).orElseGet(() -> readAgain(held.id()));
        }
        if (presence == Presence.GONE) {
            return closeAsGone(held, status, true).orElseGet(() -> readAgain(held.id()));
        }
        Instant now = clock.instant();
        Failure.Operation operation = operation(held.stage());
        if (presence == Presence.UNKNOWN) {
            DecisionRecord unconfirmed = decision(
                    held,
                    AuditOutcome.UNCONFIRMED,
                    Failure.code(Failure.from(changeFailure, operation, Problem.NOT_FOUND)
                            .problem()),
                    status);
            // Let settling take over at once: it asks InfluxDB until InfluxDB can say.
            Optional<Moved> released =
                    ledger.move(held, held.stage(), held.actor(), held.decidedAt(), false, now, unconfirmed, List.of());
            audit.write(held, unconfirmed);
            return new ClickOutcome.Unconfirmed(released.map(Moved::request).orElse(held));
        }
        Failure failure = changeFailure == null
                ? Failure.of(notApplied(held.stage()), operation)
                : Failure.from(changeFailure, operation, Problem.NOT_FOUND);
        DecisionRecord failed = decision(held, AuditOutcome.FAILED, Failure.code(failure.problem()), status);
        Optional<Moved> reopened = putBack(held, presence, now, failed, List.of());
        if (reopened.isEmpty()) {
            return readAgain(held.id());
        }
        audit.write(held, failed);
        return new ClickOutcome.Failed(reopened.get().request(), failure);
    }

    /**
     * Settles one request that needs it: expires an open one past its time (a deactivated one stays
     * deactivated), and asks InfluxDB what became of a change nobody could confirm (a replica died
     * holding it, or InfluxDB did not answer). What InfluxDB shows is recorded, credited to the
     * approver who clicked; a change that did not take effect reopens the request and says so in
     * the channel. Returns whether the request is settled.
     */
    boolean settle(String requestId) {
        Optional<RevocationRequest> found = ledger.find(requestId);
        if (found.isEmpty() || found.get().stage().isClosed()) {
            return true;
        }
        RevocationRequest request = found.get();
        Instant now = clock.instant();
        if (request.stage() == Stage.OPEN) {
            return !request.isExpiredAt(now)
                    || closeAs(request, Stage.EXPIRED, null, now).isPresent();
        }
        if (request.stage() == Stage.DEACTIVATED) {
            return !request.isExpiredAt(now)
                    || closeAs(request, Stage.KEPT_DEACTIVATED, null, now).isPresent();
        }
        if (!request.stage().isHeld()) {
            return true;
        }
        if (ledger.isHeld(requestId, now)) {
            return false;
        }
        Optional<Moved> taken = ledger.move(
                request,
                request.stage(),
                request.actor(),
                request.decidedAt(),
                false,
                now.plus(settings.ledger().claimLease()),
                null,
                List.of());
        if (taken.isEmpty()) {
            return false;
        }
        RevocationRequest held = taken.get().request();
        Presence presence = presence(held.authorizationId());
        if (presence == wanted(held.stage())) {
            return succeeded(held, true, 0, false).isPresent();
        }
        if (presence == Presence.GONE) {
            return closeAsGone(held, 404, false).isPresent();
        }
        if (presence == Presence.UNKNOWN) {
            ledger.move(held, held.stage(), held.actor(), held.decidedAt(), false, now, null, List.of());
            return false;
        }
        DecisionRecord notApplied = decision(held, AuditOutcome.FAILED, Failure.code(notApplied(held.stage())), 0);
        Optional<Moved> reopened = putBack(
                held, presence, now, notApplied, List.of(new Planned(DeliveryKind.NOT_APPLIED, held.channel(), false)));
        reopened.ifPresent(r -> audit.write(held, notApplied));
        return reopened.isPresent();
    }

    /**
     * Moves a held request whose change did not take effect back to the stage that matches the
     * token's status. Back in a deactivated stage, it is again the deactivation that the message
     * names: who deactivated it, when, and whether that was verified, not the click that failed.
     */
    private Optional<Moved> putBack(
            RevocationRequest held, Presence presence, Instant now, DecisionRecord decision, List<Planned> deliveries) {
        Stage stage = unchangedStage(presence, held, now);
        Optional<DecisionRecord> deactivation =
                stage.isDeactivated() ? ledger.lastDecision(held.id(), AuditOutcome.DEACTIVATED) : Optional.empty();
        return ledger.move(
                held,
                stage,
                deactivation.map(DecisionRecord::actor).orElse(held.actor()),
                deactivation.map(DecisionRecord::at).orElse(now),
                deactivation.map(d -> "verified".equals(d.reason())).orElse(false),
                null,
                decision,
                deliveries);
    }

    /**
     * Records a held request's change as done: revoked, deactivated or reactivated. {@code byClick}
     * when the clicking thread delivers at once.
     */
    private Optional<ClickOutcome> succeeded(RevocationRequest held, boolean verified, int status, boolean byClick) {
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
        return move(held, done, held.actor(), verified, decision, byClick);
    }

    /** The token was gone when this request came to change it: nothing was done by this request. */
    private Optional<ClickOutcome> closeAsGone(RevocationRequest held, int status, boolean byClick) {
        return move(
                held,
                Stage.GONE,
                held.actor(),
                false,
                decision(held, AuditOutcome.ALREADY_GONE, null, status),
                byClick);
    }

    /** Closes an open request as cancelled or expired, or keeps a deactivated one deactivated after its time. */
    private Optional<ClickOutcome> closeAs(RevocationRequest request, Stage stage, String actor, Instant now) {
        AuditEvent event = stage == Stage.CANCELLED ? AuditEvent.CANCEL : AuditEvent.EXPIRE;
        AuditOutcome outcome = switch (stage) {
            case CANCELLED -> AuditOutcome.CANCELLED;
            case EXPIRED -> AuditOutcome.EXPIRED;
            case KEPT_DEACTIVATED -> AuditOutcome.KEPT_DEACTIVATED;
            default -> throw new IllegalArgumentException(stage + " is not closed by a click or by time");
        };
        // Kept deactivated: the deactivation's approver stays the one the message names.
        String by = stage == Stage.KEPT_DEACTIVATED ? request.actor() : actor;
        Instant at = stage == Stage.KEPT_DEACTIVATED ? request.decidedAt() : now;
        DecisionRecord decision = new DecisionRecord(event, actor, outcome, null, 0, now);
        return ledger.move(
                        request, stage, by, at, request.verified(), null, decision, deliveries(request, actor != null))
                .map(moved -> {
                    audit.write(moved.request(), decision);
                    return new ClickOutcome.Changed(moved.request(), moved.deliveries());
                });
    }

    /** Moves a held request on with its decision, its message update and its channel record. */
    private Optional<ClickOutcome> move(
            RevocationRequest held,
            Stage stage,
            String actor,
            boolean verified,
            DecisionRecord decision,
            boolean byClick) {
        return ledger.move(held, stage, actor, decision.at(), verified, null, decision, deliveries(held, byClick))
                .map(moved -> {
                    audit.write(moved.request(), decision);
                    return new ClickOutcome.Changed(moved.request(), moved.deliveries());
                });
    }

    /** Every change of stage updates the request message and leaves a record in the audit channel. */
    private List<Planned> deliveries(RevocationRequest request, boolean byClick) {
        return List.of(
                new Planned(DeliveryKind.UPDATE_REQUEST, request.channel(), byClick),
                new Planned(DeliveryKind.RECORD, auditChannel(request), byClick));
    }

    /** After losing a compare-and-set while holding a request: say where it stands now. */
    private ClickOutcome readAgain(String requestId) {
        RevocationRequest now = ledger.find(requestId).orElseThrow();
        return now.stage().isClosed() ? new ClickOutcome.AlreadyClosed(now) : new ClickOutcome.InProgress(now);
    }

    private enum Presence {
        GONE,
        ACTIVE,
        INACTIVE,
        UNKNOWN
    }

    /** What InfluxDB says of the token now. */
    private Presence presence(String authorizationId) {
        try {
            Authorization token = influx.find(authorizationId);
            return InfluxAuthorizations.INACTIVE.equals(token.status()) ? Presence.INACTIVE : Presence.ACTIVE;
        } catch (InfluxException e) {
            return e.failure() == InfluxFailure.NOT_FOUND ? Presence.GONE : Presence.UNKNOWN;
        }
    }

    /** What InfluxDB shows once a held stage's change took effect. */
    private static Presence wanted(Stage held) {
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
    private static Stage unchangedStage(Presence presence, RevocationRequest held, Instant now) {
        if (presence == Presence.ACTIVE) {
            return Stage.OPEN;
        }
        return held.isExpiredAt(now) ? Stage.KEPT_DEACTIVATED : Stage.DEACTIVATED;
    }

    private static Failure.Operation operation(Stage held) {
        return held == Stage.REVOKING ? Failure.Operation.DELETE : Failure.Operation.UPDATE;
    }

    private static Problem notApplied(Stage held) {
        return held == Stage.REVOKING ? Problem.DELETE_NOT_APPLIED : Problem.STATUS_NOT_APPLIED;
    }

    /** InfluxDB's status for an accepted change: 204 for a delete, 200 for a status change. */
    private static int acceptedStatus(Stage held) {
        return held == Stage.REVOKING ? 204 : 200;
    }

    private static AuditEvent eventOf(Intent intent) {
        return switch (intent) {
            case DEACTIVATE -> AuditEvent.DEACTIVATE;
            case REVOKE -> AuditEvent.REVOKE;
            case REACTIVATE -> AuditEvent.REACTIVATE;
            case CANCEL -> AuditEvent.CANCEL;
        };
    }

    private String auditChannel(RevocationRequest request) {
        return settings.auditChannel().filter(c -> !c.isBlank()).orElse(request.channel());
    }

    private DecisionRecord decision(RevocationRequest held, AuditOutcome outcome, String reason, int influxStatus) {
        AuditEvent event = switch (held.stage()) {
            case DEACTIVATING -> AuditEvent.DEACTIVATE;
            case REACTIVATING -> AuditEvent.REACTIVATE;
            default -> AuditEvent.REVOKE;
        };
        return new DecisionRecord(event, held.actor(), outcome, reason, influxStatus, clock.instant());
    }

    private DecisionRecord refusal(AuditEvent event, String actor, String reason) {
        return new DecisionRecord(event, actor, AuditOutcome.REFUSED, reason, 0, clock.instant());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
