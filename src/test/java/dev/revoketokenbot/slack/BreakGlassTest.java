package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.ApprovalProfiles;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break-glass ({@code REVOKE_DEACTIVATE_APPROVALS=0}): the requester deactivates their own request
 * at once, audited and reversible; deleting still needs approvers (three here), and nobody else but
 * an approver may deactivate. Through {@code /slack/events}.
 */
@QuarkusTest
@TestProfile(ApprovalProfiles.ThreeToRevokeBreakGlass.class)
@WithTestResource(WireMockStubs.class)
class BreakGlassTest extends SlackFlowTest {

    private String request;
    private String requestId;

    @BeforeEach
    void aRequestBySomeoneWhoIsNotAnApprover() {
        request = requestMessage();
        requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        stubs.influxDelete(ID, noContent());
    }

    @Test
    void theMessageOffersDeactivateWithoutACountAndCountsRevokeApprovals() {
        assertThat(request)
                .contains(ActionIds.DEACTIVATE, "*Revoke*: 0 of 3 approvals")
                .doesNotContain("*Deactivate*:");
    }

    @Test
    void theRequesterDeactivatesTheirOwnRequestAtOnce() {
        clickAs(REQUESTER, ActionIds.DEACTIVATE, request, "deactivate");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains(
                        "*Deactivated* by <@" + REQUESTER + ">",
                        "Verified: InfluxDB shows it inactive",
                        "Reversible",
                        ActionIds.REACTIVATE,
                        ActionIds.REVOKE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "deactivated (reversible) by <@" + REQUESTER + ">", "requested by <@" + REQUESTER);
        assertThat(stubs.patches(ID))
                .singleElement()
                .satisfies(patch -> assertThat(patch.getBodyAsString()).contains("\"status\":\"inactive\""));
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:deactivated");
        assertThat(auditLinesWith(
                        "\"event\":\"deactivate\"",
                        "\"requester\":\"" + REQUESTER + "\"",
                        "\"actor\":\"" + REQUESTER + "\"",
                        "\"outcome\":\"deactivated\""))
                .hasSize(1);
    }

    @Test
    void theRequesterStillCannotRevokeOrReactivate() {
        clickAs(REQUESTER, ActionIds.REVOKE, request, "revoke-open");
        assertThat(answerTo("revoke-open")).contains("You are not an approver");
        clickAs(REQUESTER, ActionIds.DEACTIVATE, request, "deactivate");
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        clickAs(REQUESTER, ActionIds.REVOKE, request, "revoke");
        clickAs(REQUESTER, ActionIds.REACTIVATE, request, "reactivate");

        assertThat(answerTo("revoke")).contains("You are not an approver");
        assertThat(answerTo("reactivate")).contains("You are not an approver");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.patches(ID)).hasSize(1);
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactlyInAnyOrder(
                        "request:posted",
                        "revoke:refused",
                        "deactivate:deactivated",
                        "revoke:refused",
                        "reactivate:refused");
    }

    @Test
    void aStrangerCannotDeactivateEvenWhenTheRequesterMayAlone() {
        clickAs(STRANGER, ActionIds.DEACTIVATE, request, "stranger");

        assertThat(answerTo("stranger")).contains("Only the requester or an approver can do this");
        assertThat(stubs.patches(ID)).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:refused");
        assertThat(auditLinesWith(
                        "\"actor\":\"" + STRANGER + "\"",
                        "\"outcome\":\"refused\"",
                        "\"why\":\"not_requester_or_approver\""))
                .hasSize(1);
    }

    @Test
    void anApproverDeactivatesAtOnceToo() {
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*Deactivated* by <@" + APPROVER + ">");
        assertThat(stubs.patches(ID)).hasSize(1);
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:deactivated");
    }

    @Test
    void revokeWaitsForThreeDistinctApprovers() {
        clickAs(APPROVER, ActionIds.REVOKE, request, "first");
        assertThat(answerTo("first")).contains("is counted: 1 of 3", "until 3 approvers agree");
        clickAs(APPROVER, ActionIds.REVOKE, request, "again");
        assertThat(answerTo("again")).contains("You already approved to revoke this token", "1 of 3 so far");
        clickAs(APPROVER2, ActionIds.REVOKE, request, "second");
        assertThat(answerTo("second")).contains("is counted: 2 of 3");
        assertThat(stubs.slackCalls("chat.update"))
                .hasSize(2)
                .last()
                .satisfies(update -> assertThat(update)
                        .contains("*Revoke*: 2 of 3 approvals: <@" + APPROVER + ">, <@" + APPROVER2 + ">"));
        assertThat(stubs.deletes(ID)).isEmpty();

        clickAs(Stubs.GROUP_MEMBER, ActionIds.REVOKE, request, "third");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 3).get(2))
                .contains("*revoked* by <@" + Stubs.GROUP_MEMBER + ">");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.patches(ID)).isEmpty();
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted", "revoke:approved", "revoke:approved", "revoke:approved", "revoke:revoked");
    }
}
