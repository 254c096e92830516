package dev.revoketokenbot.revocation;

import java.time.Instant;

/** The outcome of a Revoke or Cancel click, for the Slack room to show. */
public sealed interface ClickResult {

    /** The authorization was deleted by this click. */
    record Revoked(RequestState state, String actor, Instant at) implements ClickResult {}

    /** Someone else got there first (another click, another replica, or the InfluxDB UI). */
    record AlreadyRevoked(RequestState state) implements ClickResult {}

    /** Another click on this replica is handling this request right now. */
    record InProgress(RequestState state) implements ClickResult {}

    /** The request was already cancelled. */
    record AlreadyCancelled(RequestState state) implements ClickResult {}

    record Cancelled(RequestState state, String actor, Instant at) implements ClickResult {}

    record Expired(RequestState state) implements ClickResult {}

    /** The policy refused the click; the message stays as it is. */
    record Refused(RequestState state, Decision reason) implements ClickResult {}

    /** The button value did not verify: forged, edited or truncated. */
    record Tampered() implements ClickResult {}

    /** InfluxDB failed; nothing was changed and the request stays open. */
    record Failed(RequestState state, Failure failure) implements ClickResult {}
}
