package dev.revoketokenbot.revocation;

/** Why a lookup or a revocation could not be done. Each has its own message for the person who acted. */
public enum Problem {
    /** InfluxDB rejected the ID as invalid (400). */
    INVALID_ID,
    /** No such authorization. */
    NOT_FOUND,
    /** InfluxDB knows no such user. */
    USER_NOT_FOUND,
    /** The user exists but has no tokens. */
    USER_HAS_NO_TOKENS,
    /** The bot's InfluxDB token was rejected (401). */
    INFLUX_UNAUTHORIZED,
    /** The bot's InfluxDB token lacks the permission (403). */
    INFLUX_FORBIDDEN,
    /** InfluxDB rate limited the bot (429). */
    INFLUX_RATE_LIMITED,
    /** InfluxDB did not answer: 5xx, timeout, refused connection. */
    INFLUX_UNAVAILABLE,
    /** InfluxDB answered with a body the bot could not read. */
    INFLUX_BAD_RESPONSE,
    /** InfluxDB answered about another token or user than the one asked for: not trusted. */
    INFLUX_MISMATCH,
    /** InfluxDB accepted a delete, yet reading the token again shows it still there. */
    DELETE_NOT_APPLIED,
    /** InfluxDB took a status change, but reading the token again shows the status it had. */
    STATUS_NOT_APPLIED,
    /** The request ledger could not be read or written: nothing was decided. */
    LEDGER_UNAVAILABLE,
    /** InfluxDB does not allow deleting this token (405): InfluxDB 3's operator token, or a server without auth. */
    DELETE_NOT_ALLOWED,
    /** The InfluxDB 3 operator token {@code _admin}: it cannot be deleted, only regenerated. */
    OPERATOR_TOKEN,
    /** The Management API lists the token as revoked already. */
    ALREADY_REVOKED,
    /** The request names an InfluxDB target the bot is no longer configured with. */
    TARGET_UNKNOWN
}
