package dev.revoketokenbot.influx;

import java.time.Instant;
import java.util.List;

/**
 * A token as the bot shows and judges it, whatever kind of InfluxDB holds it. There is no token
 * value here: each client drops it at its boundary (InfluxDB OSS up to 2.8 returns it in plain
 * text), so it can never reach a message, a log line or an exception.
 *
 * @param id what the bot names the token by: an authorization ID (v2), a token name (InfluxDB 3), a UUID
 * @param status {@link #ACTIVE}, {@link #INACTIVE} (v2: deactivated) or {@link #REVOKED} (Management API)
 * @param user the owner's name (v2 only), else null
 * @param org the organisation's name (v2 only), else null
 * @param permissions each permission in words, such as {@code write buckets/telegraf}
 * @param expiresAt when the token stops working by itself, if it does
 */
public record Token(
        String id,
        String description,
        String status,
        String user,
        String org,
        List<String> permissions,
        Instant createdAt,
        Instant expiresAt) {

    /** A token InfluxDB accepts. */
    public static final String ACTIVE = "active";
    /** A token InfluxDB refuses at once: deactivated, reversibly (v2). */
    public static final String INACTIVE = "inactive";
    /** A token revoked for good that InfluxDB still lists (Cloud Dedicated, Clustered). */
    public static final String REVOKED = "revoked";

    public Token {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    public boolean isRevoked() {
        return REVOKED.equals(status);
    }
}
