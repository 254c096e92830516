package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who is neither an approver nor the requester tries every button: each click is refused
 * with its own answer, audited as refused, and nothing reaches InfluxDB.
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class StrangerClicksTest extends SlackFlowTest {

    private static final String NOT_APPROVER = "You are not an approver for token revocations";

    private String request;
    private String requestId;

    @BeforeEach
    void aRequestWhoseTokenFollowsPatches() {
        request = requestMessage();
        requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
    }

    @Test
    void deactivateRevokeAndCancelOnAnOpenRequestAreEachRefused() {
        clickAs(STRANGER, ActionIds.DEACTIVATE, request, "deactivate");
        assertThat(answerTo("deactivate")).contains(NOT_APPROVER, "not counted");
        clickAs(STRANGER, ActionIds.REVOKE, request, "revoke");
        assertThat(answerTo("revoke")).contains(NOT_APPROVER, "not counted");
        clickAs(STRANGER, ActionIds.CANCEL, request, "cancel");
        assertThat(answerTo("cancel"))
                .contains("Only the requester or an approver can do this.", "\"response_type\":\"ephemeral\"");

        assertThat(stubs.influxRequests())
                .as("only the lookup that opened the request")
                .singleElement()
                .satisfies(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:refused", "revoke:refused", "cancel:refused");
        String stranger = "\"actor\":\"" + STRANGER + "\"";
        assertThat(auditLinesWith(
                        "\"event\":\"deactivate\"", stranger, "\"outcome\":\"refused\",\"why\":\"not_approver\""))
                .hasSize(1);
        assertThat(auditLinesWith("\"event\":\"revoke\"", stranger, "\"outcome\":\"refused\",\"why\":\"not_approver\""))
                .hasSize(1);
        assertThat(auditLinesWith(
                        "\"event\":\"cancel\"",
                        stranger,
                        "\"outcome\":\"refused\",\"why\":\"not_requester_or_approver\""))
                .hasSize(1);
    }

    @Test
    void reactivateAndRevokeOnADeactivatedRequestAreEachRefused() {
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        clickAs(STRANGER, ActionIds.REACTIVATE, request, "reactivate");
        assertThat(answerTo("reactivate")).contains(NOT_APPROVER);
        clickAs(STRANGER, ActionIds.REVOKE, request, "revoke");
        assertThat(answerTo("revoke")).contains(NOT_APPROVER);

        assertThat(stubs.patches(ID))
                .singleElement()
                .satisfies(patch -> assertThat(patch.getBodyAsString()).contains("\"status\":\"inactive\""));
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "reactivate:refused", "revoke:refused");
        assertThat(auditLinesWith(
                        "\"event\":\"reactivate\"",
                        "\"actor\":\"" + STRANGER + "\"",
                        "\"outcome\":\"refused\",\"why\":\"not_approver\""))
                .hasSize(1);
    }

    @Test
    void theRequesterWhoIsNoApproverCannotDeactivateByDefault() {
        clickAs(REQUESTER, ActionIds.DEACTIVATE, request, "deactivate");

        assertThat(answerTo("deactivate")).contains(NOT_APPROVER);
        assertThat(stubs.patches(ID)).isEmpty();
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:refused");
    }
}
