package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry in each open stage. An open request that expires closes with nothing changed, and a click
 * on it is told so. A deactivated one that expires stays deactivated (the safe side), says so, and
 * still offers approvers Reactivate and Revoke, which still work.
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class ExpiryInEachStageTest extends SlackFlowTest {

    private String request;
    private String requestId;

    @BeforeEach
    void aRequestWhoseTokenFollowsPatches() {
        request = requestMessage();
        requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        stubs.influxDelete(ID, noContent());
    }

    @Test
    void aDeactivateClickOnAnExpiredRequestIsToldItExpiredAndChangesNothing() {
        ledger.expire(requestId);

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");

        assertThat(answerTo("deactivate")).contains("This request expired at <!date^", "nothing was changed");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*expired*")
                .doesNotContain(ActionIds.DEACTIVATE, ActionIds.REVOKE, ActionIds.CANCEL);
        assertThat(stubs.patches(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("EXPIRED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "expire:expired");
    }

    @Test
    void aCancelClickOnAnExpiredRequestIsToldItExpiredNotCancelled() {
        ledger.expire(requestId);

        clickAs(REQUESTER, ActionIds.CANCEL, request, "cancel");

        assertThat(answerTo("cancel")).contains("This request expired").doesNotContain("cancelled");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*expired*")
                .doesNotContain("*cancelled*");
        assertThat(ledger.stage(requestId)).isEqualTo("EXPIRED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "expire:expired");
    }

    @Test
    void aDeactivatedRequestThatExpiresStaysDeactivatedAndSaysSo() {
        deactivate();

        ledger.expire(requestId);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains(
                        "*Deactivated* by <@" + APPROVER + ">",
                        "The request expired at <!date^",
                        "the token *stays deactivated*",
                        "Approvers can still *Reactivate* or *Revoke* it",
                        ActionIds.REACTIVATE,
                        ActionIds.REVOKE)
                .doesNotContain(ActionIds.DEACTIVATE, ActionIds.CANCEL, "*expired* at");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 3).get(2))
                .contains("Audit", "expired; the token stays deactivated", "can still reactivate or revoke it");
        assertThat(ledger.stage(requestId)).isEqualTo("KEPT_DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "expire:kept_deactivated");
        assertThat(stubs.patches(ID)).as("nothing reactivated it").hasSize(1);
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(auditLinesWith("\"event\":\"expire\"", "\"outcome\":\"kept_deactivated\""))
                .hasSize(1);
    }

    @Test
    void anApproverStillRevokesAfterExpiry() {
        deactivate();
        ledger.expire(requestId);
        eventually(() -> stubs.slackCalls("chat.update"), 2);

        clickAs(APPROVER2, ActionIds.REVOKE, request, "revoke");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 3).get(2))
                .contains("*revoked* by <@" + APPROVER2 + ">", "Verified")
                .doesNotContain(ActionIds.REACTIVATE);
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted", "deactivate:deactivated", "expire:kept_deactivated", "revoke:revoked");
    }

    @Test
    void anApproverStillReactivatesAfterExpiryAndAStrangerStillCannot() {
        deactivate();
        ledger.expire(requestId);
        eventually(() -> stubs.slackCalls("chat.update"), 2);
        clickAs(STRANGER, ActionIds.REACTIVATE, request, "stranger");
        assertThat(answerTo("stranger")).contains("You are not an approver");

        clickAs(APPROVER2, ActionIds.REACTIVATE, request, "reactivate");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 3).get(2))
                .contains("*reactivated* by <@" + APPROVER2 + ">", "Verified: InfluxDB shows it active");
        assertThat(stubs.patches(ID)).hasSize(2);
        assertThat(stubs.patches(ID).get(1).getBodyAsString()).contains("\"status\":\"active\"");
        assertThat(ledger.stage(requestId)).isEqualTo("REACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly(
                        "request:posted",
                        "deactivate:deactivated",
                        "expire:kept_deactivated",
                        "reactivate:refused",
                        "reactivate:reactivated");
    }

    private void deactivate() {
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*Deactivated*");
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
    }
}
