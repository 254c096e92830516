package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.TargetKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The tokens of InfluxDB 3 Core and Enterprise, by name: read from {@code system.tokens} with the
 * name bound as a query parameter, deleted with {@code DELETE /api/v3/configure/token}. There is no
 * inactive state: a token exists, or it is gone.
 */
final class V3Tokens implements TargetTokens {

    static final String LOOKUP = "SELECT token_id, name, description, permissions, created_at, expiry"
            + " FROM system.tokens WHERE name = $name";

    private final String target;
    private final Influx3TokensClient client;
    private final InfluxCalls calls;

    V3Tokens(String target, Influx3TokensClient client, InfluxCalls calls) {
        this.target = target;
        this.client = client;
        this.calls = calls;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.V3;
    }

    /** The token of that name; NOT_FOUND when {@code system.tokens} has no such row. */
    @Override
    public Token find(String tokenName) {
        Influx3TokensClient.SqlQuery query =
                new Influx3TokensClient.SqlQuery("_internal", LOOKUP, "json", Map.of("name", tokenName));
        Influx3TokensClient.TokenRow[] rows =
                calls.retried("get", () -> client.query(query), Influx3TokensClient.TokenRow[].class);
        for (Influx3TokensClient.TokenRow row : rows) {
            if (tokenName.equals(row.name())) {
                return token(row);
            }
        }
        throw new InfluxException(InfluxFailure.NOT_FOUND, 200, null);
    }

    @Override
    public boolean delete(String tokenName) {
        return calls.delete(() -> client.delete(tokenName));
    }

    /** InfluxDB 3 answers a delete with 200 and an empty body. */
    @Override
    public int acceptedDeleteStatus() {
        return 200;
    }

    private static Token token(Influx3TokensClient.TokenRow row) {
        String permissions = row.permissions() == null ? "" : row.permissions().strip();
        return new Token(
                row.name(),
                row.description(),
                Token.ACTIVE,
                null,
                null,
                permissions.isEmpty() ? List.of() : List.of(permissions),
                instant(row.createdAt()),
                instant(row.expiry()));
    }

    /** InfluxDB 3 writes UTC times without a zone; an unreadable one is shown as unknown. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") || value.contains("+")
                    ? Instant.parse(value)
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
