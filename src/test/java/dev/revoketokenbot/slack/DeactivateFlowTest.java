package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contain first: Deactivate makes InfluxDB refuse the token (PATCH status inactive), verified by
 * reading it again; Reactivate undoes it and closes the request; Revoke deletes a deactivated token.
 * Through {@code /slack/events}, with one approval per action (the defaults).
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class DeactivateFlowTest extends SlackFlowTest {

    private String request;

    @BeforeEach
    void aRequestWhoseTokenFollowsPatches() {
        request = requestMessage();
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
    }

    @Test
    void deactivateIsOfferedBesideRevokeAndCancel() {
        assertThat(request)
                .contains(
                        ActionIds.DEACTIVATE,
                        "Deactivate this token?",
                        "Reversible",
                        ActionIds.REVOKE,
                        ActionIds.CANCEL)
                .doesNotContain(ActionIds.REACTIVATE);
    }

    @Test
    void anApproverDeactivatesAndTheMessageOffersRevokeAndReactivate() {
        String requestId = requestIdOf(request);

        send(click(APPROVER, CHANNEL, ActionIds.DEACTIVATE, buttonValue(request), stubs.responseUrl("click")))
                .statusCode(200);

        String update = eventually(() -> stubs.slackCalls("chat.update"), 1).get(0);
        assertThat(update)
                .contains(
                        "ts=1700000000.000100",
                        "*Deactivated* by <@" + APPROVER + ">",
                        "Verified: InfluxDB shows it inactive",
                        "Reversible",
                        ActionIds.REVOKE,
                        ActionIds.REACTIVATE)
                .doesNotContain(ActionIds.DEACTIVATE, ActionIds.CANCEL);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", ID, "deactivated (reversible) by <@" + APPROVER + ">", "Verified");
        assertThat(stubs.patches(ID)).hasSize(1);
        assertThat(stubs.patches(ID).get(0).getBodyAsString()).contains("\"status\":\"inactive\"");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:deactivated");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"event\":\"deactivate\"", "\"outcome\":\"deactivated\"", "\"why\":\"verified\""));
    }

    @Test
    void reactivateUndoesTheDeactivationAndClosesTheRequest() {
        String requestId = requestIdOf(request);
        send(click(APPROVER, CHANNEL, ActionIds.DEACTIVATE, buttonValue(request), stubs.responseUrl("deactivate")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        send(click("UAPPROVER2", CHANNEL, ActionIds.REACTIVATE, buttonValue(request), stubs.responseUrl("undo")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains("*reactivated* by <@UAPPROVER2>", "Verified: InfluxDB shows it active")
                .doesNotContain(ActionIds.REVOKE, ActionIds.REACTIVATE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 3).get(2))
                .contains("reactivated by <@UAPPROVER2>");
        assertThat(stubs.patches(ID)).hasSize(2);
        assertThat(stubs.patches(ID).get(1).getBodyAsString()).contains("\"status\":\"active\"");
        assertThat(ledger.stage(requestId)).isEqualTo("REACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "reactivate:reactivated");
    }

    @Test
    void revokeDeletesADeactivatedToken() {
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, noContent());
        send(click(APPROVER, CHANNEL, ActionIds.DEACTIVATE, buttonValue(request), stubs.responseUrl("deactivate")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("revoke")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains("*revoked* by <@UAPPROVER2>", "Verified: InfluxDB no longer has it")
                .doesNotContain(ActionIds.REACTIVATE);
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "revoke:revoked");
    }

    @Test
    void cancelNoLongerAppliesOnceTheTokenIsDeactivated() {
        send(click(APPROVER, CHANNEL, ActionIds.DEACTIVATE, buttonValue(request), stubs.responseUrl("deactivate")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("cancel")));

        assertThat(eventually(() -> stubs.responses("cancel"), 1).get(0)).contains("no longer applies");
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("DEACTIVATED");
    }
}
