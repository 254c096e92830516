package dev.revoketokenbot.influx;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** InfluxDB's {@code /api/v2/authorizations} API (Cloud Serverless, Cloud, OSS 2.x). */
@RegisterRestClient(configKey = "influx")
@RegisterClientHeaders(InfluxTokenHeader.class)
@Path("/api/v2/authorizations")
@Produces(MediaType.APPLICATION_JSON)
public interface InfluxAuthorizationsClient {

    @GET
    @Path("/{authID}")
    Authorization get(@PathParam("authID") String authorizationId);

    /** Sent as {@code ?user=NAME}, encoded by the client: a name never becomes part of a path. */
    @GET
    AuthorizationList listByUser(@QueryParam("user") String userName);

    @DELETE
    @Path("/{authID}")
    void delete(@PathParam("authID") String authorizationId);

    /** Sets the status: {@code inactive} makes InfluxDB refuse the token at once, {@code active} undoes it. */
    @PATCH
    @Path("/{authID}")
    @Consumes(MediaType.APPLICATION_JSON)
    Authorization update(@PathParam("authID") String authorizationId, StatusUpdate update);

    /** InfluxDB's {@code AuthorizationUpdateRequest}, with only the status set. */
    record StatusUpdate(String status) {}

    /** Maps every 4xx and 5xx to one classified exception; the body is never read or kept. */
    @ClientExceptionMapper
    static InfluxException toException(Response response) {
        int status = response.getStatus();
        InfluxFailure failure = switch (status) {
            case 400 -> InfluxFailure.INVALID_ID;
            case 401 -> InfluxFailure.UNAUTHORIZED;
            case 403 -> InfluxFailure.FORBIDDEN;
            case 404 -> InfluxFailure.NOT_FOUND;
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
