package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.Deliveries;
import dev.revoketokenbot.revocation.Delivery;
import dev.revoketokenbot.revocation.LedgerException;
import dev.revoketokenbot.revocation.RequestView;
import dev.revoketokenbot.revocation.RequestViews;
import dev.revoketokenbot.revocation.RevocationRequest;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Delivers what decisions owe Slack (message updates, channel records) from the ledger's outbox:
 * at once, on the thread that made the decision, and again from every replica's poll until Slack
 * takes each one. Each try holds its delivery in the ledger, so one is not sent twice at once.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    /**
     * Slack errors that no retry can mend: the message or its channel is gone for good, or Slack
     * will never take the message as built. A bot not in the channel may be invited, so that one is
     * retried.
     */
    private static final Set<String> FINAL_ERRORS = Set.of(
            "message_not_found",
            "cant_update_message",
            "edit_window_closed",
            "is_archived",
            "invalid_blocks",
            "msg_too_long",
            "msg_blocks_too_long",
            "no_text",
            "invalid_arguments");

    /** How often one update of an open request's message is sent again while the request keeps changing. */
    private static final int MAX_RENDERS = 5;

    private final Deliveries deliveries;
    private final SlackMessages messages;
    private final RequestViews views;

    OutboxDelivery(Deliveries deliveries, SlackMessages messages, RequestViews views) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.views = views;
    }

    /** A delivery Slack did not take this time; unless {@code isFinal}, it stays in the outbox. */
    record NotYet(Delivery delivery, String error, boolean isFinal) {}

    /**
     * Gives the deliveries a decision just made (and holds for this thread) their first try; returns
     * the ones Slack did not take (they are retried later).
     */
    List<NotYet> deliverNow(List<Delivery> held) {
        List<Delivery> delivered = new ArrayList<>();
        List<NotYet> notYet = new ArrayList<>();
        for (Delivery delivery : held) {
            deliver(delivery).ifPresentOrElse(notYet::add, () -> delivered.add(delivery));
        }
        markDelivered(delivered);
        return notYet;
    }

    @Scheduled(
            identity = "deliver-outbox",
            every = "${revoke.outbox.poll-every}",
            delayed = "${revoke.outbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        List<Long> due;
        try {
            due = deliveries.due();
        } catch (LedgerException e) {
            LOG.warnf("Outbox not read this time: %s", e.getMessage());
            return;
        }
        for (long id : due) {
            try {
                deliveries.take(id).ifPresent(delivery -> {
                    if (deliver(delivery).isEmpty()) {
                        markDelivered(List.of(delivery));
                    }
                });
            } catch (LedgerException e) {
                LOG.warnf("Delivery %d left for the next poll: %s", id, e.getMessage());
            }
        }
    }

    /** Sends one delivery; when Slack does not take it, notes the failure and says why. */
    private Optional<NotYet> deliver(Delivery delivery) {
        SlackMessages.Sent sent = send(delivery);
        if (sent.ok()) {
            return Optional.empty();
        }
        boolean isFinal = FINAL_ERRORS.contains(sent.error());
        try {
            deliveries.failed(delivery, sent.error(), isFinal, sent.retryAfter());
        } catch (LedgerException e) {
            LOG.warnf("Failed delivery %d not noted, tried again after its hold: %s", delivery.id(), e.getMessage());
        }
        return Optional.of(new NotYet(delivery, sent.error(), isFinal));
    }

    private void markDelivered(List<Delivery> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        try {
            deliveries.delivered(delivered);
        } catch (LedgerException e) {
            LOG.warnf("Delivered %d message(s) not marked so: %s", delivered.size(), e.getMessage());
        }
    }

    private SlackMessages.Sent send(Delivery delivery) {
        return switch (delivery.kind()) {
            case UPDATE_REQUEST ->
                delivery.request().stage().isClosed()
                        ? updateClosed(delivery.channel(), delivery.request())
                        : updateOpen(delivery);
            case RECORD ->
                messages.post(
                        delivery.channel(),
                        delivery.decision() == null
                                ? RequestMessages.record(delivery.request())
                                : RequestMessages.record(delivery.request(), delivery.decision()));
            case NOT_APPLIED ->
                messages.post(delivery.channel(), RequestMessages.notApplied(delivery.request(), delivery.decision()));
        };
    }

    /** A closed request's message: final, like the request. */
    private SlackMessages.Sent updateClosed(String channel, RevocationRequest request) {
        return messages.update(
                channel, request.messageTs(), RequestMessages.closedFallback(request), RequestMessages.closed(request));
    }

    /**
     * An open or deactivated request's message shows the request as the ledger has it when sent; if
     * it changed meanwhile (another approval, a close), the message is sent again, so the last
     * update Slack takes shows the request as it stands.
     */
    private SlackMessages.Sent updateOpen(Delivery delivery) {
        SlackMessages.Sent sent = null;
        for (int render = 0; render < MAX_RENDERS; render++) {
            RequestView view = views.current(delivery.request().id()).orElseThrow();
            RevocationRequest shown = view.request();
            if (shown.stage().isClosed()) {
                return updateClosed(delivery.channel(), shown);
            }
            sent = messages.update(
                    delivery.channel(),
                    shown.messageTs(),
                    RequestMessages.requestFallback(view),
                    RequestMessages.request(view));
            if (!sent.ok() || views.isCurrent(shown)) {
                return sent;
            }
        }
        return sent;
    }
}
