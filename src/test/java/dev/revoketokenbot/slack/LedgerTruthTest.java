package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * InfluxDB judges the token, the ledger keeps the truth, and records reach the channel: a late
 * DELETE, an InfluxDB that cannot say, a Slack that is down, and clicks on closed requests.
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class LedgerTruthTest extends SlackFlowTest {

    private static final String TOKEN_PATH = "/api/v2/authorizations/" + ID;

    @Test
    void aDeleteThatCommitsButAnswersLateIsRecordedRevokedVerifiedOnce() {
        String request = requestMessage();
        // Every DELETE answers after the bot's read timeout (2.5 s in tests); the first one took effect.
        stubs.influx()
                .stubFor(delete(urlEqualTo(TOKEN_PATH))
                        .inScenario(Stubs.tokenScenario(ID))
                        .willReturn(aResponse().withStatus(204).withFixedDelay(4000))
                        .willSetStateTo(Stubs.TOKEN_DELETED));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified: InfluxDB no longer has it.");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "revoked by <@" + APPROVER + ">");
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("REVOKED");
        assertThat(logs.audit())
                .filteredOn(l -> l.contains("\"outcome\":\"revoked\""))
                .hasSize(1);
        assertThat(stubs.responses("click"))
                .noneSatisfy(r -> assertThat(r).containsIgnoringCase("nothing was changed"));
    }

    @Test
    void whenInfluxCannotSayTheBotSaysSoAndPostsTheOutcomeOnceInfluxAnswers() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        // InfluxDB fails every DELETE and every read: nobody can tell whether the token is gone.
        stubs.influx().stubFor(delete(urlEqualTo(TOKEN_PATH)).willReturn(InfluxBodies.unavailableResponse()));
        stubs.influx()
                .stubFor(get(urlEqualTo(TOKEN_PATH)).atPriority(1).willReturn(InfluxBodies.unavailableResponse()));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("can't tell yet whether it is revoked", "do not assume it is")
                .doesNotContainIgnoringCase("nothing was changed");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKING");

        // InfluxDB answers again, and the token is gone: the earlier DELETE had taken effect.
        stubs.influx().resetMappings();
        stubs.influx().stubFor(get(urlEqualTo(TOKEN_PATH)).willReturn(InfluxBodies.notFoundResponse()));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit");
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "revoke:unconfirmed", "revoke:revoked");
    }

    @Test
    void whenInfluxLaterShowsTheTokenStillThereTheChannelIsToldAndTheRequestIsOpenAgain() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influx().stubFor(delete(urlEqualTo(TOKEN_PATH)).willReturn(InfluxBodies.unavailableResponse()));
        stubs.influx()
                .stubFor(get(urlEqualTo(TOKEN_PATH)).atPriority(1).willReturn(InfluxBodies.unavailableResponse()));
        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));
        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("can't tell yet");

        // InfluxDB answers again and still has the token: the delete never took effect.
        stubs.influx().resetMappings();
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));

        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("still active", "did not take effect", "open again", "<@" + APPROVER + ">");
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "revoke:unconfirmed", "revoke:failed");
    }

    @Test
    void whenADeleteFailsAndInfluxStillHasTheTokenNothingChangedAndAnotherClickCanRevoke() {
        String request = requestMessage();
        stubs.influx()
                .stubFor(delete(urlEqualTo(TOKEN_PATH))
                        .inScenario(Stubs.tokenScenario(ID))
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(InfluxBodies.unavailableResponse())
                        .willSetStateTo("influx back"));
        stubs.influx()
                .stubFor(get(urlEqualTo(TOKEN_PATH))
                        .inScenario(Stubs.tokenScenario(ID))
                        .whenScenarioStateIs("influx back")
                        .willReturn(okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf"))));
        stubs.influx()
                .stubFor(delete(urlEqualTo(TOKEN_PATH))
                        .inScenario(Stubs.tokenScenario(ID))
                        .whenScenarioStateIs("influx back")
                        .willReturn(InfluxBodies.unavailableResponse()));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("first")));

        assertThat(eventually(() -> stubs.responses("first"), 1).get(0))
                .contains("InfluxDB unavailable", "nothing was changed", "The request stays open");
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("OPEN");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();

        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.influx().setScenarioState(Stubs.tokenScenario(ID), Scenario.STARTED);
        send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("second")));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked* by <@UAPPROVER2>");
    }

    @Test
    void slackDownDuringARevocationDeliversTheUpdateAndTheRecordOnceItIsBack() {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.slack().stubFor(post(urlEqualTo("/api/chat.update")).willReturn(serviceUnavailable()));
        stubs.slack().stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(serviceUnavailable()));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("The token is revoked", "update the request message", "post the record", "keep trying");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stubs.slackCalls("chat.update")).hasSizeGreaterThan(2));
        assertThat(ledger.undelivered()).containsExactly("UPDATE_REQUEST", "RECORD");

        stubs.slack().resetMappings();
        stubs.slack()
                .stubFor(post(urlEqualTo("/api/chat.update"))
                        .willReturn(okJson("{\"ok\":true,\"channel\":\"CINCIDENT\",\"ts\":\"1700000000.000100\"}")));
        stubs.slack()
                .stubFor(post(urlEqualTo("/api/chat.postMessage"))
                        .willReturn(okJson("{\"ok\":true,\"channel\":\"CINCIDENT\",\"ts\":\"1700000000.000200\"}")));
        stubs.slack().resetRequests();

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked*");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0))
                .contains("Audit");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(stubs.slackCalls("chat.update")).hasSize(1);
            assertThat(stubs.slackCalls("chat.postMessage")).hasSize(1);
        });
        assertThat(ledger.undelivered()).isEmpty();
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    @Test
    void aRevokedRequestIsNeverRewrittenByALaterCancel() {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("revoke")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("cancel")));

        assertThat(eventually(() -> stubs.responses("cancel"), 1).get(0))
                .contains("already revoked by <@" + APPROVER + ">");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stubs.slackCalls("chat.update")).hasSize(1));
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestIdOf(request))).containsExactly("request:posted", "revoke:revoked");
    }

    @Test
    void aButtonOfARequestTheLedgerDoesNotHaveChangesNothing() {
        String request = requestMessage();
        ledger.clear();

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("no record of this request");
        assertThat(stubs.deletes(ID)).isEmpty();
    }
}
