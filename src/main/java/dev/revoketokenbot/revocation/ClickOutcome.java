package dev.revoketokenbot.revocation;

import java.util.List;

/** What a click on a request's button came to, carrying all that the Slack room needs to show it. */
public sealed interface ClickOutcome {

    /**
     * The click moved the request; its message update (and record) are in the outbox, held for the
     * clicking thread's first try: {@code deliveries}.
     */
    record Changed(RevocationRequest request, List<Delivery> deliveries) implements ClickOutcome {}

    /** The request was closed before this click; nothing new was recorded. */
    record AlreadyClosed(RevocationRequest request) implements ClickOutcome {}

    /** Another approver's click is deleting the token right now, or its outcome is being checked. */
    record InProgress(RevocationRequest request) implements ClickOutcome {}

    /** The policy refused the click; the message stays as it is. */
    record Refused(Decision reason) implements ClickOutcome {}

    /** The button value did not verify: forged, edited or truncated. */
    record Tampered() implements ClickOutcome {}

    /** The button names a request the ledger does not have. */
    record UnknownRequest() implements ClickOutcome {}

    /** The delete failed and InfluxDB shows the token still there: nothing changed, the request is open. */
    record Failed(RevocationRequest request, Failure failure) implements ClickOutcome {}

    /**
     * InfluxDB could not say whether the delete took effect. The request stays held; the bot keeps
     * asking InfluxDB and posts the outcome in the channel.
     */
    record Unconfirmed(RevocationRequest request) implements ClickOutcome {}

    /** The ledger could not be read or written: nothing was decided. */
    record LedgerDown() implements ClickOutcome {}
}
