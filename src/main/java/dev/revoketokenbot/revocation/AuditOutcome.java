package dev.revoketokenbot.revocation;

/** What came of an attempt, as the audit line, the ledger and the metrics name it. */
public enum AuditOutcome {
    /** The request message reached the channel. */
    POSTED,
    NOT_POSTED,
    LOOKUP_FAILED,
    /** One approval counted toward the approvals an action needs; not enough yet to act. */
    APPROVED,
    /** InfluxDB refuses the token now, reversibly, because of this request. */
    DEACTIVATED,
    /** The token this request deactivated is active again. */
    REACTIVATED,
    /** The request expired while its token was deactivated: the token stays deactivated. */
    KEPT_DEACTIVATED,
    /** The token is gone from InfluxDB because of this request. */
    REVOKED,
    /** The token was already gone from InfluxDB; this request deleted nothing. */
    ALREADY_GONE,
    /** InfluxDB shows the token as it was before a change that did not succeed: nothing was changed. */
    FAILED,
    /** InfluxDB could not tell yet whether a change took effect; the bot keeps asking. */
    UNCONFIRMED,
    REFUSED,
    CANCELLED,
    EXPIRED
}
