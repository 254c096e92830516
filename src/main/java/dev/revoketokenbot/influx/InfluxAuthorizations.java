package dev.revoketokenbot.influx;

import com.fasterxml.jackson.core.JacksonException;
import dev.revoketokenbot.config.InfluxSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The InfluxDB operations the bot performs, each failing with one {@link InfluxException} whose
 * {@link InfluxFailure} says what went wrong. Transient failures (no answer, 5xx, 429) are retried
 * a bounded number of times, honouring {@code Retry-After}. Callers validate IDs before calling.
 */
@ApplicationScoped
public class InfluxAuthorizations {

    /** The status of a token InfluxDB accepts. */
    public static final String ACTIVE = "active";
    /** The status of a token InfluxDB refuses at once: deactivated, reversibly. */
    public static final String INACTIVE = "inactive";

    private final InfluxAuthorizationsClient client;
    private final InfluxReachability reachability;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Guard retries;

    InfluxAuthorizations(
            @RestClient InfluxAuthorizationsClient client,
            InfluxSettings settings,
            InfluxReachability reachability,
            MeterRegistry metrics,
            Clock clock) {
        this.client = client;
        this.reachability = reachability;
        this.metrics = metrics;
        this.clock = clock;
        this.retries = Guard.create()
                .withDescription("influxdb")
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

    public Authorization find(String authorizationId) {
        return retries.get(() -> call("get", () -> requireBody(client.get(authorizationId))), Authorization.class);
    }

    /** The user's authorizations in InfluxDB's order; unknown users fail with NOT_FOUND (OSS). */
    public List<Authorization> findByUser(String userName) {
        return retries.get(() -> call("list", () -> requireBody(client.listByUser(userName))), AuthorizationList.class)
                .authorizations();
    }

    /**
     * Deletes the authorization. DELETE is idempotent, so it is retried like a read; a 404 on a
     * retry means an earlier attempt of ours got through. Returns false only when the very first
     * attempt found it gone: someone else revoked it.
     */
    public boolean delete(String authorizationId) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retries.get(
                    () -> {
                        attempts.incrementAndGet();
                        return call("delete", () -> {
                            client.delete(authorizationId);
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

    /** What kind of InfluxDB this is, and so which actions its tokens allow. */
    public TargetKind kind() {
        return TargetKind.V2;
    }

    /**
     * Sets the authorization's status ({@link #INACTIVE} or {@link #ACTIVE}). Setting a status is
     * idempotent, so it is retried like a read. Answers the authorization as InfluxDB now has it.
     */
    public Authorization setStatus(String authorizationId, String status) {
        return retries.get(
                () -> call(
                        "patch",
                        () -> requireBody(
                                client.update(authorizationId, new InfluxAuthorizationsClient.StatusUpdate(status)))),
                Authorization.class);
    }

    /** One HTTP exchange: classified, timed ({@code revoke_influx_calls}), and noted for reachability. */
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
            sample.stop(metrics.timer("revoke_influx_calls", "operation", operation, "outcome", outcome));
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
