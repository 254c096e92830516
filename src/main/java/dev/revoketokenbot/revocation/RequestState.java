package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * Everything a click needs to know about a request. It travels in the request message's button
 * values, sealed by {@link StateSigner}, so any replica can handle any click with no shared store.
 *
 * @param requestId a random nonce naming this request
 * @param authorizationId the authorization to revoke
 * @param owner the InfluxDB user the authorization belongs to (the audit's "target")
 * @param requester the Slack user ID who asked
 * @param channel the Slack channel ID the request was posted in
 * @param reason the requester's reason, possibly empty
 * @param expiresAt after this instant the request can no longer be approved
 */
public record RequestState(
        String requestId,
        String authorizationId,
        String owner,
        String requester,
        String channel,
        String reason,
        Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
