package dev.revoketokenbot.revocation;

import java.util.Set;

/** Reads who is in an approver group; the Slack room implements it with {@code usergroups.users.list}. */
public interface ApproverGroups {

    /**
     * The user IDs in the group.
     *
     * @throws RuntimeException when membership cannot be read; the caller denies
     */
    Set<String> members(String groupId);
}
