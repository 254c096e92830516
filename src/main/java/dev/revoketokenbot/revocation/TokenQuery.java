package dev.revoketokenbot.revocation;

/** Which token the requester asked to revoke, and on which InfluxDB target. */
public sealed interface TokenQuery {

    /** The target's name. */
    String target();

    /** One token, by what names it on its target: an ID, or an InfluxDB 3 token's name. */
    record ById(String target, TokenId id) implements TokenQuery {}

    /** The first authorization of an InfluxDB user, as InfluxDB's own recipe takes it (v2 targets). */
    record ByUser(String target, String userName) implements TokenQuery {
        public ByUser {
            if (userName == null || userName.isBlank()) {
                throw new IllegalArgumentException("user name is empty");
            }
        }
    }
}
