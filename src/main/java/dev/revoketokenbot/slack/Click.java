package dev.revoketokenbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.revoketokenbot.revocation.RequestDecisions;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import java.util.Optional;

/** The parts of a click on a request's button the bot uses: which button, who, where, its value and block. */
record Click(Intent intent, String actor, String channel, String value, String requestId) {

    static Click of(BlockActionPayload payload, String actionId) {
        Optional<BlockActionPayload.Action> action = payload.getActions() == null
                ? Optional.empty()
                : payload.getActions().stream()
                        .filter(a -> actionId.equals(a.getActionId()))
                        .findFirst();
        String channel =
                payload.getChannel() == null ? "" : payload.getChannel().getId();
        return new Click(
                ActionIds.REVOKE.equals(actionId) ? Intent.REVOKE : Intent.CANCEL,
                payload.getUser().getId(),
                channel,
                action.map(BlockActionPayload.Action::getValue).orElse(null),
                ActionIds.requestIdOf(
                        action.map(BlockActionPayload.Action::getBlockId).orElse(null)));
    }

    RequestDecisions.Click toDecide() {
        return new RequestDecisions.Click(intent, value, requestId, actor, channel);
    }
}
