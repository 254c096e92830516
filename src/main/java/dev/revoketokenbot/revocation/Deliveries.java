package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The ledger's outbox, as the Slack room works through it: take a due delivery, then say whether
 * Slack took it. A failed one is tried again later, waiting longer each time (and at least what
 * Slack's {@code Retry-After} asked), until Slack takes it, after a restart too.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    /** How long one try may hold a delivery before another thread or replica may try it. */
    private static final Duration HOLD = Duration.ofSeconds(60);

    private static final int BATCH = 50;

    private final OutboxRows ledger;
    private final Clock clock;
    private final RevokeSettings.Outbox settings;

    Deliveries(OutboxRows ledger, Clock clock, RevokeSettings settings) {
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings.outbox();
    }

    /** Deliveries due for a try, oldest first. */
    public List<Long> due() {
        return ledger.dueDeliveries(clock.instant(), BATCH);
    }

    /** Takes a due delivery for one try; empty when it is delivered, given up, or another try holds it. */
    public Optional<Delivery> take(long id) {
        Instant now = clock.instant();
        return ledger.claimDelivery(id, now, now.plus(HOLD));
    }

    /** Slack took these: marks them delivered, in one transaction. */
    public void delivered(List<Delivery> delivered) {
        ledger.delivered(delivered.stream().map(Delivery::id).toList(), clock.instant());
    }

    /**
     * Slack did not take it: try again later, or give up when trying again cannot help ({@code
     * final}, say the message is gone) or once it is older than the outbox allows.
     */
    public void failed(Delivery delivery, String slackError, boolean isFinal, Optional<Duration> retryAfter) {
        Instant now = clock.instant();
        if (isFinal || Duration.between(delivery.createdAt(), now).compareTo(settings.giveUpAfter()) > 0) {
            LOG.errorf(
                    "Gave up delivering %s of request %s after %d tries: %s",
                    delivery.kind(), delivery.request().id(), delivery.attempts() + 1, slackError);
            ledger.giveUpDelivery(delivery.id(), now, slackError);
            return;
        }
        Duration wait = backoff(delivery.attempts());
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        ledger.retryDelivery(delivery.id(), now.plus(wait), slackError);
    }

    /** The first retry's wait, doubling per failed try, up to the longest. */
    Duration backoff(int failedBefore) {
        Duration wait = settings.firstRetry();
        for (int i = 0; i < failedBefore && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }
}
