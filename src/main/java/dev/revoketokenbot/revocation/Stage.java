package dev.revoketokenbot.revocation;

/**
 * Where a request stands in the ledger. Only {@link #OPEN} and {@link #REVOKING} can move; a
 * closed stage is never left or rewritten.
 */
public enum Stage {
    /** Posted, waiting for an approver. */
    OPEN,
    /** An approver's click holds it while the token is deleted and read again. */
    REVOKING,
    /** InfluxDB no longer has the token: this request deleted it. */
    REVOKED,
    /** The token was already gone when an approver clicked: nothing was deleted by this request. */
    GONE,
    CANCELLED,
    EXPIRED,
    /** Slack did not take the request message, so nobody could act on it. */
    NOT_POSTED;

    public boolean isClosed() {
        return this != OPEN && this != REVOKING;
    }
}
