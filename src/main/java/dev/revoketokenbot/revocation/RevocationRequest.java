package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * A request as the ledger holds it: what it is about, who asked, and where it stands.
 *
 * @param id a random ID naming this request; buttons carry it, signed
 * @param authorizationId the authorization to revoke
 * @param owner the InfluxDB user the authorization belongs to (the audit's "target")
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
        String authorizationId,
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
