package dev.revoketokenbot.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's memory of which requests a click is handling or has closed, so double clicks and
 * Slack retries reach InfluxDB once. Replicas share nothing: across them, the idempotent DELETE
 * (404 means already gone) keeps the outcome single. Entries leave once their request expires.
 */
final class RequestClaims {

    /** Where a claimed request stands. */
    enum Status {
        IN_PROGRESS,
        REVOKED,
        CANCELLED
    }

    private record Claim(Instant expiresAt, Status status) {}

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    /** Claims the request for one click; empty on success, otherwise the status someone else left. */
    Optional<Status> claim(RequestState state, Status status, Instant now) {
        claims.values().removeIf(claim -> claim.expiresAt().isBefore(now));
        Claim existing = claims.putIfAbsent(state.requestId(), new Claim(state.expiresAt(), status));
        return Optional.ofNullable(existing).map(Claim::status);
    }

    void complete(RequestState state, Status status) {
        claims.put(state.requestId(), new Claim(state.expiresAt(), status));
    }

    /** Lets a later click try again, after a failure that changed nothing. */
    void release(RequestState state) {
        claims.remove(state.requestId());
    }
}
