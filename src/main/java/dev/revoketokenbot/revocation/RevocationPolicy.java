package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * The approval policy as one pure function: no I/O, no clock, no configuration lookups. Anything
 * the bot could not establish (an unknown approval) is a denial.
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
            RequestState state,
            String actor,
            String clickChannel,
            Approval approval,
            boolean selfApprovalAllowed,
            Instant now) {
        if (!state.channel().equals(clickChannel)) {
            return Decision.WRONG_CHANNEL;
        }
        if (state.isExpiredAt(now)) {
            return Decision.EXPIRED;
        }
        boolean isRequester = state.requester().equals(actor);
        if (intent == Intent.CANCEL) {
            return isRequester || approval == Approval.APPROVER ? Decision.ALLOW : Decision.NOT_REQUESTER_OR_APPROVER;
        }
        if (approval == Approval.UNKNOWN) {
            return Decision.APPROVER_CHECK_FAILED;
        }
        if (approval != Approval.APPROVER) {
            return Decision.NOT_APPROVER;
        }
        if (isRequester && !selfApprovalAllowed) {
            return Decision.SELF_APPROVAL;
        }
        return Decision.ALLOW;
    }
}
