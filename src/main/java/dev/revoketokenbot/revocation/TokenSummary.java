package dev.revoketokenbot.revocation;

import dev.revoketokenbot.influx.Authorization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a responder needs to see before approving: never the token value, which the InfluxDB
 * client has already dropped.
 */
public record TokenSummary(
        String id, String description, String status, String user, String org, String permissions, Instant createdAt) {

    /** At most this many distinct permissions are listed; the rest are counted. */
    static final int MAX_LISTED_PERMISSIONS = 6;

    static TokenSummary of(Authorization authorization) {
        return new TokenSummary(
                authorization.id(),
                orEmpty(authorization.description()),
                orEmpty(authorization.status()),
                orEmpty(authorization.user()),
                orEmpty(authorization.org()),
                summarise(authorization.permissions()),
                authorization.createdAt());
    }

    /** "read buckets (all), write buckets/telegraf" style, collapsing repeats and bounding the length. */
    static String summarise(List<Authorization.Permission> permissions) {
        if (permissions.isEmpty()) {
            return "none";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Authorization.Permission permission : permissions) {
            counts.merge(describe(permission), 1, Integer::sum);
        }
        List<String> listed =
                counts.keySet().stream().limit(MAX_LISTED_PERMISSIONS).toList();
        String summary = listed.stream().collect(Collectors.joining(", "));
        int more = counts.size() - listed.size();
        return more > 0 ? summary + " and " + more + " more" : summary;
    }

    private static String describe(Authorization.Permission permission) {
        Authorization.Resource resource = permission.resource();
        String action = orEmpty(permission.action());
        if (resource == null) {
            return action + " ?";
        }
        String type = orEmpty(resource.type());
        String name = resource.name() != null && !resource.name().isEmpty() ? resource.name() : resource.id();
        return action + " " + type + (name == null || name.isEmpty() ? " (all)" : "/" + name);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
