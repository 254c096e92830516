package dev.revoketokenbot.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start a bot that nobody could use safely: no approvers means nobody can approve (a
 * misconfiguration, not "everyone can"), and an HTTP endpoint without a signing secret would trust
 * anyone. Messages name the key to set, never a value.
 */
public class StartupChecks {

    /** Runs before every other start-up observer, so nothing half-configured gets built first. */
    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            SlackSettings slack,
            RevokeSettings revoke,
            InfluxSettings influx) {
        List<String> problems = problems(slack, revoke);
        problems.addAll(TargetCatalog.problems(influx, revoke));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("revoke-token-bot cannot start: " + String.join("; ", problems));
        }
    }

    /** Every configuration problem, each naming what to set; empty when the bot can start. */
    /** The most distinct approvers an action may need: more would stall a response under pressure. */
    static final int MAX_APPROVALS = 5;

    public static List<String> problems(SlackSettings slack, RevokeSettings revoke) {
        List<String> problems = new ArrayList<>();
        if (isEmpty(revoke.approvers()) && isEmpty(revoke.approverGroups())) {
            problems.add("no approvers configured: set REVOKE_APPROVERS (revoke.approvers) to Slack user IDs"
                    + " or REVOKE_APPROVER_GROUPS (revoke.approver-groups) to Slack user-group IDs");
        }
        if (!slack.socketMode()
                && slack.signingSecret().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("no signing secret for HTTP mode: set SLACK_SIGNING_SECRET (slack.signing-secret),"
                    + " or SLACK_APP_TOKEN (slack.app-token) for Socket Mode");
        }
        if (slack.socketMode()
                && slack.signingSecret().filter(s -> !s.isBlank()).isEmpty()
                && revoke.stateKey().filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("no key to sign button state: set REVOKE_STATE_KEY (revoke.state-key)"
                    + " or SLACK_SIGNING_SECRET (slack.signing-secret)");
        }
        if (revoke.deactivateApprovals() < 0 || revoke.deactivateApprovals() > MAX_APPROVALS) {
            problems.add("REVOKE_DEACTIVATE_APPROVALS (revoke.deactivate-approvals) is "
                    + revoke.deactivateApprovals() + ": set 0 (the requester may deactivate alone) to "
                    + MAX_APPROVALS + " distinct approvers");
        }
        if (revoke.deleteApprovals() < 1 || revoke.deleteApprovals() > MAX_APPROVALS) {
            problems.add("REVOKE_DELETE_APPROVALS (revoke.delete-approvals) is " + revoke.deleteApprovals()
                    + ": set 1 to " + MAX_APPROVALS + " distinct approvers (a delete cannot be undone)");
        }
        return problems;
    }

    private static boolean isEmpty(Optional<Set<String>> ids) {
        return ids.map(set -> set.stream().allMatch(String::isBlank)).orElse(true);
    }
}
