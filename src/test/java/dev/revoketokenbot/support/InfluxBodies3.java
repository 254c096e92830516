package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies for stubs of the InfluxDB 3 kinds, each one held to its contract by InfluxContractsTest:
 * InfluxDB 3 Core and Enterprise ({@code v3}: tokens read through SQL from {@code system.tokens},
 * deleted by name) and the Management API of Cloud Dedicated and Clustered (database tokens by
 * UUID). Where a value's form comes from InfluxDB's source or docs, the method says which.
 */
public final class InfluxBodies3 {

    /** The SQL the bot runs to read one token's row; {@code $name} is bound through {@code params}. */
    public static final String V3_TOKEN_SQL =
            "SELECT token_id, name, description, permissions, created_at, expiry FROM system.tokens WHERE name = $name";

    /** The operator token of InfluxDB 3: it cannot be deleted, only regenerated. */
    public static final String V3_OPERATOR_TOKEN = "_admin";

    /** The permissions column of every Core token: Core has admin tokens only (influxdb3_server, system.tokens). */
    public static final String V3_CORE_PERMISSIONS = "*:*:*";

    /** An Enterprise resource token's permissions, RESOURCE_TYPE:RESOURCE_NAMES:ACTIONS as the CLI takes them. */
    public static final String V3_ENTERPRISE_PERMISSIONS = "db:*:read,write";

    /**
     * A created_at as InfluxDB 3 writes it: a millisecond timestamp without zone (Arrow's
     * Timestamp(ms, None) through arrow-json), with no fraction when the milliseconds are zero.
     */
    public static final String V3_CREATED_AT = "2026-11-30T10:14:03.512";

    /** An expiry 90 days after {@link #V3_CREATED_AT} (created with {@code --expiry 90d}). */
    public static final String V3_EXPIRY = "2027-02-28T10:14:03.512";

    /** InfluxDB 3's answer to DELETE of the operator token (405, CatalogError::CannotDeleteOperatorToken). */
    public static final String V3_CANNOT_DELETE_OPERATOR_TOKEN = "cannot delete operator token";

    /** A Cloud Dedicated account, cluster and database token (UUIDv4, as the Management API's ids are). */
    public static final String ACCOUNT_ID = "4b3e6a1c-8d2f-4e7a-9c15-2f6b8e0d7a31";

    public static final String CLUSTER_ID = "c2a9f6e4-1b7d-4f3a-8e52-6d0c9b4a7f18";
    public static final String TOKEN_ID = "7f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    /** When the management token examples were created, and when one was revoked (RFC 3339, UTC). */
    public static final String CREATED_AT = "2026-11-30T10:14:03.512Z";

    public static final String REVOKED_AT = "2026-12-02T08:41:19.077Z";

    private InfluxBodies3() {}

    // ---- InfluxDB 3 Core / Enterprise ----

    /** The body of the bot's {@code POST /api/v3/query_sql} that reads the token named {@code name}. */
    public static String v3TokenQuery(String name) {
        return "{\"db\":\"_internal\",\"q\":" + json(V3_TOKEN_SQL) + ",\"format\":\"json\",\"params\":{\"name\":"
                + json(name) + "}}";
    }

    /**
     * The rows answering {@link #v3TokenQuery} for an Enterprise resource token with a description and
     * an expiry: one row.
     */
    public static String v3TokenRows(String name) {
        return v3Rows(v3TokenRow(3, name, "CI pipeline: writes build metrics", V3_ENTERPRISE_PERMISSIONS, V3_EXPIRY));
    }

    /**
     * One row of {@code system.tokens} as {@code format=json} writes it: columns in the query's order,
     * null columns ({@code description}, {@code expiry}) left out.
     */
    public static String v3TokenRow(long id, String name, String description, String permissions, String expiry) {
        List<String> columns = new ArrayList<>();
        columns.add("\"token_id\":" + id);
        columns.add("\"name\":" + json(name));
        if (description != null) {
            columns.add("\"description\":" + json(description));
        }
        columns.add("\"permissions\":" + json(permissions));
        columns.add("\"created_at\":" + json(V3_CREATED_AT));
        if (expiry != null) {
            columns.add("\"expiry\":" + json(expiry));
        }
        return "{" + String.join(",", columns) + "}";
    }

    /** A {@code format=json} answer: a JSON array of rows. */
    public static String v3Rows(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }

    /** The answer when no token has the name: an empty array. */
    public static String v3NoRows() {
        return "[]";
    }

    /** InfluxDB 3's 404 text for a token name it does not have (CatalogError::NotFound). */
    public static String v3NotFound(String name) {
        return "the requested resource was not found: " + name;
    }

    /** 200 with rows, as query_sql answers with {@code format=json}. */
    public static ResponseDefinitionBuilder v3QueryResponse(String rows) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(rows);
    }

    /** A successful DELETE of a token: 200, no body. */
    public static ResponseDefinitionBuilder v3DeletedResponse() {
        return aResponse().withStatus(200);
    }

    /** DELETE of a name InfluxDB 3 does not have: 404 with plain text (the server sends no Content-Type). */
    public static ResponseDefinitionBuilder v3NotFoundResponse(String name) {
        return aResponse().withStatus(404).withBody(v3NotFound(name));
    }

    /** DELETE of {@link #V3_OPERATOR_TOKEN}: 405 with plain text (no Content-Type). */
    public static ResponseDefinitionBuilder v3OperatorTokenResponse() {
        return aResponse().withStatus(405).withBody(V3_CANNOT_DELETE_OPERATOR_TOKEN);
    }

    /** A missing or unknown token on any InfluxDB 3 endpoint: 401, empty body. */
    public static ResponseDefinitionBuilder v3UnauthorizedResponse() {
        return aResponse().withStatus(401);
    }

    // ---- Management API: Cloud Dedicated and Clustered ----

    /** A Cloud Dedicated database token, active, that never expires. */
    public static String dedicatedToken(String accountId, String clusterId, String tokenId, String description) {
        return "{\"accountId\":" + json(accountId) + ",\"clusterId\":" + json(clusterId) + ","
                + tokenFields(tokenId, description) + "}";
    }

    /** A Clustered database token, active, that never expires: no account or cluster in it. */
    public static String clusteredToken(String tokenId, String description) {
        return "{" + tokenFields(tokenId, description) + "}";
    }

    /** The same token with an expiry ({@code expiresAt}, RFC 3339). */
    public static String expiring(String token, String expiresAt) {
        return withField(token, "expiresAt", expiresAt);
    }

    /** The same token, revoked at {@code revokedAt} (RFC 3339): revoked tokens stay listed. */
    public static String revoked(String token, String revokedAt) {
        return withField(token, "revokedAt", revokedAt);
    }

    /** The Management API's error body, e.g. {@code {"code":404,"message":"not found"}}. */
    public static String managementError(int status) {
        return "{\"code\":" + status + ",\"message\":" + json(managementMessage(status)) + "}";
    }

    /** The Management API's error answer for one status, with its JSON error body. */
    public static ResponseDefinitionBuilder managementErrorResponse(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(managementError(status));
    }

    /** The Management API's answer to GET of a token. */
    public static ResponseDefinitionBuilder managementTokenResponse(String token) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(token);
    }

    /** A successful DELETE (revoke) of a database token: 204, no body. */
    public static ResponseDefinitionBuilder managementDeletedResponse() {
        return aResponse().withStatus(204);
    }

    private static String tokenFields(String tokenId, String description) {
        return "\"id\":" + json(tokenId) + ",\"description\":" + json(description)
                + ",\"permissions\":[{\"action\":\"write\",\"resource\":\"ci-metrics\"},"
                + "{\"action\":\"read\",\"resource\":\"ci-metrics\"}],\"createdAt\":" + json(CREATED_AT);
    }

    /** The messages of the Management API contracts' own error examples. */
    private static String managementMessage(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 500 -> "internal server error";
            default -> throw new IllegalArgumentException("no Management API error for " + status);
        };
    }

    private static String withField(String object, String name, String value) {
        if (!object.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + object);
        }
        return object.substring(0, object.length() - 1) + ",\"" + name + "\":" + json(value) + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
