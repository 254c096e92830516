package dev.revoketokenbot.influx;

import com.fasterxml.jackson.core.JacksonException;
import dev.revoketokenbot.config.InfluxSettings;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    private final InfluxAuthorizationsClient client;
    private final Guard retries;

    InfluxAuthorizations(@RestClient InfluxAuthorizationsClient client, InfluxSettings settings) {
        this.client = client;
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
        return retries.get(() -> call(() -> requireBody(client.get(authorizationId))), Authorization.class);
    }

    /** The user's authorizations in InfluxDB's order; unknown users fail with NOT_FOUND (OSS). */
    public List<Authorization> findByUser(String userName) {
        return retries.get(() -> call(() -> requireBody(client.listByUser(userName))), AuthorizationList.class)
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
                        return call(() -> {
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

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (InfluxException e) {
            throw e;
        } catch (WebApplicationException | ProcessingException e) {
            throw classify(e);
        }
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw new InfluxException(InfluxFailure.BAD_RESPONSE, 200, null);
        }
        return body;
    }

    /** Unreadable bodies are BAD_RESPONSE; anything else that kept an answer from us is UNAVAILABLE. */
    private static InfluxException classify(RuntimeException e) {
        if (e.getCause() instanceof InfluxException influx) {
            return influx;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return new InfluxException(InfluxFailure.BAD_RESPONSE, 200, null);
            }
        }
        int status = e instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
        return new InfluxException(InfluxFailure.UNAVAILABLE, status, null);
    }
}
