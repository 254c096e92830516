package dev.revoketokenbot.influx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An InfluxDB authorization as the bot needs it. There is deliberately no {@code token} field:
 * InfluxDB OSS up to 2.8 returns the token value in plain text, and it is dropped here, at the
 * client boundary, so it can never reach a message, a log line or an exception.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Authorization(
        String id,
        String description,
        String status,
        String org,
        String orgID,
        String user,
        String userID,
        List<Permission> permissions,
        Instant createdAt) {

    public Authorization {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /** One permission: an action on a resource. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Permission(String action, Resource resource) {

        /** In words: "read buckets (all)", "write buckets/telegraf". */
        public String describe() {
            String verb = action == null ? "" : action;
            if (resource == null) {
                return verb + " ?";
            }
            String type = resource.type() == null ? "" : resource.type();
            String name = resource.name() != null && !resource.name().isEmpty() ? resource.name() : resource.id();
            return verb + " " + type + (name == null || name.isEmpty() ? " (all)" : "/" + name);
        }
    }

    /** What a permission applies to: a type, and optionally one named resource of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resource(String type, String id, String name, String org, String orgID) {}
}
