package dev.revoketokenbot.influx;

import com.fasterxml.jackson.core.JacksonException;
import dev.revoketokenbot.config.InfluxSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How the bot calls one target, whatever its kind: each exchange classified into one {@link
 * InfluxException}, timed as {@code revoke_influx_calls{target, operation, outcome}}, noted for the
 * target's reachability, and retried when trying again may help.
 */
final class InfluxCalls {

    private final String target;
    private final InfluxReachability reachability;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Guard retries;

    InfluxCalls(
            String target,
            InfluxSettings settings,
            InfluxReachability reachability,
            MeterRegistry metrics,
            Clock clock) {
        this.target = target;
        this.reachability = reachability;
        this.metrics = metrics;
        this.clock = clock;
        this.retries = Guard.create()
                .withDescription("influxdb " + target)
                .withRetry()
                .maxRetries(settings.maxRetries())
                .delay(200, ChronoUnit.MILLIS)
                .jitter(100, ChronoUnit.MILLIS)
                .maxDuration(30, ChronoUnit.SECONDS)
                .whenException(e -> e instanceof InfluxException influx && influx.isTransient())
                .withCustomBackoff()
                .strategy(() -> new RetryAfterBackoff(settings.maxRetryAfter()))
                .done()
                .done()
                .build();
    }

    /**
     * An exchange that may be repeated (reads, status changes), retried while it fails transiently;
     * an empty answer is BAD_RESPONSE.
     */
    <T> T retried(String operation, Supplier<T> request, Class<T> type) {
        return retries.get(() -> call(operation, () -> requireBody(request.get())), type);
    }

    /**
     * A delete, retried like a read (deletes are idempotent). Answers false only when the very first
     * attempt found the token gone; a NOT_FOUND on a retry means an earlier attempt of ours got through.
     */
    boolean delete(Runnable request) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.get(
                    () -> {
                        attempts.incrementAndGet();
                        return call("delete", () -> {
                            request.run();
                            return Boolean.TRUE;
                        });
                    },
                    Boolean.class);
        } catch (InfluxException e) {
            if (e.failure() == InfluxFailure.NOT_FOUND) {
                return attempts.get() > 1;
            }
            throw e;
        }
    }

    private <T> T call(String operation, Supplier<T> request) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try {
            T result = request.get();
            reachability.observe(true, clock.instant());
            return result;
        } catch (InfluxException | WebApplicationException | ProcessingException e) {
            InfluxException failure = e instanceof InfluxException influx ? influx : classify(e);
            outcome = failure.failure().name().toLowerCase(Locale.ROOT);
            reachability.observe(failure.failure() != InfluxFailure.UNAVAILABLE, clock.instant());
            throw failure;
        } finally {
            sample.stop(
                    metrics.timer("revoke_influx_calls", "target", target, "operation", operation, "outcome", outcome));
        }
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw new InfluxException(InfluxFailure.BAD_RESPONSE, 200, null);
        }
        return body;
    }

    /**
     * Unreadable bodies are BAD_RESPONSE: a JSON error, or a ProcessingException with no cause, which
     * is how the client says an answer (e.g. an HTML page) could not be mapped. Anything else that
     * kept an answer from us (timeouts, refused or reset connections) is UNAVAILABLE.
     */
    private static InfluxException classify(RuntimeException e) {
        if (e.getCause() instanceof InfluxException influx) {
            return influx;
        }
        if (e instanceof ProcessingException && e.getCause() == null) {
            return new InfluxException(InfluxFailure.BAD_RESPONSE, 200, null);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return new InfluxException(InfluxFailure.BAD_RESPONSE, 200, null);
            }
        }
        int status =
                e instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
        return new InfluxException(InfluxFailure.UNAVAILABLE, status, null);
    }
}
