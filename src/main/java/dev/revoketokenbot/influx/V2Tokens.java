package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.TargetKind;
import java.util.List;

/** The authorizations of InfluxDB OSS 2.x, Cloud and Cloud Serverless ({@code /api/v2/authorizations}). */
final class V2Tokens implements TargetTokens {

    private final String target;
    private final InfluxAuthorizationsClient client;
    private final InfluxCalls calls;

    V2Tokens(String target, InfluxAuthorizationsClient client, InfluxCalls calls) {
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
        return TargetKind.V2;
    }

    @Override
    public Token find(String authorizationId) {
        return token(calls.retried("get", () -> client.get(authorizationId), Authorization.class));
    }

    /** Unknown users fail with NOT_FOUND (OSS); Cloud answers an empty list. */
    @Override
    public List<Token> findByUser(String userName) {
        return calls
                .retried("list", () -> client.listByUser(userName), AuthorizationList.class)
                .authorizations()
                .stream()
                .map(V2Tokens::token)
                .toList();
    }

    @Override
    public boolean delete(String authorizationId) {
        return calls.delete(() -> client.delete(authorizationId));
    }

    @Override
    public Token setStatus(String authorizationId, String status) {
        return token(calls.retried(
                "patch",
                () -> client.update(authorizationId, new InfluxAuthorizationsClient.StatusUpdate(status)),
                Authorization.class));
    }

    static Token token(Authorization authorization) {
        return new Token(
                authorization.id(),
                authorization.description(),
                authorization.status(),
                authorization.user() == null ? "" : authorization.user(),
                authorization.org(),
                authorization.permissions().stream()
                        .map(Authorization.Permission::describe)
                        .toList(),
                authorization.createdAt(),
                null);
    }
}
