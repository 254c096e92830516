package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.influx.Authorization;
import dev.revoketokenbot.influx.InfluxAuthorizations;
import dev.revoketokenbot.influx.InfluxException;
import dev.revoketokenbot.revocation.RequestClaims.Status;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The revocation flow, free of Slack: look a token up and seal a request; on a click, open the
 * request, apply the policy, and delete at most once. Every decision is written to the audit log.
 */
@ApplicationScoped
public class RevocationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_OWNER_LENGTH = 100;

    private final InfluxAuthorizations influx;
    private final StateSigner signer;
    private final Approvers approvers;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;
    private final RequestClaims claims;

    RevocationService(
            InfluxAuthorizations influx,
            StateSigner signer,
            Approvers approvers,
            AuditLog audit,
            Clock clock,
            RevokeSettings settings) {
        this.influx = influx;
        this.signer = signer;
        this.approvers = approvers;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.claims = new RequestClaims(clock);
    }

    /** Whether the command may be used in this channel ({@code revoke.allowed-channels}; empty means any). */
    public boolean isChannelAllowed(String channel) {
        Set<String> allowed = settings.allowedChannels().orElse(Set.of());
        return allowed.isEmpty() || allowed.contains(channel);
    }

    /** Where audit messages go: {@code revoke.audit-channel}, or the request's own channel. */
    public String auditChannel(RequestState state) {
        return settings.auditChannel().filter(c -> !c.isBlank()).orElse(state.channel());
    }

    /** Looks the target up in InfluxDB and, when found, prepares a sealed request. */
    public LookupResult lookup(Target target, String reason, String requester, String channel) {
        try {
            Authorization authorization;
            OptionalInt others = OptionalInt.empty();
            if (target instanceof Target.ById byId) {
                authorization = influx.find(byId.id().value());
            } else {
                List<Authorization> tokens = influx.findByUser(((Target.ByUser) target).userName());
                if (tokens.isEmpty()) {
                    return notFound(
                            target,
                            reason,
                            requester,
                            channel,
                            Failure.of(Problem.USER_HAS_NO_TOKENS, Failure.Operation.READ));
                }
                authorization = tokens.get(0);
                others = OptionalInt.of(tokens.size() - 1);
            }
            Optional<AuthorizationId> id = AuthorizationId.parse(authorization.id());
            if (id.isEmpty()) {
                return notFound(
                        target,
                        reason,
                        requester,
                        channel,
                        Failure.of(Problem.INFLUX_BAD_RESPONSE, Failure.Operation.READ));
            }
            RequestState state = new RequestState(
                    newRequestId(),
                    id.get().value(),
                    shortened(nullToEmpty(authorization.user())),
                    requester,
                    channel,
                    reason,
                    clock.instant().plus(settings.requestTtl()));
            return new LookupResult.Found(TokenSummary.of(authorization), others, state, signer.seal(state));
        } catch (InfluxException e) {
            Problem notFound = target instanceof Target.ByUser ? Problem.USER_NOT_FOUND : Problem.NOT_FOUND;
            return notFound(target, reason, requester, channel, Failure.from(e, Failure.Operation.READ, notFound));
        }
    }

    /** Records that the request message reached the channel, or why it did not. */
    public void requestPosted(RequestState state, boolean posted, String slackError) {
        audit.record("request", state, state.requester(), posted ? "posted" : "not_posted:" + slackError, 0);
    }

    public ClickResult revoke(String sealedState, String actor, String clickChannel, String clickedRequestId) {
        Admission admission =
                admit(Intent.REVOKE, sealedState, actor, clickChannel, clickedRequestId, Status.IN_PROGRESS);
        if (admission.turnedAway() != null) {
            return admission.turnedAway();
        }
        RequestState state = admission.state();
        try {
            boolean deletedNow = influx.delete(new AuthorizationId(state.authorizationId()).value());
            claims.complete(state, Status.REVOKED);
            if (!deletedNow) {
                audit.record("revoke", state, actor, "already_revoked", 404);
                return new ClickResult.AlreadyRevoked(state);
            }
            audit.record("revoke", state, actor, "revoked", 204);
            return new ClickResult.Revoked(state, actor, clock.instant());
        } catch (InfluxException e) {
            claims.release(state);
            Failure failure = Failure.from(e, Failure.Operation.DELETE, Problem.NOT_FOUND);
            audit.record("revoke", state, actor, "failed:" + lower(failure.problem()), e.status());
            return new ClickResult.Failed(state, failure);
        }
    }

    public ClickResult cancel(String sealedState, String actor, String clickChannel, String clickedRequestId) {
        Admission admission =
                admit(Intent.CANCEL, sealedState, actor, clickChannel, clickedRequestId, Status.CANCELLED);
        if (admission.turnedAway() != null) {
            return admission.turnedAway();
        }
        audit.record("cancel", admission.state(), actor, "cancelled", 0);
        return new ClickResult.Cancelled(admission.state(), actor, clock.instant());
    }

    /** A click let through (its request claimed for it), or the outcome that turned it away. */
    private record Admission(RequestState state, ClickResult turnedAway) {}

    /** Opens the state, applies the policy and claims the request; every turn-away is audited. */
    private Admission admit(
            Intent intent,
            String sealedState,
            String actor,
            String clickChannel,
            String clickedRequestId,
            Status claim) {
        String event = lower(intent);
        Optional<RequestState> opened = signer.open(sealedState);
        if (opened.isEmpty()) {
            audit.record(event, null, actor, "refused:tampered", 0);
            return new Admission(null, new ClickResult.Tampered());
        }
        RequestState state = opened.get();
        Instant now = clock.instant();
        Decision decision = RevocationPolicy.decide(
                intent,
                state,
                actor,
                clickChannel,
                clickedRequestId,
                () -> approvers.check(actor),
                settings.selfApproval(),
                now);
        if (decision != Decision.ALLOW) {
            return new Admission(state, refusedOrExpired(event, state, actor, decision));
        }
        Optional<Status> taken = claims.claim(state, claim);
        if (taken.isPresent()) {
            return new Admission(state, alreadyHandled(event, state, actor, taken.get()));
        }
        return new Admission(state, null);
    }

    private ClickResult refusedOrExpired(String event, RequestState state, String actor, Decision decision) {
        if (decision == Decision.EXPIRED) {
            audit.record(event, state, actor, "expired", 0);
            return new ClickResult.Expired(state);
        }
        audit.record(event, state, actor, "refused:" + lower(decision), 0);
        return new ClickResult.Refused(state, decision);
    }

    private ClickResult alreadyHandled(String event, RequestState state, String actor, Status status) {
        audit.record(event, state, actor, "already_" + lower(status), 0);
        return switch (status) {
            case IN_PROGRESS -> new ClickResult.InProgress(state);
            case REVOKED -> new ClickResult.AlreadyRevoked(state);
            case CANCELLED -> new ClickResult.AlreadyCancelled(state);
        };
    }

    private LookupResult notFound(Target target, String reason, String requester, String channel, Failure failure) {
        String authorizationId = target instanceof Target.ById byId ? byId.id().value() : null;
        String owner = target instanceof Target.ByUser byUser ? byUser.userName() : null;
        RequestState attempted = new RequestState(null, authorizationId, owner, requester, channel, reason, null);
        audit.record(
                "request", attempted, requester, "lookup_failed:" + lower(failure.problem()), failure.influxStatus());
        return new LookupResult.NotFound(failure);
    }

    private static String newRequestId() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** InfluxDB puts no bound on user names; the sealed state must fit Slack's 2000-character button value. */
    private static String shortened(String owner) {
        return owner.codePointCount(0, owner.length()) <= MAX_OWNER_LENGTH
                ? owner
                : owner.substring(0, owner.offsetByCodePoints(0, MAX_OWNER_LENGTH)) + "…";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
