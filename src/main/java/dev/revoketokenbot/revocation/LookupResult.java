package dev.revoketokenbot.revocation;

/** The answer to a {@code /revoke-token} request, after InfluxDB was asked. */
public sealed interface LookupResult {

    /** The authorization exists and an open request for it is in the ledger: show it. */
    record Found(RequestView view) implements LookupResult {

        public RevocationRequest request() {
            return view.request();
        }

        public TokenSummary token() {
            return view.token();
        }
    }

    /** Nothing to show; the requester hears why. */
    record NotFound(Failure failure) implements LookupResult {}
}
