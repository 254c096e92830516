package dev.revoketokenbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/** The parts of a button click the bot uses: who, where, which message, and the button's value. */
record Click(String actor, String channel, String messageTs, String value) {

    static Click of(BlockActionPayload payload, String actionId) {
        String value = payload.getActions() == null
                ? null
                : payload.getActions().stream()
                        .filter(action -> actionId.equals(action.getActionId()))
                        .map(BlockActionPayload.Action::getValue)
                        .findFirst()
                        .orElse(null);
        String channel =
                payload.getChannel() == null ? "" : payload.getChannel().getId();
        String ts = payload.getContainer() != null && payload.getContainer().getMessageTs() != null
                ? payload.getContainer().getMessageTs()
                : payload.getMessage() == null ? null : payload.getMessage().getTs();
        return new Click(payload.getUser().getId(), channel, ts, value);
    }
}
