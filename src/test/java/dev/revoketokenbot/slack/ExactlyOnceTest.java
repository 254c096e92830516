package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.SlackRequests;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Double clicks, several approvers at once, Slack retries and other replicas: one DELETE outcome. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class ExactlyOnceTest extends SlackFlowTest {

    private static final List<String> APPROVERS = List.of("UAPPROVER1", "UAPPROVER2", Stubs.GROUP_MEMBER);

    @Test
    void twentyConcurrentClicksDeleteOnce() throws Exception {
        String value = buttonValue(requestMessage());
        // A slow DELETE keeps the first click in flight while the others arrive.
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(300));
        int clicks = 20;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            String approver = APPROVERS.get(i % APPROVERS.size());
            bodies.add(click(approver, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click-" + i)));
        }
        sendAtOnce(bodies);

        eventually(() -> stubs.slackCalls("chat.update"), 1);
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            answers.addAll(stubs.responses("click-" + i));
        }
        assertThat(answers)
                .hasSize(clicks - 1)
                .allSatisfy(answer -> assertThat(answer).containsAnyOf("already being handled", "already revoked"));
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
        assertThat(logs.audit())
                .filteredOn(line -> line.contains("\"outcome\":\"revoked\""))
                .hasSize(1);
    }

    @Test
    void aSlackRetryOfTheSameClickDeletesOnce() {
        String value = buttonValue(requestMessage());
        stubs.influxDelete(ID, aResponse().withStatus(204));
        String body = click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click"));

        // The same click sent again a second later (a retry signs it anew): told it is done.
        long now = java.time.Instant.now().getEpochSecond();
        send(body, now, SlackRequests.SIGNING_SECRET).statusCode(200);
        eventually(() -> stubs.slackCalls("chat.update"), 1);
        send(body, now + 1, SlackRequests.SIGNING_SECRET).statusCode(200);

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("already revoked");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.slackCalls("chat.postMessage")).hasSize(2);
    }

    @Test
    void anIdenticalSignedRequestSeenAgainIsNotActedOnTwice() {
        long now = java.time.Instant.now().getEpochSecond();
        String command = SlackRequests.command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"));
        stubs.influxGet(
                ID,
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        InfluxBodies.authorization(ID, "ci-writer", "")));

        send(command, now, SlackRequests.SIGNING_SECRET).statusCode(200);
        send(command, now, SlackRequests.SIGNING_SECRET).statusCode(200);

        eventually(() -> stubs.slackCalls("chat.postMessage"), 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(stubs.slackCalls("chat.postMessage")).hasSize(1));
        assertThat(logs.warnings()).anySatisfy(line -> assertThat(line).contains("Dropped a replayed command"));
    }

    @Test
    void aDeleteWhoseRetryFindsNothingCountsAsRevoked() {
        String value = buttonValue(requestMessage());
        // The first DELETE went through but its answer was lost (503); the retry finds the token gone.
        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.influx()
                .stubFor(delete(urlEqualTo("/api/v2/authorizations/" + ID))
                        .inScenario(Stubs.tokenScenario(ID))
                        .whenScenarioStateIs(Scenario.STARTED)
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/json")
                                .withBody(InfluxBodies.error("unavailable", "try again")))
                        .willSetStateTo(Stubs.TOKEN_DELETED));

        send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked*");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit");
        assertThat(stubs.deletes(ID)).hasSize(2);
        assertThat(stubs.responses("click")).isEmpty();
    }

    @Test
    void aTokenRevokedOutsideThisRequestShowsNoFailureAndRecordsThatItChangedNothing() {
        String value = buttonValue(requestMessage());
        stubs.influxDelete(
                ID,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.notFound()));

        send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("already revoked")
                .doesNotContain("fail", "unavailable");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*already gone*")
                .doesNotContain("*revoked*");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .as("a record that says nothing was revoked by this request")
                .contains("already gone", "changed nothing")
                .doesNotContain("revoked by");
    }
}
