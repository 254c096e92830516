package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * One message a decision owes Slack, claimed for delivery.
 *
 * @param request the request as it stands now, which is what the message shows
 * @param attempts how many tries failed before this one
 */
public record Delivery(
        long id, DeliveryKind kind, String channel, RevocationRequest request, int attempts, Instant createdAt) {}
