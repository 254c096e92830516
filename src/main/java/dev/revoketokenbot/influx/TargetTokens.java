package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.TargetKind;
import java.util.List;

/**
 * The tokens of one InfluxDB target, whatever its kind. Each operation fails with one {@link
 * InfluxException} whose {@link InfluxFailure} says what went wrong; transient failures (no answer,
 * 5xx, 429) are retried a bounded number of times, honouring {@code Retry-After}. Callers validate
 * IDs for the target's kind before calling.
 */
public interface TargetTokens {

    /** The target's name, as commands, messages and metrics name it. */
    String target();

    TargetKind kind();

    /** The token, as InfluxDB has it now; NOT_FOUND when it is gone. */
    Token find(String tokenId);

    /** The user's tokens in InfluxDB's order (only where {@link TargetKind#hasUsers()}). */
    default List<Token> findByUser(String userName) {
        throw new UnsupportedOperationException(kind() + " tokens belong to no user");
    }

    /**
     * Deletes (revokes) the token. Returns false only when the very first attempt found it gone:
     * someone else revoked it. A NOT_FOUND on a retry means an earlier attempt of ours got through.
     */
    boolean delete(String tokenId);

    /** The HTTP status this kind answers an accepted delete with (its answer carries no body). */
    default int acceptedDeleteStatus() {
        return 204;
    }

    /**
     * Sets the token's status ({@link Token#INACTIVE} or {@link Token#ACTIVE}), where {@link
     * TargetKind#canDeactivate()}; answers the token as InfluxDB now has it.
     */
    default Token setStatus(String tokenId, String status) {
        throw new UnsupportedOperationException(kind() + " tokens have no status");
    }
}
