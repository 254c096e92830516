package dev.revoketokenbot.slack;

/** Block Kit IDs the bot's messages use and its listeners match. */
final class ActionIds {

    static final String REVOKE = "revoke_token.revoke";
    static final String CANCEL = "revoke_token.cancel";
    /** The buttons' block; its ID ends with the request ID, binding the buttons to their message. */
    static final String BUTTONS_BLOCK = "revoke_token.buttons";

    static String buttonsBlock(String requestId) {
        return BUTTONS_BLOCK + ":" + requestId;
    }

    /** The request ID a clicked button's block names, or empty when it names none. */
    static String requestIdOf(String blockId) {
        String prefix = BUTTONS_BLOCK + ":";
        return blockId != null && blockId.startsWith(prefix) ? blockId.substring(prefix.length()) : "";
    }

    private ActionIds() {}
}
