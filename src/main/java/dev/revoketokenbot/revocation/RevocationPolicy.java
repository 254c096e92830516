package dev.revoketokenbot.revocation;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The approval policy as one pure function: no clock, no configuration lookups. Whether the actor
 * is an approver may cost a Slack call, so it is asked for only once the click has passed the
 * cheap checks (channel, expiry). Anything the bot could not establish is a denial.
 */
public final class RevocationPolicy {

    /** What the clicker asked for. */
    public enum Intent {
        REVOKE,
        CANCEL
    }

    private RevocationPolicy() {}

    /** Whether requests may be made and decided in this channel: an empty allow-list means any channel. */
    public static boolean isChannelAllowed(Set<String> allowedChannels, String channel) {
        return allowedChannels.isEmpty() || allowedChannels.contains(channel);
    }

    public static Decision decide(
            Intent intent,
            RevocationRequest request,
            String actor,
            String clickChannel,
            Supplier<Approval> approval,
            boolean selfApprovalAllowed,
            Instant now) {
        if (!request.channel().equals(clickChannel)) {
            return Decision.WRONG_CHANNEL;
        }
        if (request.isExpiredAt(now)) {
            return Decision.EXPIRED;
        }
        boolean isRequester = request.requester().equals(actor);
        if (intent == Intent.CANCEL) {
            if (isRequester) {
                return Decision.ALLOW;
            }
            Approval approved = approval.get();
            return approved == Approval.APPROVER
                    ? Decision.ALLOW
                    : approved == Approval.UNKNOWN
                            ? Decision.APPROVER_CHECK_FAILED
                            : Decision.NOT_REQUESTER_OR_APPROVER;
        }
        Approval approved = approval.get();
        if (approved == Approval.UNKNOWN) {
            return Decision.APPROVER_CHECK_FAILED;
        }
        if (approved != Approval.APPROVER) {
            return Decision.NOT_APPROVER;
        }
        if (isRequester && !selfApprovalAllowed) {
            return Decision.SELF_APPROVAL;
        }
        return Decision.ALLOW;
    }
}
