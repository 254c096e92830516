package dev.revoketokenbot.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's Slack workspace: one channel, four people and one user group, and the app's
 * credentials. The credentials are fixed and public: nothing real is behind them, and sandbox mode
 * never starts beside a real one ({@link SandboxSettings}).
 */
final class SandboxWorkspace {

    static final String TEAM_ID = "T0SANDBOX";
    static final String TEAM_DOMAIN = "sandbox";
    static final String APP_ID = "A0REVOKEBOT";
    static final String BOT_ID = "B0REVOKEBOT";
    static final String COMMAND = "/revoke-token";

    /** Signs what the page sends, as Slack's signing secret signs what Slack sends. */
    static final String SIGNING_SECRET = "sandbox-signing-secret";

    static final String BOT_TOKEN = "xoxb-sandbox-bot-token";

    static final Channel CHANNEL = new Channel("C0INCIDENT", "incident");

    /** A Slack user, and what the sandbox lets them play. */
    record Person(String id, String name, String role) {}

    /** A Slack channel. */
    record Channel(String id, String name) {}

    static final Person REQUESTER = new Person("U0RILEY", "riley", "requester");
    /** An approver by user ID ({@code REVOKE_APPROVERS}). */
    static final Person APPROVER = new Person("U0AVERY", "avery", "approver");
    /** An approver through the approver group ({@code REVOKE_APPROVER_GROUPS}, {@code usergroups.users.list}). */
    static final Person GROUP_APPROVER = new Person("U0BLAKE", "blake", "approver, in the security group");

    static final Person STRANGER = new Person("U0SAM", "sam", "stranger, not an approver");

    static final List<Person> PEOPLE = List.of(REQUESTER, APPROVER, GROUP_APPROVER, STRANGER);

    /** The approver group and its members. */
    static final String APPROVER_GROUP = "S0SECURITY";

    static final Set<String> APPROVER_GROUP_MEMBERS = Set.of(GROUP_APPROVER.id());

    private SandboxWorkspace() {}

    static Optional<Person> person(String id) {
        return PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
