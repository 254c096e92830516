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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** InfluxDB's {@code /api/v2/authorizations} API (Cloud Serverless, Cloud, OSS 2.x). */
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
        return InfluxFailures.of(response);
    }
}
