package dev.revoketokenbot.revocation;

import java.util.OptionalInt;

/** The answer to a {@code /revoke-token} request, after InfluxDB was asked. */
public sealed interface LookupResult {

    /**
     * The authorization exists and an open request for it is in the ledger: show it with buttons
     * carrying {@code buttonValue}, the request's signed ID.
     *
     * @param otherTokens for a request by user, how many other tokens that user has
     */
    record Found(TokenSummary token, OptionalInt otherTokens, RevocationRequest request, String buttonValue)
            implements LookupResult {}

    /** Nothing to show; the requester hears why. */
    record NotFound(Failure failure) implements LookupResult {}
}
