package dev.revoketokenbot.revocation;

import java.time.Instant;
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
            return isRequester || approval.get() == Approval.APPROVER
                    ? Decision.ALLOW
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
