package dev.revoketokenbot.revocation;

/** What the approval policy says about one click. */
public enum Decision {
    ALLOW,
    /** The request's time is up: the message becomes "Expired". */
    EXPIRED,
    /** The channel is not on {@code revoke.allowed-channels} (any more). */
    CHANNEL_NOT_ALLOWED,
    /** The click came from another channel than the request's. */
    WRONG_CHANNEL,
    /** The button value belongs to another request than the message it was clicked in. */
    WRONG_REQUEST,
    NOT_APPROVER,
    /** Approver groups could not be read, so approval could not be checked. */
    APPROVER_CHECK_FAILED,
    /** The requester tried to approve their own request. */
    SELF_APPROVAL,
    /** Only the requester or an approver may cancel, or deactivate when no approval is needed. */
    NOT_REQUESTER_OR_APPROVER,
    /** The button does not apply where the request stands (say, Cancel once the token is deactivated). */
    NOT_IN_THIS_STAGE,
    /** The InfluxDB target cannot do this (tokens there can only be deleted). */
    NOT_SUPPORTED;

    public boolean isRefusal() {
        return this != ALLOW && this != EXPIRED;
    }
}
