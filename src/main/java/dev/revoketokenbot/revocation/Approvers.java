package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Tells whether a Slack user may approve: a configured user ID, or a member of a configured group. */
@ApplicationScoped
public class Approvers {

    private static final Logger LOG = Logger.getLogger(Approvers.class);

    private final Set<String> users;
    private final Set<String> groups;
    private final ApproverGroups groupMembers;

    Approvers(RevokeSettings settings, ApproverGroups groupMembers) {
        this.users = nonBlank(settings.approvers());
        this.groups = nonBlank(settings.approverGroups());
        this.groupMembers = groupMembers;
    }

    private static Set<String> nonBlank(Optional<Set<String>> ids) {
        return ids.orElse(Set.of()).stream()
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
    }

    public Approval check(String userId) {
        if (users.contains(userId)) {
            return Approval.APPROVER;
        }
        boolean unreadable = false;
        for (String group : groups) {
            try {
                if (groupMembers.members(group).contains(userId)) {
                    return Approval.APPROVER;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not read members of approver group %s: %s", group, e.getMessage());
                unreadable = true;
            }
        }
        return unreadable ? Approval.UNKNOWN : Approval.NOT_APPROVER;
    }
}
