package dev.revoketokenbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.revoketokenbot.revocation.ApproverGroups;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;

/**
 * Approver-group membership from {@code usergroups.users.list}, cached briefly
 * ({@code quarkus.cache.caffeine."approver-groups"}) so a burst of clicks costs one call. Failures
 * are not cached, and they deny.
 */
@ApplicationScoped
public class SlackApproverGroups implements ApproverGroups {

    private final MethodsClient slack;

    SlackApproverGroups(MethodsClient slack) {
        this.slack = slack;
    }

    @Override
    @CacheResult(cacheName = "approver-groups")
    public Set<String> members(String groupId) {
        try {
            UsergroupsUsersListResponse response = slack.usergroupsUsersList(r -> r.usergroup(groupId));
            if (!response.isOk()) {
                throw new IllegalStateException("usergroups.users.list answered " + response.getError());
            }
            return Set.copyOf(response.getUsers());
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException(
                    "usergroups.users.list failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
