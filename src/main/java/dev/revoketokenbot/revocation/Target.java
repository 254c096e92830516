package dev.revoketokenbot.revocation;

/** What the requester asked to revoke. */
public sealed interface Target {

    /** One authorization, by its ID. */
    record ById(AuthorizationId id) implements Target {}

    /** The first authorization of an InfluxDB user, as InfluxDB's own recipe takes it. */
    record ByUser(String userName) implements Target {
        public ByUser {
            if (userName == null || userName.isBlank()) {
                throw new IllegalArgumentException("user name is empty");
            }
        }
    }
}
