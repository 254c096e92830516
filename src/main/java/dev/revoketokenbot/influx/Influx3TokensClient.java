package dev.revoketokenbot.influx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * InfluxDB 3 Core and Enterprise: tokens are read from the {@code system.tokens} table of database
 * {@code _internal} (there is no token list endpoint; {@code influxdb3 show tokens} does the same)
 * and deleted by name.
 */
@Path("/api/v3")
public interface Influx3TokensClient {

    @POST
    @Path("/query_sql")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TokenRow[] query(SqlQuery query);

    /** Answers 200 with an empty body; 404 for an unknown name, 405 for the operator token {@code _admin}. */
    @DELETE
    @Path("/configure/token")
    void delete(@QueryParam("token_name") String tokenName);

    /**
     * A query with its parameters bound by InfluxDB ({@code $name} in {@code q}), so a name never
     * becomes SQL.
     */
    record SqlQuery(String db, String q, String format, Map<String, String> params) {}

    /**
     * A row of {@code system.tokens}, as much as the bot reads: never the {@code hash} column. InfluxDB
     * leaves out columns that are null, and writes times without a zone (they are UTC).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenRow(
            @JsonProperty("token_id") Long tokenId,
            String name,
            String description,
            String permissions,
            @JsonProperty("created_at") String createdAt,
            String expiry) {}

    @ClientExceptionMapper
    static InfluxException toException(Response response) {
        return InfluxFailures.of(response);
    }
}
