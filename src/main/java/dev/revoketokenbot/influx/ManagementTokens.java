package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.TargetKind;

/**
 * The database tokens of Cloud Dedicated and Clustered, through the Management API, by UUID. A
 * revoked token stays listed with {@code revokedAt} set: the bot reads it as {@link Token#REVOKED}.
 */
final class ManagementTokens implements TargetTokens {

    private final String target;
    private final TargetKind kind;
    private final ManagementTokensClient client;
    private final InfluxCalls calls;

    ManagementTokens(String target, TargetKind kind, ManagementTokensClient client, InfluxCalls calls) {
        this.target = target;
        this.kind = kind;
        this.client = client;
        this.calls = calls;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public TargetKind kind() {
        return kind;
    }

    @Override
    public Token find(String tokenId) {
        ManagementTokensClient.DatabaseToken token =
                calls.retried("get", () -> client.get(tokenId), ManagementTokensClient.DatabaseToken.class);
        return new Token(
                token.id(),
                token.description(),
                token.revokedAt() == null ? Token.ACTIVE : Token.REVOKED,
                null,
                null,
                token.permissions() == null
                        ? null
                        : token.permissions().stream()
                                .map(p -> p.action() + " "
                                        + ("*".equals(p.resource()) ? "(all databases)" : p.resource()))
                                .toList(),
                token.createdAt(),
                token.expiresAt());
    }

    @Override
    public boolean delete(String tokenId) {
        return calls.delete(() -> client.delete(tokenId));
    }
}
