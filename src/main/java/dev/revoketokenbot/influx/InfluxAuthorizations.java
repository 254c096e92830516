package dev.revoketokenbot.influx;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The InfluxDB operations the bot performs, each failing with one {@link InfluxException} whose
 * {@link InfluxFailure} says what went wrong. Callers validate IDs before calling.
 */
@ApplicationScoped
public class InfluxAuthorizations {

    private final InfluxAuthorizationsClient client;

    InfluxAuthorizations(@RestClient InfluxAuthorizationsClient client) {
        this.client = client;
    }

    public Authorization find(String authorizationId) {
        return call(() -> requireBody(client.get(authorizationId)));
    }

    /** The user's authorizations in InfluxDB's order; unknown users fail with NOT_FOUND (OSS). */
    public List<Authorization> findByUser(String userName) {
        return call(() -> requireBody(client.listByUser(userName)).authorizations());
    }

    /**
     * Deletes the authorization. Returns false when InfluxDB says it is already gone (404): the
     * outcome the caller wanted, reached by someone else.
     */
    public boolean delete(String authorizationId) {
        try {
            call(() -> {
                client.delete(authorizationId);
                return null;
            });
            return true;
        } catch (InfluxException e) {
            if (e.failure() == InfluxFailure.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
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
