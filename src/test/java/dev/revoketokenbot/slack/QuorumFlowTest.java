package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.ApprovalProfiles;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Approvals toward a quorum, through {@code /slack/events}: Revoke needs two distinct approvers and
 * Deactivate three. Each approval shows in the message; the same approver twice counts once and is
 * told so; the requester never counts; InfluxDB is not touched until the click that completes the
 * quorum, which acts exactly once.
 */
@QuarkusTest
@TestProfile(ApprovalProfiles.TwoToRevokeThreeToDeactivate.class)
@WithTestResource(WireMockStubs.class)
class QuorumFlowTest extends SlackFlowTest {

    private static final String GROUP_MEMBER = Stubs.GROUP_MEMBER;

    @Test
    void theRequestMessageShowsHowManyApprovalsEachActionNeeds() {
        assertThat(requestMessage())
                .contains("*Deactivate*: 0 of 3 approvals", "*Revoke*: 0 of 2 approvals")
                .contains(ActionIds.DEACTIVATE, ActionIds.REVOKE, ActionIds.CANCEL);
    }

    @Test
    void revokeWaitsForTwoDistinctApproversAndNeverCountsTheRequester() {
        // The requester is an approver too: their own click must still not count.
        String request = requestMessage(APPROVER);
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, noContent());

        clickAs(APPROVER, ActionIds.REVOKE, request, "requester");
        assertThat(answerTo("requester")).contains("someone else must approve");

        clickAs(APPROVER2, ActionIds.REVOKE, request, "first");
        assertThat(answerTo("first"))
                .contains("Your approval to revoke token `" + ID + "` is counted: 1 of 2", "until 2 approvers agree");
        assertThat(stubs.slackCalls("chat.update"))
                .singleElement()
                .satisfies(update -> assertThat(update)
                        .contains(
                                "ts=1700000000.000100",
                                "*Revoke*: 1 of 2 approvals: <@" + APPROVER2 + ">",
                                "*Deactivate*: 0 of 3 approvals",
                                ActionIds.REVOKE,
                                ActionIds.DEACTIVATE)
                        .doesNotContain("<@" + APPROVER + ">,", "*revoked*"));

        clickAs(APPROVER2, ActionIds.REVOKE, request, "again");
        assertThat(answerTo("again"))
                .contains("You already approved to revoke this token", "counts once: 1 of 2 so far");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");

        clickAs(GROUP_MEMBER, ActionIds.REVOKE, request, "second");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains("*revoked* by <@" + GROUP_MEMBER + ">", "Verified: InfluxDB no longer has it")
                .doesNotContain(ActionIds.REVOKE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "revoked by <@" + GROUP_MEMBER + ">");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted", "revoke:refused", "revoke:approved", "revoke:approved", "revoke:revoked");
        assertThat(auditLinesWith("\"event\":\"revoke\"", "\"outcome\":\"approved\""))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("\"actor\":\"" + APPROVER2 + "\""))
                .anySatisfy(line -> assertThat(line).contains("\"actor\":\"" + GROUP_MEMBER + "\""));
        assertThat(auditLinesWith("\"actor\":\"" + APPROVER + "\"", "\"why\":\"self_approval\""))
                .hasSize(1);
        assertThat(auditLinesWith("\"actor\":\"" + APPROVER2 + "\"", "\"why\":\"already_approved\""))
                .hasSize(1);
    }

    @Test
    void deactivateWaitsForThreeDistinctApproversAndPatchesOnce() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");

        clickAs(REQUESTER, ActionIds.DEACTIVATE, request, "requester");
        assertThat(answerTo("requester")).contains("You are not an approver");

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "first");
        assertThat(answerTo("first")).contains("Your approval to deactivate token `" + ID + "` is counted: 1 of 3");
        assertThat(stubs.slackCalls("chat.update"))
                .singleElement()
                .satisfies(
                        update -> assertThat(update).contains("*Deactivate*: 1 of 3 approvals: <@" + APPROVER + ">"));

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "again");
        assertThat(answerTo("again")).contains("You already approved to deactivate this token", "1 of 3 so far");

        clickAs(APPROVER2, ActionIds.DEACTIVATE, request, "second");
        assertThat(answerTo("second")).contains("is counted: 2 of 3");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains(
                        "*Deactivate*: 2 of 3 approvals: <@" + APPROVER + ">, <@" + APPROVER2 + ">",
                        ActionIds.DEACTIVATE);
        assertThat(stubs.patches(ID)).isEmpty();

        clickAs(GROUP_MEMBER, ActionIds.DEACTIVATE, request, "third");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 3).get(2))
                .contains(
                        "*Deactivated* by <@" + GROUP_MEMBER + ">",
                        "Verified: InfluxDB shows it inactive",
                        "*Revoke*: 0 of 2 approvals",
                        ActionIds.REACTIVATE,
                        ActionIds.REVOKE)
                .doesNotContain(ActionIds.DEACTIVATE, "*Deactivate*:");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("deactivated (reversible) by <@" + GROUP_MEMBER + ">");
        assertThat(stubs.patches(ID))
                .singleElement()
                .satisfies(patch -> assertThat(patch.getBodyAsString()).contains("\"status\":\"inactive\""));
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted",
                        "deactivate:refused",
                        "deactivate:approved",
                        "deactivate:approved",
                        "deactivate:approved",
                        "deactivate:deactivated");
        assertThat(auditLinesWith("\"event\":\"deactivate\"", "\"outcome\":\"approved\""))
                .hasSize(3);
        assertThat(auditLinesWith("\"actor\":\"" + REQUESTER + "\"", "\"why\":\"not_approver\""))
                .hasSize(1);
    }

    @Test
    void aDeactivatedTokenIsRevokedOnlyOnceTwoApproversAgree() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        stubs.influxDelete(ID, noContent());
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate-1");
        answerTo("deactivate-1");
        clickAs(APPROVER2, ActionIds.DEACTIVATE, request, "deactivate-2");
        answerTo("deactivate-2");
        clickAs(GROUP_MEMBER, ActionIds.DEACTIVATE, request, "deactivate-3");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 3).get(2)).contains("*Deactivated*");
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");

        clickAs(APPROVER2, ActionIds.REVOKE, request, "first");
        assertThat(answerTo("first")).contains("is counted: 1 of 2");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 4).get(3))
                .contains("*Deactivated* by", "*Revoke*: 1 of 2 approvals: <@" + APPROVER2 + ">", ActionIds.REACTIVATE);
        assertThat(stubs.deletes(ID)).isEmpty();

        clickAs(APPROVER, ActionIds.REVOKE, request, "second");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 5).get(4))
                .contains("*revoked* by <@" + APPROVER + ">")
                .doesNotContain(ActionIds.REACTIVATE);
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.patches(ID)).hasSize(1);
        assertThat(ledger.decisions(requestId))
                .endsWith("deactivate:deactivated", "revoke:approved", "revoke:approved", "revoke:revoked");
    }

    @Test
    void approvalsGatheredOnARequestThatExpiresChangeNothing() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, noContent());
        clickAs(APPROVER, ActionIds.REVOKE, request, "first");
        assertThat(answerTo("first")).contains("1 of 2");

        ledger.expire(requestId);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains("*expired*")
                .doesNotContain(ActionIds.REVOKE);
        clickAs(APPROVER2, ActionIds.REVOKE, request, "late");
        assertThat(answerTo("late")).contains("This request expired");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("EXPIRED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:approved", "expire:expired");
    }

    @Test
    void whenTheCompletingClicksDeleteFailsTheMessageIsRedrawnWithEveryApproval() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, InfluxBodies.unavailableResponse());
        clickAs(APPROVER, ActionIds.REVOKE, request, "first");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*Revoke*: 1 of 2 approvals: <@" + APPROVER + ">");

        clickAs(APPROVER2, ActionIds.REVOKE, request, "second");

        assertThat(answerTo("second")).contains("nothing was changed", "The request stays open");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains("*Revoke*: 2 of 2 approvals: <@" + APPROVER + ">, <@" + APPROVER2 + ">", ActionIds.REVOKE)
                .doesNotContain("*revoked*");
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "revoke:approved", "revoke:approved", "revoke:failed");
    }

    @Test
    void twoApproversClickingAtTheSameInstantBothCountAndTheTokenIsDeletedOnce() throws Exception {
        twoApproversRevokeAtTheSameInstant();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(auditLinesWith("\"event\":\"revoke\"", "\"outcome\":\"approved\""))
                        .hasSize(2)
                        .anySatisfy(line -> assertThat(line).contains("\"actor\":\"" + APPROVER + "\""))
                        .anySatisfy(line -> assertThat(line).contains("\"actor\":\"" + APPROVER2 + "\"")));
    }
}
