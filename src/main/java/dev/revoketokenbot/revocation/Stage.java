package dev.revoketokenbot.revocation;

/**
 * Where a request stands in the ledger. A request is acted on in its open stages ({@link #OPEN},
 * {@link #DEACTIVATED}, {@link #KEPT_DEACTIVATED}); a click that acts holds it in a held stage
 * while InfluxDB is changed and read again; a closed stage is never left or rewritten.
 */
public enum Stage {
    /** Posted, waiting for approvers. */
    OPEN,
    /** An approver's click holds it while the token is deactivated and read again. */
    DEACTIVATING,
    /** InfluxDB refuses the token, reversibly; approvers may reactivate or revoke it. */
    DEACTIVATED,
    /** Expired while deactivated: the token stays deactivated, and approvers may still act. */
    KEPT_DEACTIVATED,
    /** An approver's click holds it while the token is made active again and read again. */
    REACTIVATING,
    /** An approver's click holds it while the token is deleted and read again. */
    REVOKING,
    /** InfluxDB no longer has the token: this request deleted it. */
    REVOKED,
    /** The token was already gone when an approver clicked: nothing was deleted by this request. */
    GONE,
    /** The token was deactivated and is active again: the request is closed. */
    REACTIVATED,
    CANCELLED,
    EXPIRED,
    /** Slack did not take the request message, so nobody could act on it. */
    NOT_POSTED;

    /** A held stage: one click is changing the token in InfluxDB. */
    public boolean isHeld() {
        return this == DEACTIVATING || this == REACTIVATING || this == REVOKING;
    }

    /** InfluxDB refuses the token, and the request is still open for approvers. */
    public boolean isDeactivated() {
        return this == DEACTIVATED || this == KEPT_DEACTIVATED;
    }

    public boolean isClosed() {
        return this != OPEN && !isDeactivated() && !isHeld();
    }
}
