package dev.revoketokenbot.revocation;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The approval policy as one pure function: no clock, no configuration lookups. Whether the actor
 * is an approver may cost a Slack call, so it is asked for only once the click has passed the
 * cheap checks (channel, stage, expiry). Anything the bot could not establish is a denial. How
 * many approvals an action needs is counted elsewhere ({@link RequestDecisions}); this says whether
 * this actor's click counts at all.
 */
public final class RevocationPolicy {

    /** What the clicker asked for. */
    public enum Intent {
        /** Make InfluxDB refuse the token, reversibly. */
        DEACTIVATE,
        /** Delete the token: irreversible. */
        REVOKE,
        /** Undo a deactivation. */
        REACTIVATE,
        CANCEL;

        /** Whether this button applies to a request in {@code stage}. */
        boolean appliesTo(Stage stage) {
            return switch (this) {
                case DEACTIVATE, CANCEL -> stage == Stage.OPEN;
                case REVOKE -> stage == Stage.OPEN || stage.isDeactivated();
                case REACTIVATE -> stage.isDeactivated();
            };
        }
    }

    /** The settings the policy applies. */
    public record Rules(boolean selfApprovalAllowed, boolean requesterMayDeactivate) {}

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
            Rules rules,
            Instant now) {
        if (!request.channel().equals(clickChannel)) {
            return Decision.WRONG_CHANNEL;
        }
        if (!intent.appliesTo(request.stage())) {
            return Decision.NOT_IN_THIS_STAGE;
        }
        // A deactivated request stays open to approvers after its time: the safe side is theirs to leave.
        if (request.stage() == Stage.OPEN && request.isExpiredAt(now)) {
            return Decision.EXPIRED;
        }
        boolean isRequester = request.requester().equals(actor);
        boolean requesterMay =
                intent == Intent.CANCEL || (intent == Intent.DEACTIVATE && rules.requesterMayDeactivate());
        if (requesterMay) {
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
        if (isRequester && !rules.selfApprovalAllowed()) {
            return Decision.SELF_APPROVAL;
        }
        return Decision.ALLOW;
    }
}
