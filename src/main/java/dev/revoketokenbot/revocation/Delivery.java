package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * One message a decision owes Slack, claimed for delivery.
 *
 * @param request the request as the decision left it, or as it stands now when a retry claimed it
 * @param decision the decision it was planned with, which a channel record tells of; null for a
 *     message update planned outside a decision, and for deliveries planned before decisions were
 *     linked
 * @param attempts how many tries failed before this one
 */
public record Delivery(
        long id,
        DeliveryKind kind,
        String channel,
        RevocationRequest request,
        DecisionRecord decision,
        int attempts,
        Instant createdAt) {}
