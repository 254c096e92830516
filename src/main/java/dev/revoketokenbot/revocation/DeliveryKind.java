package dev.revoketokenbot.revocation;

/** What a decision owes Slack, delivered through the ledger's outbox until Slack takes it. */
public enum DeliveryKind {
    /** Replace the request message with what became of the request (its buttons go). */
    UPDATE_REQUEST,
    /** Post the record of a revocation to the audit channel. */
    RECORD,
    /** Post to the request's channel that a delete did not take effect and the request is open again. */
    NOT_APPLIED
}
