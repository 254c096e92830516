package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.influx.InfluxException;
import dev.revoketokenbot.influx.InfluxTargets;
import dev.revoketokenbot.influx.TargetTokens;
import dev.revoketokenbot.influx.Token;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Opens requests: looks the token up in InfluxDB, writes an open request to the ledger, and notes
 * whether Slack took its message. Every step is a decision in the ledger and an audit line.
 */
@ApplicationScoped
public class RequestOpening {

    private static final Logger LOG = Logger.getLogger(RequestOpening.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** InfluxDB puts no bound on user names; the ledger and the messages keep the first ones. */
    private static final int MAX_OWNER_LENGTH = 100;

    private final InfluxTargets influx;
    private final Ledger ledger;
    private final RequestViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final RevokeSettings settings;

    RequestOpening(
            InfluxTargets influx,
            Ledger ledger,
            RequestViews views,
            AuditLog audit,
            Clock clock,
            RevokeSettings settings) {
        this.influx = influx;
        this.ledger = ledger;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** Whether the command may be used in this channel ({@code revoke.allowed-channels}; empty means any). */
    public boolean isChannelAllowed(String channel) {
        return RevocationPolicy.isChannelAllowed(settings.allowedChannels().orElse(Set.of()), channel);
    }

    /** The person who asked, where, and why. */
    public record Asked(String requester, String channel, String reason) {}

    /** Looks the token up on its InfluxDB target and, when found, opens a request for it in the ledger. */
    public LookupResult lookup(TokenQuery query, Asked asked) {
        TargetTokens target = influx.of(query.target());
        if (query instanceof TokenQuery.ById byId && byId.id().isOperatorToken()) {
            return notFound(query, asked, Failure.of(Problem.OPERATOR_TOKEN, Failure.Operation.READ));
        }
        Token token;
        OptionalInt others = OptionalInt.empty();
        try {
            if (query instanceof TokenQuery.ById byId) {
                token = target.find(byId.id().value());
            } else {
                List<Token> tokens = target.findByUser(((TokenQuery.ByUser) query).userName());
                if (tokens.isEmpty()) {
                    return notFound(query, asked, Failure.of(Problem.USER_HAS_NO_TOKENS, Failure.Operation.READ));
                }
                token = tokens.get(0);
                others = OptionalInt.of(tokens.size() - 1);
            }
        } catch (InfluxException e) {
            Problem notFound = query instanceof TokenQuery.ByUser ? Problem.USER_NOT_FOUND : Problem.NOT_FOUND;
            return notFound(query, asked, Failure.from(e, Failure.Operation.READ, notFound));
        }
        Optional<TokenId> id = TokenId.parse(target.kind(), token.id());
        if (id.isEmpty()) {
            return notFound(query, asked, Failure.of(Problem.INFLUX_BAD_RESPONSE, Failure.Operation.READ));
        }
        if (!isWhatWasAskedFor(query, id.get(), token)) {
            LOG.warnf(
                    "InfluxDB target %s answered about token %s, not what %s asked for: refused",
                    target.target(), id.get(), asked.requester());
            return notFound(query, asked, Failure.of(Problem.INFLUX_MISMATCH, Failure.Operation.READ));
        }
        if (token.isRevoked()) {
            return notFound(query, asked, Failure.of(Problem.ALREADY_REVOKED, Failure.Operation.READ));
        }
        TokenSummary summary = TokenSummary.of(token, target.kind());
        Instant now = clock.instant();
        RevocationRequest request = new RevocationRequest(
                newRequestId(),
                target.target(),
                id.get().value(),
                target.kind().hasUsers() ? shortened(summary.user()) : null,
                asked.requester(),
                asked.channel(),
                asked.reason(),
                null,
                now.plus(settings.requestTtl()),
                Stage.OPEN,
                null,
                null,
                false,
                0);
        try {
            ledger.open(request, TokenSnapshot.of(summary, others).json(), now);
        } catch (LedgerException e) {
            LOG.errorf("Could not open a request in the ledger: %s", e.getMessage());
            return new LookupResult.NotFound(Failure.of(Problem.LEDGER_UNAVAILABLE, Failure.Operation.READ));
        }
        return new LookupResult.Found(views.opened(request, summary, others));
    }

    /** The token InfluxDB answered with is the one asked for: that ID (or name), or a token of that user. */
    private static boolean isWhatWasAskedFor(TokenQuery query, TokenId id, Token token) {
        if (query instanceof TokenQuery.ById byId) {
            return byId.id().equals(id);
        }
        return ((TokenQuery.ByUser) query).userName().equals(token.user());
    }

    /** Slack took the request message: the ledger notes where, so every later update finds it. */
    public void posted(RevocationRequest request, String messageTs) {
        DecisionRecord decision = new DecisionRecord(
                AuditEvent.REQUEST, request.requester(), AuditOutcome.POSTED, null, 0, clock.instant());
        ledger.posted(request.id(), messageTs, decision);
        audit.write(request, decision);
    }

    /** Slack did not take the request message: nobody can act on it, so it is closed. */
    public void notPosted(RevocationRequest request, String slackError) {
        Instant now = clock.instant();
        DecisionRecord decision = new DecisionRecord(
                AuditEvent.REQUEST, request.requester(), AuditOutcome.NOT_POSTED, slackError, 0, now);
        ledger.move(request, Stage.NOT_POSTED, request.requester(), now, false, null, decision, List.of());
        audit.write(request, decision);
    }

    private LookupResult notFound(TokenQuery query, Asked asked, Failure failure) {
        String tokenId = query instanceof TokenQuery.ById byId ? byId.id().value() : null;
        String owner = query instanceof TokenQuery.ByUser byUser ? byUser.userName() : null;
        RevocationRequest attempted = new RevocationRequest(
                null,
                query.target(),
                tokenId,
                owner,
                asked.requester(),
                asked.channel(),
                asked.reason(),
                null,
                null,
                Stage.NOT_POSTED,
                null,
                null,
                false,
                0);
        audit.write(
                attempted,
                new DecisionRecord(
                        AuditEvent.REQUEST,
                        asked.requester(),
                        AuditOutcome.LOOKUP_FAILED,
                        Failure.code(failure.problem()),
                        failure.influxStatus(),
                        clock.instant()));
        return new LookupResult.NotFound(failure);
    }

    private static String newRequestId() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    private static String shortened(String owner) {
        return owner.codePointCount(0, owner.length()) <= MAX_OWNER_LENGTH
                ? owner
                : owner.substring(0, owner.offsetByCodePoints(0, MAX_OWNER_LENGTH)) + "…";
    }
}
