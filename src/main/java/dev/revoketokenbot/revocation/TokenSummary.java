package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.influx.Token;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a responder needs to see before approving: never the token value, which the InfluxDB
 * client has already dropped.
 *
 * @param id what names the token on its target: an authorization ID, a token name, a UUID
 * @param kind the kind of its target (null in requests made before there were kinds: v2)
 * @param expiresAt when the token stops working by itself, if it does
 */
public record TokenSummary(
        String id,
        String description,
        String status,
        String user,
        String org,
        String permissions,
        Instant createdAt,
        TargetKind kind,
        Instant expiresAt) {

    /** At most this many distinct permissions are listed; the rest are counted. */
    static final int MAX_LISTED_PERMISSIONS = 6;

    static TokenSummary of(Token token, TargetKind kind) {
        return new TokenSummary(
                token.id(),
                orEmpty(token.description()),
                orEmpty(token.status()),
                orEmpty(token.user()),
                orEmpty(token.org()),
                summarise(token.permissions()),
                token.createdAt(),
                kind,
                token.expiresAt());
    }

    /** The kind of the token's target; v2 for requests made before targets had kinds. */
    public TargetKind targetKind() {
        return kind == null ? TargetKind.V2 : kind;
    }

    /** "read buckets (all), write buckets/telegraf" style, collapsing repeats and bounding the length. */
    static String summarise(List<String> permissions) {
        if (permissions.isEmpty()) {
            return "none";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String permission : permissions) {
            counts.merge(permission, 1, Integer::sum);
        }
        List<String> listed =
                counts.keySet().stream().limit(MAX_LISTED_PERMISSIONS).toList();
        String summary = listed.stream().collect(Collectors.joining(", "));
        int more = counts.size() - listed.size();
        return more > 0 ? summary + " and " + more + " more" : summary;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
