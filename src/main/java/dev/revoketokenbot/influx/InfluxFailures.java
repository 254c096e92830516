package dev.revoketokenbot.influx;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** How every InfluxDB client classifies an error answer; the body is never read or kept. */
final class InfluxFailures {

    private InfluxFailures() {}

    static InfluxException of(Response response) {
        int status = response.getStatus();
        InfluxFailure failure = switch (status) {
            case 400 -> InfluxFailure.INVALID_ID;
            case 401 -> InfluxFailure.UNAUTHORIZED;
            case 403 -> InfluxFailure.FORBIDDEN;
            case 404 -> InfluxFailure.NOT_FOUND;
            case 405 -> InfluxFailure.NOT_ALLOWED;
            case 429 -> InfluxFailure.RATE_LIMITED;
            default -> status >= 500 ? InfluxFailure.UNAVAILABLE : InfluxFailure.BAD_RESPONSE;
        };
        return new InfluxException(failure, status, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
    }

    /** {@code Retry-After} in seconds, as InfluxDB Cloud sends it; anything else is ignored. */
    private static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }
}
