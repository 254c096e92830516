package dev.revoketokenbot.revocation;

/** What came of an attempt, as the audit line, the ledger and the metrics name it. */
public enum AuditOutcome {
    /** The request message reached the channel. */
    POSTED,
    NOT_POSTED,
    LOOKUP_FAILED,
    /** The token is gone from InfluxDB because of this request. */
    REVOKED,
    /** The token was already gone from InfluxDB; this request deleted nothing. */
    ALREADY_GONE,
    /** InfluxDB still has the token after a delete that did not succeed: nothing was changed. */
    FAILED,
    /** InfluxDB could not tell yet whether a delete took effect; the bot keeps asking. */
    UNCONFIRMED,
    REFUSED,
    CANCELLED,
    EXPIRED
}
