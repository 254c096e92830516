package dev.revoketokenbot.influx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The database tokens of the InfluxDB Management API, relative to where they live: for Cloud
 * Dedicated {@code /api/v0/accounts/{accountId}/clusters/{clusterId}}, for Clustered {@code /api/v0}
 * (the client's base URI holds that part).
 */
@Path("/tokens")
public interface ManagementTokensClient {

    @GET
    @Path("/{tokenId}")
    @Produces(MediaType.APPLICATION_JSON)
    DatabaseToken get(@PathParam("tokenId") String tokenId);

    /** Revokes the token, at once and for good; it stays listed, with {@code revokedAt} set. */
    @DELETE
    @Path("/{tokenId}")
    void delete(@PathParam("tokenId") String tokenId);

    /** A database token as the Management API describes it; it never holds the token's value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DatabaseToken(
            String id,
            String description,
            List<Permission> permissions,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {}

    /** An action ({@code read}, {@code write}) on a database, or on every one ({@code *}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Permission(String action, String resource) {}

    @ClientExceptionMapper
    static InfluxException toException(Response response) {
        return InfluxFailures.of(response);
    }
}
