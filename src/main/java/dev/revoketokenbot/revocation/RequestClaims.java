package dev.revoketokenbot.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This replica's memory of which requests a click is handling or has closed, so double clicks and
 * Slack retries reach InfluxDB once. Replicas share nothing: across them, the idempotent DELETE
 * (404 means already gone) keeps the outcome single. A claim ends when its request expires (as
 * {@link RequestState#isExpiredAt} has it) and is dropped a few at a time, never by scanning
 * every claim on a click.
 */
final class RequestClaims {

    /** Where a claimed request stands. */
    enum Status {
        IN_PROGRESS,
        REVOKED,
        CANCELLED
    }

    private record Claim(Instant expiresAt, Status status) {}

    private final Cache<String, Claim> claims;

    RequestClaims(Clock clock) {
        // Timed by the bot's clock, not Caffeine's own, so a claim ends when its request expires.
        this.claims = Caffeine.newBuilder()
                .ticker(() -> nanosSinceEpoch(clock.instant()))
                .expireAfter(Expiry.writing(
                        (String requestId, Claim claim) -> Duration.between(clock.instant(), claim.expiresAt())))
                .build();
    }

    /** Claims the request for one click; empty on success, otherwise the status someone else left. */
    Optional<Status> claim(RequestState state, Status status) {
        Claim existing = claims.asMap().putIfAbsent(state.requestId(), new Claim(state.expiresAt(), status));
        return Optional.ofNullable(existing).map(Claim::status);
    }

    void complete(RequestState state, Status status) {
        claims.put(state.requestId(), new Claim(state.expiresAt(), status));
    }

    /** Lets a later click try again, after a failure that changed nothing. */
    void release(RequestState state) {
        claims.invalidate(state.requestId());
    }

    /** How many claims are held once the expired ones are dropped; for tests. */
    long size() {
        claims.cleanUp();
        return claims.estimatedSize();
    }

    private static long nanosSinceEpoch(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
