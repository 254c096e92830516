package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
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
 * Decides clicks on requests against the ledger, and lets InfluxDB judge what a delete did. A click
 * is checked (signature, binding, stage, policy) and then moves the request by compare-and-set, so
 * exactly one click wins across replicas and restarts. After a delete the token is read again:
 * gone means revoked; there means nothing changed; no answer means the request stays held and
 * {@link #settle} asks again later. "Nothing was changed" is only said when InfluxDB shows it.
 */
@ApplicationScoped
public class RequestDecisions {

    private static final Logger LOG = Logger.getLogger(RequestDecisions.class);
    /** A click that keeps losing compare-and-sets to other changes gives up after this many reads. */
    private static final int MAX_READS = 3;

    private final Ledger ledger;
    private final InfluxAuthorizations influx;
    private final ButtonSigner signer;
    private final Approvers approvers;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;

    RequestDecisions(
            Ledger ledger,
            InfluxAuthorizations influx,
            ButtonSigner signer,
            Approvers approvers,
            AuditLog audit,
            Clock clock,
            RevokeSettings settings) {
        this.ledger = ledger;
        this.influx = influx;
        this.signer = signer;
        this.approvers = approvers;
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
        AuditEvent event = click.intent() == Intent.REVOKE ? AuditEvent.REVOKE : AuditEvent.CANCEL;
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
        if (request.stage() == Stage.REVOKING) {
            return Optional.of(new ClickOutcome.InProgress(request));
        }
        Instant now = clock.instant();
        Decision decision = RevocationPolicy.decide(
                click.intent(),
                request,
                click.actor(),
                click.channel(),
                () -> approvers.check(click.actor()),
                settings.selfApproval(),
                now);
        if (decision == Decision.EXPIRED) {
            return expire(request, click.actor(), now);
        }
        if (decision != Decision.ALLOW) {
            DecisionRecord refused = refusal(event, click.actor(), lower(decision));
            ledger.record(request.id(), refused);
            audit.write(request, refused);
            return Optional.of(new ClickOutcome.Refused(decision));
        }
        if (click.intent() == Intent.CANCEL) {
            return close(
                    request,
                    Stage.CANCELLED,
                    false,
                    new DecisionRecord(AuditEvent.CANCEL, click.actor(), AuditOutcome.CANCELLED, null, 0, now),
                    List.of(new Planned(DeliveryKind.UPDATE_REQUEST, request.channel(), true)));
        }
        Optional<Moved> held = ledger.move(
                request,
                Stage.REVOKING,
                click.actor(),
                now,
                false,
                now.plus(settings.ledger().claimLease()),
                null,
                List.of());
        return held.map(h -> revoke(h.request()));
    }

    /** Deletes the token of a request this click holds, then lets InfluxDB say what happened. */
    private ClickOutcome revoke(RevocationRequest held) {
        try {
            if (!influx.delete(held.authorizationId())) {
                return close(
                                held,
                                Stage.GONE,
                                false,
                                decision(held, AuditOutcome.ALREADY_GONE, null, 404),
                                List.of(new Planned(DeliveryKind.UPDATE_REQUEST, held.channel(), true)))
                        .orElseGet(() -> readAgain(held.id()));
            }
            return judge(held, null);
        } catch (InfluxException e) {
            return judge(held, e);
        } catch (LedgerException e) {
            // The delete may have happened: the request stays held, and settling reads InfluxDB later.
            LOG.errorf("Outcome of revoking request %s not recorded: %s", held.id(), e.getMessage());
            return new ClickOutcome.Unconfirmed(held);
        }
    }

    /**
     * Reads the token again after a delete ({@code deleteFailure} null when InfluxDB accepted it) and
     * records what InfluxDB shows.
     */
    private ClickOutcome judge(RevocationRequest held, InfluxException deleteFailure) {
        int deleteStatus = deleteFailure == null ? 204 : deleteFailure.status();
        Presence presence = presence(held.authorizationId());
        if (presence == Presence.GONE || (presence == Presence.UNKNOWN && deleteFailure == null)) {
            // Gone, or InfluxDB accepted the delete but could not be read back: revoked, verified only if read.
            return revoked(held, presence == Presence.GONE, deleteStatus, true).orElseGet(() -> readAgain(held.id()));
        }
        Instant now = clock.instant();
        if (presence == Presence.UNKNOWN) {
            DecisionRecord unconfirmed =
                    decision(held, AuditOutcome.UNCONFIRMED, Failure.code(problemOf(deleteFailure)), deleteStatus);
            // Let settling take over at once: it asks InfluxDB until InfluxDB can say.
            Optional<Moved> released = ledger.move(
                    held, Stage.REVOKING, held.actor(), held.decidedAt(), false, now, unconfirmed, List.of());
            audit.write(held, unconfirmed);
            return new ClickOutcome.Unconfirmed(released.map(Moved::request).orElse(held));
        }
        Failure failure = deleteFailure == null
                ? Failure.of(Problem.DELETE_NOT_APPLIED, Failure.Operation.DELETE)
                : Failure.from(deleteFailure, Failure.Operation.DELETE, Problem.NOT_FOUND);
        DecisionRecord failed = decision(held, AuditOutcome.FAILED, Failure.code(failure.problem()), deleteStatus);
        Optional<Moved> reopened = ledger.move(held, Stage.OPEN, held.actor(), now, false, null, failed, List.of());
        if (reopened.isEmpty()) {
            return readAgain(held.id());
        }
        audit.write(held, failed);
        return new ClickOutcome.Failed(reopened.get().request(), failure);
    }

    /**
     * Settles one request that needs it: expires an open one past its time, and asks InfluxDB what
     * became of one whose delete nobody could confirm (a replica died holding it, or InfluxDB did not
     * answer). Gone is revoked, credited to the approver who clicked; still there reopens it and says
     * so in the channel. Returns whether the request is settled.
     */
    boolean settle(String requestId) {
        Optional<RevocationRequest> found = ledger.find(requestId);
        if (found.isEmpty() || found.get().stage().isClosed()) {
            return true;
        }
        RevocationRequest request = found.get();
        Instant now = clock.instant();
        if (request.stage() == Stage.OPEN) {
            return !request.isExpiredAt(now) || expire(request, null, now).isPresent();
        }
        if (ledger.isHeld(requestId, now)) {
            return false;
        }
        Optional<Moved> taken = ledger.move(
                request,
                Stage.REVOKING,
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
        if (presence == Presence.GONE) {
            return revoked(held, true, 404, false).isPresent();
        }
        if (presence == Presence.UNKNOWN) {
            ledger.move(held, Stage.REVOKING, held.actor(), held.decidedAt(), false, now, null, List.of());
            return false;
        }
        DecisionRecord notApplied = decision(held, AuditOutcome.FAILED, Failure.code(Problem.DELETE_NOT_APPLIED), 0);
        Optional<Moved> reopened = ledger.move(
                held,
                Stage.OPEN,
                held.actor(),
                now,
                false,
                null,
                notApplied,
                List.of(new Planned(DeliveryKind.NOT_APPLIED, held.channel(), false)));
        reopened.ifPresent(r -> audit.write(held, notApplied));
        return reopened.isPresent();
    }

    /** Closes a held request as revoked; {@code byClick} when the clicking thread delivers at once. */
    private Optional<ClickOutcome> revoked(
            RevocationRequest held, boolean verified, int influxStatus, boolean byClick) {
        return close(
                held,
                Stage.REVOKED,
                verified,
                decision(held, AuditOutcome.REVOKED, verified ? "verified" : "not_read_back", influxStatus),
                List.of(
                        new Planned(DeliveryKind.UPDATE_REQUEST, held.channel(), byClick),
                        new Planned(DeliveryKind.RECORD, auditChannel(held), byClick)));
    }

    /** Closes an open request as expired: by a click ({@code actor}), or by settling (no actor). */
    private Optional<ClickOutcome> expire(RevocationRequest request, String actor, Instant now) {
        return close(
                request,
                Stage.EXPIRED,
                false,
                new DecisionRecord(AuditEvent.EXPIRE, actor, AuditOutcome.EXPIRED, null, 0, now),
                List.of(new Planned(DeliveryKind.UPDATE_REQUEST, request.channel(), actor != null)));
    }

    /** Moves the request to a closed stage with its decision and deliveries; empty when another change won. */
    private Optional<ClickOutcome> close(
            RevocationRequest seen, Stage stage, boolean verified, DecisionRecord decision, List<Planned> deliveries) {
        String actor = stage == Stage.REVOKED || stage == Stage.GONE ? seen.actor() : decision.actor();
        return ledger.move(seen, stage, actor, decision.at(), verified, null, decision, deliveries)
                .map(moved -> {
                    audit.write(moved.request(), decision);
                    return new ClickOutcome.Changed(moved.request(), moved.deliveries());
                });
    }

    /** After losing a compare-and-set while holding a request: say where it stands now. */
    private ClickOutcome readAgain(String requestId) {
        RevocationRequest now = ledger.find(requestId).orElseThrow();
        return now.stage().isClosed() ? new ClickOutcome.AlreadyClosed(now) : new ClickOutcome.InProgress(now);
    }

    private enum Presence {
        GONE,
        PRESENT,
        UNKNOWN
    }

    /** What InfluxDB says of the token now. */
    private Presence presence(String authorizationId) {
        try {
            influx.find(authorizationId);
            return Presence.PRESENT;
        } catch (InfluxException e) {
            return e.failure() == InfluxFailure.NOT_FOUND ? Presence.GONE : Presence.UNKNOWN;
        }
    }

    private String auditChannel(RevocationRequest request) {
        return settings.auditChannel().filter(c -> !c.isBlank()).orElse(request.channel());
    }

    private DecisionRecord decision(RevocationRequest held, AuditOutcome outcome, String reason, int influxStatus) {
        return new DecisionRecord(AuditEvent.REVOKE, held.actor(), outcome, reason, influxStatus, clock.instant());
    }

    private DecisionRecord refusal(AuditEvent event, String actor, String reason) {
        return new DecisionRecord(event, actor, AuditOutcome.REFUSED, reason, 0, clock.instant());
    }

    private static Problem problemOf(InfluxException e) {
        return Failure.from(e, Failure.Operation.DELETE, Problem.NOT_FOUND).problem();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
