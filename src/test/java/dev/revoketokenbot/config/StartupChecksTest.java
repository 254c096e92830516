package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up refusals: each names the key to set, and none repeats a configured value. */
class StartupChecksTest {

    private static final String BOT_TOKEN = "xoxb-0000-secret-bot-token";

    /** Slack settings as given; {@code socketMode()} is the interface's own default. */
    record Slack(Optional<String> signingSecret, String botToken, Optional<String> appToken) implements SlackSettings {
        @Override
        public String apiUrl() {
            return "https://slack.com/api/";
        }
    }

    /** Revoke settings as given, with the documented defaults for what the checks do not read. */
    record Revoke(
            Optional<Set<String>> approvers,
            Optional<Set<String>> approverGroups,
            Optional<String> stateKey,
            int deactivateApprovals,
            int deleteApprovals)
            implements RevokeSettings {

        Revoke(Optional<Set<String>> approvers, Optional<Set<String>> approverGroups, Optional<String> stateKey) {
            this(approvers, approverGroups, stateKey, 1, 1);
        }

        @Override
        public Optional<Set<String>> allowedChannels() {
            return Optional.empty();
        }

        @Override
        public Optional<String> auditChannel() {
            return Optional.empty();
        }

        @Override
        public Duration requestTtl() {
            return Duration.ofMinutes(15);
        }

        @Override
        public boolean selfApproval() {
            return false;
        }

        @Override
        public Optional<String> defaultTarget() {
            return Optional.empty();
        }

        @Override
        public java.nio.file.Path dataDir() {
            return java.nio.file.Path.of("data");
        }

        @Override
        public boolean training() {
            return false;
        }

        @Override
        public Ledger ledger() {
            throw new UnsupportedOperationException("start-up checks do not read the ledger settings");
        }

        @Override
        public Outbox outbox() {
            throw new UnsupportedOperationException("start-up checks do not read the outbox settings");
        }
    }

    // A dash is an unset value; ' ' is a blank one; lists are comma-separated.
    @ParameterizedTest(name = "[{index}] {0} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                                      | signing secret | app token    | state key | approvers  | groups      | keys named, in order
            HTTP mode, fully configured                 | sign1ng-s3cret | -            | -         | UAPPROVER1 | -           | -
            approver groups alone                       | sign1ng-s3cret | -            | -         | -          | S0APPROVERS | -
            Socket Mode with a signing secret           | sign1ng-s3cret | xapp-1-t0ken | -         | UAPPROVER1 | -           | -
            Socket Mode with only a state key           | -              | xapp-1-t0ken | st4te-k3y | UAPPROVER1 | -           | -
            no approvers and no groups                  | sign1ng-s3cret | -            | -         | -          | -           | REVOKE_APPROVERS
            blank-only approvers count as none          | sign1ng-s3cret | -            | -         | ' , '      | -           | REVOKE_APPROVERS
            blank-only groups count as none             | sign1ng-s3cret | -            | -         | ' '        | ''          | REVOKE_APPROVERS
            HTTP mode without a signing secret          | -              | -            | -         | UAPPROVER1 | -           | SLACK_SIGNING_SECRET
            HTTP mode with a blank signing secret       | ' '            | -            | -         | UAPPROVER1 | -           | SLACK_SIGNING_SECRET
            a blank app token is HTTP mode              | -              | ' '          | -         | UAPPROVER1 | -           | SLACK_SIGNING_SECRET
            HTTP mode with a state key but no secret    | -              | -            | st4te-k3y | UAPPROVER1 | -           | SLACK_SIGNING_SECRET
            Socket Mode with no secret and no state key | -              | xapp-1-t0ken | -         | UAPPROVER1 | -           | REVOKE_STATE_KEY
            Socket Mode with a blank state key          | -              | xapp-1-t0ken | ' '       | UAPPROVER1 | -           | REVOKE_STATE_KEY
            Socket Mode with a blank signing secret     | ' '            | xapp-1-t0ken | -         | UAPPROVER1 | -           | REVOKE_STATE_KEY
            HTTP mode with nothing set                  | -              | -            | -         | -          | -           | REVOKE_APPROVERS, SLACK_SIGNING_SECRET
            Socket Mode with nothing set                | -              | xapp-1-t0ken | -         | -          | -           | REVOKE_APPROVERS, REVOKE_STATE_KEY
            """)
    void namesEveryMissingKeyAndNoValue(
            String name,
            String signingSecret,
            String appToken,
            String stateKey,
            String approvers,
            String groups,
            String keysNamed) {
        Slack slack = new Slack(Optional.ofNullable(signingSecret), BOT_TOKEN, Optional.ofNullable(appToken));
        Revoke revoke = new Revoke(set(approvers), set(groups), Optional.ofNullable(stateKey));
        List<String> keys = keysNamed == null ? List.of() : List.of(keysNamed.split(", ", -1));

        List<String> problems = StartupChecks.problems(slack, revoke);

        assertThat(problems).hasSameSizeAs(keys);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(problems.get(i)).contains(keys.get(i));
        }
        for (String value : Stream.of(signingSecret, appToken, stateKey, approvers, groups, BOT_TOKEN)
                .filter(value -> value != null && !value.isBlank())
                .toList()) {
            assertThat(problems).noneSatisfy(problem -> assertThat(problem).contains(value));
        }
    }

    @ParameterizedTest(name = "[{index}] deactivate {0}, delete {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # deactivate | delete | what the refusal starts with
            0            | 1      | -
            1            | 1      | -
            5            | 5      | -
            0            | 5      | -
            -1           | 1      | REVOKE_DEACTIVATE_APPROVALS (revoke.deactivate-approvals) is -1
            6            | 1      | REVOKE_DEACTIVATE_APPROVALS (revoke.deactivate-approvals) is 6
            1            | 0      | REVOKE_DELETE_APPROVALS (revoke.delete-approvals) is 0
            1            | 6      | REVOKE_DELETE_APPROVALS (revoke.delete-approvals) is 6
            1            | -3     | REVOKE_DELETE_APPROVALS (revoke.delete-approvals) is -3
            """)
    void approvalCountsOutsideTheirBoundsRefuseToStartNamingTheVariable(
            int deactivateApprovals, int deleteApprovals, String refusal) {
        Slack http = new Slack(Optional.of("sign1ng-s3cret"), BOT_TOKEN, Optional.empty());
        Revoke revoke = new Revoke(
                Optional.of(Set.of("UAPPROVER1")),
                Optional.empty(),
                Optional.empty(),
                deactivateApprovals,
                deleteApprovals);

        List<String> problems = StartupChecks.problems(http, revoke);

        if (refusal == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement(STRING).startsWith(refusal).contains(" to 5 distinct approvers");
        }
    }

    @Test
    void bothApprovalCountsOutOfBoundsAreEachNamed() {
        Slack http = new Slack(Optional.of("sign1ng-s3cret"), BOT_TOKEN, Optional.empty());
        Revoke revoke = new Revoke(Optional.of(Set.of("UAPPROVER1")), Optional.empty(), Optional.empty(), 9, 0);

        assertThat(StartupChecks.problems(http, revoke))
                .satisfiesExactly(
                        deactivate -> assertThat(deactivate)
                                .contains("REVOKE_DEACTIVATE_APPROVALS", "set 0 (the requester may deactivate alone)"),
                        delete -> assertThat(delete).contains("REVOKE_DELETE_APPROVALS", "set 1 to 5"));
    }

    @Test
    void missingApproversNamesBothWaysToConfigureThem() {
        Slack http = new Slack(Optional.of("sign1ng-s3cret"), BOT_TOKEN, Optional.empty());
        Revoke emptySets = new Revoke(Optional.of(Set.of()), Optional.of(Set.of()), Optional.empty());

        assertThat(StartupChecks.problems(http, emptySets))
                .singleElement(STRING)
                .contains("REVOKE_APPROVERS (revoke.approvers)", "REVOKE_APPROVER_GROUPS (revoke.approver-groups)");
    }

    private static Optional<Set<String>> set(String commaSeparated) {
        return Optional.ofNullable(commaSeparated)
                .map(list -> Stream.of(list.split(",", -1)).collect(Collectors.toSet()));
    }
}
