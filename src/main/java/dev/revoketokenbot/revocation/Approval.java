package dev.revoketokenbot.revocation;

/** Whether a Slack user may approve, as far as the bot could tell. */
public enum Approval {
    APPROVER,
    NOT_APPROVER,
    /** Group membership could not be read; the policy denies, as on any error. */
    UNKNOWN
}
