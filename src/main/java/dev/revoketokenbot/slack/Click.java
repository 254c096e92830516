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
                ActionIds.intentOf(actionId),
                payload.getUser().getId(),
                channel,
                action.map(BlockActionPayload.Action::getValue).orElse(null),
                ActionIds.requestIdOf(
                        action.map(BlockActionPayload.Action::getBlockId).orElse(null)));
    }

    /**
     * What a click lacks of who clicked, which button, and in which message of which channel (every
     * click on the bot's messages has all four); empty when it has all of it.
     */
    static Optional<String> missingPart(BlockActionPayload payload) {
        if (payload.getUser() == null || isBlank(payload.getUser().getId())) {
            return Optional.of("a user");
        }
        if (payload.getActions() == null
                || payload.getActions().isEmpty()
                || payload.getActions().get(0) == null
                || isBlank(payload.getActions().get(0).getActionId())) {
            return Optional.of("an action");
        }
        boolean inAContainer = payload.getContainer() != null
                && !isBlank(payload.getContainer().getMessageTs());
        boolean inAMessage =
                payload.getMessage() != null && !isBlank(payload.getMessage().getTs());
        if (!inAContainer && !inAMessage) {
            return Optional.of("a message");
        }
        if (payload.getChannel() == null || isBlank(payload.getChannel().getId())) {
            return Optional.of("a channel");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    RequestDecisions.Click toDecide() {
        return new RequestDecisions.Click(intent, value, requestId, actor, channel);
    }
}
