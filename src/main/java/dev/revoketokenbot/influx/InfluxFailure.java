package dev.revoketokenbot.influx;

/** Why an InfluxDB call did not give an answer the bot can use. */
public enum InfluxFailure {
    /** 400: InfluxDB rejected the ID. */
    INVALID_ID,
    /** 401: the bot's InfluxDB token was not accepted. */
    UNAUTHORIZED,
    /** 403: the bot's InfluxDB token lacks the permission. */
    FORBIDDEN,
    /** 404: no such authorization (or user). */
    NOT_FOUND,
    /** 405: InfluxDB does not allow this on that token (InfluxDB 3's operator token can only be regenerated). */
    NOT_ALLOWED,
    /** 429: InfluxDB asks the bot to slow down. */
    RATE_LIMITED,
    /** 5xx, timeouts, refused connections: InfluxDB did not answer. */
    UNAVAILABLE,
    /** A body the bot could not read (HTML, garbage, an unexpected shape). */
    BAD_RESPONSE,
    /** The request names a target the bot is no longer configured with: nothing was called. */
    UNKNOWN_TARGET
}
