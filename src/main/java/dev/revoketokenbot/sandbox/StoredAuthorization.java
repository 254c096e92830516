package dev.revoketokenbot.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An authorization of the in-memory InfluxDB, shaped as InfluxDB OSS 2.x returns it, token value
 * included (OSS up to 2.8 shows it in plain text; the bot must drop it). The values are fake.
 */
record StoredAuthorization(
        String id,
        String token,
        String status,
        String description,
        String orgID,
        String org,
        String userID,
        String user,
        List<Permission> permissions,
        Instant createdAt,
        Instant updatedAt) {

    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    /** An action on a type of resource, or on one named resource of it. */
    record Permission(String action, Resource resource) {}

    /** What a permission applies to; InfluxDB leaves out what is not set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resource(String type, String id, String name, String orgID, String org) {}

    @JsonProperty("links")
    Map<String, String> links() {
        return Map.of("self", "/api/v2/authorizations/" + id, "user", "/api/v2/users/" + userID);
    }

    StoredAuthorization changed(String newStatus, String newDescription, Instant at) {
        return new StoredAuthorization(
                id, token, newStatus, newDescription, orgID, org, userID, user, permissions, createdAt, at);
    }
}
