package dev.revoketokenbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.Optional;

/**
 * The parts of a button click the bot uses: who, where, which message, the button's value, and the
 * request its block names.
 */
record Click(String actor, String channel, String messageTs, String value, String requestId) {

    static Click of(BlockActionPayload payload, String actionId) {
        Optional<BlockActionPayload.Action> action = payload.getActions() == null
                ? Optional.empty()
                : payload.getActions().stream()
                        .filter(a -> actionId.equals(a.getActionId()))
                        .findFirst();
        String channel =
                payload.getChannel() == null ? "" : payload.getChannel().getId();
        String ts = payload.getContainer() != null && payload.getContainer().getMessageTs() != null
                ? payload.getContainer().getMessageTs()
                : payload.getMessage() == null ? null : payload.getMessage().getTs();
        return new Click(
                payload.getUser().getId(),
                channel,
                ts,
                action.map(BlockActionPayload.Action::getValue).orElse(null),
                ActionIds.requestIdOf(
                        action.map(BlockActionPayload.Action::getBlockId).orElse(null)));
    }
}
