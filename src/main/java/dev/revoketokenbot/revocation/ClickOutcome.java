package dev.revoketokenbot.revocation;

import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import java.util.List;

/** What a click on a request's button came to, carrying all that the Slack room needs to show it. */
public sealed interface ClickOutcome {

    /**
     * The click moved the request; its message update (and record) are in the outbox, held for the
     * clicking thread's first try: {@code deliveries}.
     */
    record Changed(RevocationRequest request, List<Delivery> deliveries) implements ClickOutcome {}

    /**
     * The click's approval counted, but {@code intent} needs more approvers before it is done; the
     * message shows the progress ({@code deliveries}: its update, held for the clicking thread).
     */
    record Approved(
            RevocationRequest request, Intent intent, List<String> approvers, int needed, List<Delivery> deliveries)
            implements ClickOutcome {}

    /** The clicker had approved {@code intent} before: an approval counts once. */
    record AlreadyApproved(RevocationRequest request, Intent intent, List<String> approvers, int needed)
            implements ClickOutcome {}

    /** The request was closed before this click; nothing new was recorded. */
    record AlreadyClosed(RevocationRequest request) implements ClickOutcome {}

    /**
     * Another approver's click is changing the token right now, or its outcome is being checked; or
     * (the request not held) the request kept changing under this click, which decided nothing.
     */
    record InProgress(RevocationRequest request) implements ClickOutcome {}

    /** The policy refused the click; the message stays as it is. */
    record Refused(Decision reason) implements ClickOutcome {}

    /** The button value did not verify: forged, edited or truncated. */
    record Tampered() implements ClickOutcome {}

    /** The button names a request the ledger does not have. */
    record UnknownRequest() implements ClickOutcome {}

    /**
     * The change failed and InfluxDB shows the token as it was: nothing changed, the request is open
     * again; its message is redrawn as it now stands ({@code deliveries}, held for the clicking thread).
     */
    record Failed(RevocationRequest request, Failure failure, List<Delivery> deliveries) implements ClickOutcome {}

    /**
     * InfluxDB could not say whether the change took effect. The request stays held; the bot keeps
     * asking InfluxDB and posts the outcome in the channel.
     */
    record Unconfirmed(RevocationRequest request) implements ClickOutcome {}

    /** The ledger could not be read or written: nothing was decided. */
    record LedgerDown() implements ClickOutcome {}
}
