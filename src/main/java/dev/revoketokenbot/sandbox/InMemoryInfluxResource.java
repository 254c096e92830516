package dev.revoketokenbot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * InfluxDB's {@code /api/v2/authorizations} API, in memory, as InfluxDB OSS 2.x answers it
 * (contracts/influxdb/README.md): {@code Authorization: Token ...} or 401; IDs of 16 hex characters or
 * 400 ({@code id must have a length of 16 bytes}, {@code invalid ID}); 404 with InfluxDB's JSON error
 * for what it does not have; {@code ?user=} (404 for an unknown user) and {@code ?userID=}, which wins;
 * PATCH of {@code status} and {@code description}; DELETE answers 204. Other filters are not played.
 */
@Path(InMemoryInfluxResource.BASE + "/api/v2/authorizations")
@Produces(MediaType.APPLICATION_JSON)
public class InMemoryInfluxResource {

    /** Where the in-memory InfluxDB is served: the bot's {@code INFLUX_URL} is the sandbox's address plus this. */
    static final String BASE = "/sandbox/influxdb";

    private static final String AUTHORIZED = "Token " + InfluxSeed.OPERATOR_TOKEN;
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{16}");
    private static final String ZERO_ID = "0000000000000000";
    private static final Set<String> STATUSES = Set.of(StoredAuthorization.ACTIVE, StoredAuthorization.INACTIVE);
    /** A token value in a query (InfluxDB Cloud's {@code ?token=}) is never shown on the page. */
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(^|&)token=[^&]*");

    private final InMemoryInflux influx;
    private final ObjectMapper json;

    InMemoryInfluxResource(InMemoryInflux influx, ObjectMapper json) {
        this.influx = influx;
        this.json = json;
    }

    /** The body of a list: InfluxDB's {@code Authorizations}. */
    record AuthorizationList(Map<String, String> links, List<StoredAuthorization> authorizations) {}

    /** InfluxDB's error body. */
    record InfluxError(String code, String message) {}

    @GET
    public Response list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("user") String user,
            @QueryParam("userID") String userId,
            @Context UriInfo uri) {
        return answer("GET", uri, authorization, () -> {
            if (userId != null && !userId.isEmpty()) {
                return withId(userId, id -> list(a -> a.userID().equals(id)));
            }
            if (user != null && !user.isEmpty()) {
                return influx.hasUser(user)
                        ? list(a -> a.user().equals(user))
                        : error(404, "not found", "user not found");
            }
            return list(a -> true);
        });
    }

    @GET
    @Path("{authID}")
    public Response get(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("authID") String authId,
            @Context UriInfo uri) {
        return answer(
                "GET",
                uri,
                authorization,
                () -> withId(
                        authId,
                        id -> influx.find(id)
                                .map(found -> Response.ok(found).build())
                                .orElseGet(InMemoryInfluxResource::notFound)));
    }

    @PATCH
    @Path("{authID}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("authID") String authId,
            String body,
            @Context UriInfo uri) {
        return answer(
                "PATCH",
                uri,
                authorization,
                () -> withId(authId, id -> {
                    Optional<JsonNode> update = parse(body);
                    if (update.isEmpty()) {
                        return error(400, "invalid", "invalid json structure");
                    }
                    String status = text(update.get(), "status");
                    if (status != null && !STATUSES.contains(status)) {
                        return error(400, "invalid", "invalid status");
                    }
                    return influx.update(id, status, text(update.get(), "description"))
                            .map(updated -> Response.ok(updated).build())
                            .orElseGet(InMemoryInfluxResource::notFound);
                }));
    }

    @DELETE
    @Path("{authID}")
    public Response delete(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("authID") String authId,
            @Context UriInfo uri) {
        return answer(
                "DELETE",
                uri,
                authorization,
                () -> withId(
                        authId, id -> influx.delete(id) ? Response.noContent().build() : notFound()));
    }

    /** Answers with {@code handler} only with the operator token, and notes the request for the page. */
    private Response answer(String method, UriInfo uri, String authorization, Supplier<Response> handler) {
        Response response =
                AUTHORIZED.equals(authorization) ? handler.get() : error(401, "unauthorized", "unauthorized access");
        String query = uri.getRequestUri().getRawQuery();
        String target = uri.getPath().substring(BASE.length())
                + (query == null ? "" : "?" + TOKEN_PARAMETER.matcher(query).replaceAll("$1token=…"));
        influx.answered(method, target, response.getStatus());
        return response;
    }

    /** Runs {@code action} with the ID as InfluxDB reads it, or answers 400 as InfluxDB does. */
    private static Response withId(String id, Function<String, Response> action) {
        if (id.length() != ZERO_ID.length()) {
            return error(400, "invalid", "id must have a length of 16 bytes");
        }
        if (!HEX_ID.matcher(id).matches() || id.equals(ZERO_ID)) {
            return error(400, "invalid", "invalid ID");
        }
        return action.apply(id.toLowerCase(Locale.ROOT));
    }

    private Response list(Predicate<StoredAuthorization> which) {
        List<StoredAuthorization> found = influx.all().stream().filter(which).toList();
        return Response.ok(new AuthorizationList(Map.of("self", "/api/v2/authorizations"), found))
                .build();
    }

    private Optional<JsonNode> parse(String body) {
        try {
            JsonNode node = json.readTree(Objects.requireNonNullElse(body, ""));
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Response notFound() {
        return error(404, "not found", "authorization not found");
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new InfluxError(code, message))
                .build();
    }
}
