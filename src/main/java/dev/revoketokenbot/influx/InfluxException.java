package dev.revoketokenbot.influx;

import java.time.Duration;
import java.util.Optional;

/**
 * An InfluxDB call that failed, classified once. Its message holds the failure and the HTTP
 * status only: never a URL with parameters, a header or a body.
 */
public class InfluxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final InfluxFailure failure;
    private final int status;
    private final transient Duration retryAfter;

    public InfluxException(InfluxFailure failure, int status, Duration retryAfter) {
        super("InfluxDB call failed: " + failure + (status > 0 ? " (HTTP " + status + ")" : ""), null, false, false);
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public InfluxFailure failure() {
        return failure;
    }

    /** The HTTP status InfluxDB answered with, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Whether trying again may help: InfluxDB did not answer, failed (5xx), or asked to slow down. */
    public boolean isTransient() {
        return failure == InfluxFailure.UNAVAILABLE || failure == InfluxFailure.RATE_LIMITED;
    }

    /** How long InfluxDB asked the bot to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
