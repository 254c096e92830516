package dev.revoketokenbot.slack;

/** A signed request from Slack that lacks what the bot needs to act on it; answered 400, never acted on. */
final class MalformedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param what what the request is, in the bot's own words: never text from the request */
    MalformedRequest(String what) {
        super(what, null, false, false);
    }
}
