package dev.revoketokenbot.slack;

/** Block Kit IDs the bot's messages use and its listeners match. */
final class ActionIds {

    static final String REVOKE = "revoke_token.revoke";
    static final String CANCEL = "revoke_token.cancel";
    static final String BUTTONS_BLOCK = "revoke_token.buttons";

    private ActionIds() {}
}
