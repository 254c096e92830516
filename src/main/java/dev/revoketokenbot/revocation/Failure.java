package dev.revoketokenbot.revocation;

import dev.revoketokenbot.influx.InfluxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A failed InfluxDB step: what went wrong, during which operation, and how long InfluxDB asked to
 * wait. Nothing was changed when a failure is reported.
 */
public record Failure(Problem problem, Operation operation, int influxStatus, Optional<Duration> retryAfter) {

    /** What the bot was doing when it failed; a 403 names the missing permission through it. */
    public enum Operation {
        READ,
        /** Setting the token's status: deactivating or reactivating it. */
        UPDATE,
        DELETE
    }

    /** The problem as the ledger, the audit line and the metrics name it. */
    static String code(Problem problem) {
        return problem.name().toLowerCase(Locale.ROOT);
    }

    static Failure of(Problem problem, Operation operation) {
        return new Failure(problem, operation, 0, Optional.empty());
    }

    static Failure from(InfluxException e, Operation operation, Problem notFound) {
        Problem problem = switch (e.failure()) {
            case INVALID_ID -> Problem.INVALID_ID;
            case UNAUTHORIZED -> Problem.INFLUX_UNAUTHORIZED;
            case FORBIDDEN -> Problem.INFLUX_FORBIDDEN;
            case NOT_FOUND -> notFound;
            case NOT_ALLOWED -> Problem.DELETE_NOT_ALLOWED;
            case UNKNOWN_TARGET -> Problem.TARGET_UNKNOWN;
            case RATE_LIMITED -> Problem.INFLUX_RATE_LIMITED;
            case UNAVAILABLE -> Problem.INFLUX_UNAVAILABLE;
            case BAD_RESPONSE -> Problem.INFLUX_BAD_RESPONSE;
        };
        return new Failure(problem, operation, e.status(), e.retryAfter());
    }
}
