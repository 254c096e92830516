package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.revocation.RequestClaims.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Claims block a second click until their request expires, and are then forgotten. */
class RequestClaimsTest {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T12:00:00Z"));
    private final RequestClaims claims = new RequestClaims(clock);

    @Test
    void aClaimBlocksOtherClicksUntilItsRequestExpires() {
        RequestState request = requestExpiringIn("r1", TTL);

        assertThat(claims.claim(request, Status.IN_PROGRESS)).isEmpty();
        assertThat(claims.claim(request, Status.CANCELLED)).contains(Status.IN_PROGRESS);

        clock.advance(TTL);

        assertThat(claims.claim(request, Status.CANCELLED)).isEmpty();
    }

    @Test
    void claimsOfUnexpiredRequestsSurviveOthersExpiring() {
        RequestState shortLived = requestExpiringIn("short", Duration.ofMinutes(5));
        RequestState longLived = requestExpiringIn("long", TTL);
        claims.claim(shortLived, Status.IN_PROGRESS);
        claims.claim(longLived, Status.IN_PROGRESS);
        claims.complete(longLived, Status.REVOKED);

        clock.advance(Duration.ofMinutes(10));

        assertThat(claims.size()).isEqualTo(1);
        assertThat(claims.claim(longLived, Status.IN_PROGRESS)).contains(Status.REVOKED);
        assertThat(claims.claim(shortLived, Status.IN_PROGRESS)).isEmpty();
    }

    @Test
    void completeOverwritesAndReleaseForgets() {
        RequestState request = requestExpiringIn("r1", TTL);
        claims.claim(request, Status.IN_PROGRESS);

        claims.complete(request, Status.REVOKED);
        assertThat(claims.claim(request, Status.IN_PROGRESS)).contains(Status.REVOKED);

        claims.release(request);
        assertThat(claims.claim(request, Status.IN_PROGRESS)).isEmpty();
    }

    @Test
    void memoryIsBoundedByTheRequestsStillOpen() {
        // A click a second on requests that live a minute: at most about 60 are open at any time.
        for (int i = 0; i < 20_000; i++) {
            clock.advance(Duration.ofSeconds(1));
            claims.claim(requestExpiringIn("r" + i, Duration.ofMinutes(1)), Status.IN_PROGRESS);
        }

        // Caffeine drops an expired entry within about a second of its expiry.
        assertThat(claims.size()).isBetween(60L, 62L);

        clock.advance(Duration.ofMinutes(2));
        assertThat(claims.size()).isZero();
    }

    private RequestState requestExpiringIn(String requestId, Duration left) {
        return new RequestState(
                requestId,
                "0a1b2c3d4e5f6789",
                "ci-writer",
                "UREQUESTER",
                "CINCIDENT",
                "",
                clock.instant().plus(left));
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {

        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed by the tests");
        }
    }
}
