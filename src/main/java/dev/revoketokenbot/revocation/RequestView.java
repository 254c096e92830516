package dev.revoketokenbot.revocation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * All a request message shows while the request is open or deactivated: the request, what was
 * shown of its token, and the approvals each action has gathered.
 *
 * @param otherTokens for a request by user, how many other tokens that user has
 * @param buttonValue the request's signed ID, which every button carries
 * @param deactivate the Deactivate action's approvals; empty where the target can only delete
 * @param revoke the Revoke action's approvals
 * @param deactivation the decision that deactivated the token, while it is deactivated
 */
public record RequestView(
        RevocationRequest request,
        TokenSummary token,
        OptionalInt otherTokens,
        String buttonValue,
        Optional<Progress> deactivate,
        Progress revoke,
        Optional<DecisionRecord> deactivation) {

    /**
     * Approvals toward one action.
     *
     * @param needed how many distinct approvers the action needs (0: the requester may do it alone)
     * @param approvers who approved it so far, first first
     */
    public record Progress(int needed, List<String> approvers) {

        public Progress {
            approvers = List.copyOf(approvers);
        }

        /** Whether the message shows a count: only when more than one approver is needed. */
        public boolean isCounted() {
            return needed > 1;
        }
    }
}
