package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slack refusing or failing: the person who acted hears what to do, and a revocation always stands. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class SlackFaultsTest extends SlackFlowTest {

    @ParameterizedTest
    @ValueSource(strings = {"not_in_channel", "channel_not_found"})
    void aChannelTheBotCannotPostInTellsTheRequesterToInviteIt(String error) {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        stubs.slackError("chat.postMessage", error);

        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);

        assertThat(eventually(() -> stubs.responses("cmd"), 1).get(0))
                .contains("/invite @revoke-token-bot", error, "Nothing was changed");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line).contains("\"outcome\":\"not_posted\",\"why\":\"" + error));
    }

    @Test
    void aRateLimitedPostIsRetriedAfterRetryAfter() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        stubs.slack()
                .stubFor(post(urlEqualTo("/api/chat.postMessage"))
                        .inScenario("limit")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "1")
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                        .willSetStateTo("open"));
        stubs.slack()
                .stubFor(post(urlEqualTo("/api/chat.postMessage"))
                        .inScenario("limit")
                        .whenScenarioStateIs("open")
                        .willReturn(okJson("{\"ok\":true,\"channel\":\"CINCIDENT\",\"ts\":\"1700000000.000100\"}")));
        Instant start = Instant.now();

        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);

        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
        await(() -> logs.audit().stream().anyMatch(line -> line.contains("\"outcome\":\"posted\"")));
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(stubs.responses("cmd")).isEmpty();
    }

    @Test
    void aRevocationStandsWhenTheMessageUpdateFailsAndTheApproverIsTold() {
        String value = requestValue();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.slackError("chat.update", "message_not_found");

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains(
                        "The token is revoked, but Slack did not let me update the request message",
                        "message_not_found",
                        "trying again cannot help");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit");
        assertThat(logs.audit()).anySatisfy(line -> assertThat(line).contains("\"outcome\":\"revoked\""));
    }

    @Test
    void aRevocationStandsWhenTheAuditMessageFailsAndTheApproverIsTold() {
        String value = requestValue();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.slackError("chat.postMessage", "channel_not_found");

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains(
                        "The token is revoked, but Slack did not let me post the record to <#" + CHANNEL + ">",
                        "channel_not_found",
                        "keep trying");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked*");
        assertThat(logs.audit()).anySatisfy(line -> assertThat(line).contains("\"outcome\":\"revoked\""));
    }

    private String requestValue() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);
        return buttonValue(
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }
}
