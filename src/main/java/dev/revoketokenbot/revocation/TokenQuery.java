package dev.revoketokenbot.revocation;

/** Which token the requester asked to revoke. */
public sealed interface TokenQuery {

    /** One authorization, by its ID. */
    record ById(AuthorizationId id) implements TokenQuery {}

    /** The first authorization of an InfluxDB user, as InfluxDB's own recipe takes it. */
    record ByUser(String userName) implements TokenQuery {
        public ByUser {
            if (userName == null || userName.isBlank()) {
                throw new IllegalArgumentException("user name is empty");
            }
        }
    }
}
