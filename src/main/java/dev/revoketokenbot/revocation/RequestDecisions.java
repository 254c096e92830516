package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.influx.InfluxException;
import dev.revoketokenbot.influx.InfluxFailure;
import dev.revoketokenbot.influx.InfluxTargets;
import dev.revoketokenbot.influx.Token;
import dev.revoketokenbot.revocation.Ledger.Planned;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import dev.revoketokenbot.revocation.StageChanges.Presence;
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
    private final Approvals approvals;
    private final StageChanges changes;
    private final InfluxTargets influx;
    private final ButtonSigner signer;
    private final Approvers approvers;
    private final RequestViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;

    RequestDecisions(
            Ledger ledger,
            Approvals approvals,
            StageChanges changes,
            InfluxTargets influx,
            ButtonSigner signer,
            Approvers approvers,
            RequestViews views,
            AuditLog audit,
            Clock clock,
            RevokeSettings settings) {
        this.ledger = ledger;
        this.approvals = approvals;
        this.changes = changes;
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
                        && !influx.of(request.target()).kind().canDeactivate()
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
            return changes.closeAs(request, Stage.EXPIRED, click.actor(), now);
        }
        if (decision != Decision.ALLOW) {
            DecisionRecord refused = refusal(event, click.actor(), lower(decision));
            ledger.record(request.id(), refused);
            audit.write(request, refused);
            return Optional.of(new ClickOutcome.Refused(decision));
        }
        if (click.intent() == Intent.CANCEL) {
            return changes.closeAs(request, Stage.CANCELLED, click.actor(), now);
        }
        if (!influx.isConfigured(request.target())) {
            // Restarted without the request's target: nothing can be sent anywhere; Cancel still works.
            DecisionRecord refused = refusal(event, click.actor(), Failure.code(Problem.TARGET_UNKNOWN));
            ledger.record(request.id(), refused);
            audit.write(request, refused);
            Failure.Operation operation =
                    click.intent() == Intent.REVOKE ? Failure.Operation.DELETE : Failure.Operation.UPDATE;
            return Optional.of(
                    new ClickOutcome.Failed(request, Failure.of(Problem.TARGET_UNKNOWN, operation), List.of()));
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
        Approvals.Approved approved = approvals.approve(request, click.intent(), click.actor(), approval);
        if (approved == Approvals.Approved.STALE) {
            return Optional.empty();
        }
        if (approved == Approvals.Approved.COUNTED) {
            audit.write(request, approval);
        }
        List<String> approvedBy = approvals.approvers(request.id(), click.intent());
        if (approvedBy.size() < needed) {
            if (approved == Approvals.Approved.ALREADY) {
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
                    case REVOKING -> influx.of(held.target()).delete(held.tokenId());
                    case DEACTIVATING -> setStatus(held, Token.INACTIVE);
                    case REACTIVATING -> setStatus(held, Token.ACTIVE);
                    default -> throw new IllegalStateException("request " + held.id() + " is not held");
                };
                if (!found) {
                    return changes.closeAsGone(held, 404, true).orElseGet(() -> readAgain(held.id()));
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
            influx.of(held.target()).setStatus(held.tokenId(), status);
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
        int status = changeFailure == null ? acceptedStatus(held) : changeFailure.status();
        Presence presence = changes.presence(held);
        if (presence == StageChanges.wanted(held.stage()) || (presence == Presence.UNKNOWN && changeFailure == null)) {
            // Done, or InfluxDB accepted the change but could not be read back: done, verified only if read.
            return changes.succeeded(held, presence != Presence.UNKNOWN, status, true)
                    .orElseGet(() -> readAgain(held.id()));
        }
        if (presence == Presence.GONE) {
            return changes.closeAsGone(held, status, true).orElseGet(() -> readAgain(held.id()));
        }
        Failure.Operation operation =
                held.stage() == Stage.REVOKING ? Failure.Operation.DELETE : Failure.Operation.UPDATE;
        if (presence == Presence.UNKNOWN) {
            DecisionRecord unconfirmed = changes.decision(
                    held,
                    AuditOutcome.UNCONFIRMED,
                    Failure.code(Failure.from(changeFailure, operation, Problem.NOT_FOUND)
                            .problem()),
                    status);
            // Let settling take over at once: it asks InfluxDB until InfluxDB can say.
            Optional<RevocationRequest> released = changes.release(held, unconfirmed);
            audit.write(held, unconfirmed);
            return new ClickOutcome.Unconfirmed(released.orElse(held));
        }
        Failure failure = changeFailure == null
                ? Failure.of(StageChanges.notApplied(held.stage()), operation)
                : Failure.from(changeFailure, operation, Problem.NOT_FOUND);
        DecisionRecord failed = changes.decision(held, AuditOutcome.FAILED, Failure.code(failure.problem()), status);
        // Counted approvals were last drawn before the click that completed them: the message is redrawn.
        Intent action = switch (held.stage()) {
            case DEACTIVATING -> Intent.DEACTIVATE;
            case REACTIVATING -> Intent.REACTIVATE;
            default -> Intent.REVOKE;
        };
        List<Planned> redraw = views.needed(action) > 1
                ? List.of(new Planned(DeliveryKind.UPDATE_REQUEST, held.channel(), true))
                : List.of();
        return changes.reopen(held, presence, failed, redraw)
                .<ClickOutcome>map(
                        reopened -> new ClickOutcome.Failed(reopened.request(), failure, reopened.deliveries()))
                .orElseGet(() -> readAgain(held.id()));
    }

    /** After losing a compare-and-set while holding a request: say where it stands now. */
    private ClickOutcome readAgain(String requestId) {
        RevocationRequest now = ledger.find(requestId).orElseThrow();
        return now.stage().isClosed() ? new ClickOutcome.AlreadyClosed(now) : new ClickOutcome.InProgress(now);
    }

    /** InfluxDB's status for an accepted change: 204 for a delete, 200 for a status change. */
    /** The status InfluxDB answers a change it accepted with: its kind's for a delete, 200 for a status change. */
    private int acceptedStatus(RevocationRequest held) {
        return held.stage() == Stage.REVOKING ? influx.of(held.target()).acceptedDeleteStatus() : 200;
    }

    private static AuditEvent eventOf(Intent intent) {
        return switch (intent) {
            case DEACTIVATE -> AuditEvent.DEACTIVATE;
            case REVOKE -> AuditEvent.REVOKE;
            case REACTIVATE -> AuditEvent.REACTIVATE;
            case CANCEL -> AuditEvent.CANCEL;
        };
    }

    private DecisionRecord refusal(AuditEvent event, String actor, String reason) {
        return new DecisionRecord(event, actor, AuditOutcome.REFUSED, reason, 0, clock.instant());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
