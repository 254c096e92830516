package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * A request as the ledger holds it: what it is about, who asked, and where it stands.
 *
 * @param id a random ID naming this request; buttons carry it, signed
 * @param target the InfluxDB target holding the token, by name
 * @param tokenId the token to revoke: an authorization ID (v2), a token name (InfluxDB 3), a UUID
 * @param owner the InfluxDB user the token belongs to (v2 only), else null
 * @param requester the Slack user ID who asked
 * @param channel the Slack channel ID the request was posted in
 * @param reason the requester's reason, possibly empty
 * @param messageTs the request message's timestamp, once Slack took it
 * @param expiresAt after this instant the request can no longer be approved
 * @param stage where it stands
 * @param actor who moved it into its stage (for {@link Stage#REVOKING}: the approver holding it)
 * @param decidedAt when it moved into its stage
 * @param verified for {@link Stage#REVOKED}: InfluxDB was read again and no longer has the token
 * @param version the ledger row's version when read; a change names it, so one change wins
 */
public record RevocationRequest(
        String id,
        String target,
        String tokenId,
        String owner,
        String requester,
        String channel,
        String reason,
        String messageTs,
        Instant expiresAt,
        Stage stage,
        String actor,
        Instant decidedAt,
        boolean verified,
        int version) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
