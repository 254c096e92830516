package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import java.util.List;

/** Block Kit IDs the bot's messages use and its listeners match. */
final class ActionIds {

    static final String DEACTIVATE = "revoke_token.deactivate";
    static final String REVOKE = "revoke_token.revoke";
    static final String REACTIVATE = "revoke_token.reactivate";
    static final String CANCEL = "revoke_token.cancel";
    /** Every button of a request message. */
    static final List<String> REQUEST_BUTTONS = List.of(DEACTIVATE, REVOKE, REACTIVATE, CANCEL);
    /** The buttons' block; its ID ends with the request ID, binding the buttons to their message. */
    static final String BUTTONS_BLOCK = "revoke_token.buttons";

    /** What a request button asks for. */
    static Intent intentOf(String actionId) {
        return switch (actionId) {
            case DEACTIVATE -> Intent.DEACTIVATE;
            case REVOKE -> Intent.REVOKE;
            case REACTIVATE -> Intent.REACTIVATE;
            default -> Intent.CANCEL;
        };
    }

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
