package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.revoketokenbot.support.SlackRequests.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.ApprovalProfiles;
import dev.revoketokenbot.support.PostgresLedger;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Approvals collected on the shared ledger, a real PostgreSQL, as replicas collect them: approvals
 * sent at the same instant all count (each is a row, not a compare-and-set that one of them loses),
 * the same approver's clicks count once, and exactly one click acts. Revoke needs two approvers,
 * Deactivate three.
 */
@QuarkusTest
@TestProfile(ApprovalProfiles.TwoToRevokeThreeToDeactivate.class)
@WithTestResource(WireMockStubs.class)
@WithTestResource(PostgresLedger.class)
class SharedLedgerQuorumTest extends SlackFlowTest {

    @Test
    void twoApproversClickingAtTheSameInstantBothCountAndTheTokenIsDeletedOnce() throws Exception {
        twoApproversRevokeAtTheSameInstant();
        assertThat(ledger.undelivered()).isEmpty();
    }

    @Test
    void manyClicksFromTwoApproversAndTheRequesterAtOnceCountTwoApprovalsAndDeleteOnce() throws Exception {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(200));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String user = List.of(APPROVER, APPROVER2, REQUESTER).get(i % 3);
            bodies.add(click(user, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("c" + i)));
        }

        sendAtOnce(bodies);

        // Every click but the one that deleted is answered: counted, counted already, refused, or
        // told the request is being handled or done.
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "revoked by <@");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(answers(9)).hasSize(8));
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(ledger.decisions(requestId))
                .filteredOn(d -> d.equals("revoke:approved"))
                .hasSize(2);
        assertThat(ledger.decisions(requestId))
                .filteredOn(d -> d.equals("revoke:revoked"))
                .hasSize(1);
        assertThat(auditLinesWith("\"outcome\":\"approved\""))
                .hasSize(2)
                .noneSatisfy(line -> assertThat(line).contains("\"actor\":\"" + REQUESTER + "\""));
        for (int i = 2; i < 9; i += 3) {
            assertThat(stubs.responses("c" + i))
                    .as("the requester's click %d", i)
                    .singleElement(STRING)
                    .containsAnyOf("You are not an approver", "already revoked", "already being handled");
        }
    }

    /** The answers sent to the response_urls c0 to c(n-1). */
    private List<String> answers(int clicks) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            answers.addAll(stubs.responses("c" + i));
        }
        return answers;
    }

    @Test
    void threeApproversDeactivatingAtOnceAllCountAndTheTokenIsPatchedOnce() throws Exception {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        List<String> bodies = new ArrayList<>();
        for (String approver : List.of(APPROVER, APPROVER2, Stubs.GROUP_MEMBER)) {
            bodies.add(
                    click(approver, CHANNEL, ActionIds.DEACTIVATE, buttonValue(request), stubs.responseUrl(approver)));
        }

        sendAtOnce(bodies);

        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("deactivated (reversible) by <@");
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(stubs.patches(ID)).hasSize(1);
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted",
                        "deactivate:approved",
                        "deactivate:approved",
                        "deactivate:approved",
                        "deactivate:deactivated");
        // However the updates interleaved, the last one Slack took shows the token deactivated.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> updates = stubs.slackCalls("chat.update");
            assertThat(updates).isNotEmpty();
            assertThat(updates.get(updates.size() - 1)).contains("*Deactivated* by <@", ActionIds.REACTIVATE);
        });
    }
}
