package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * InfluxDB misbehaving: each fault ends in a clear answer, bounded retries, and nothing half done.
 * The test profile sets the read timeout to 1 s.
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class InfluxFaultsTest extends SlackFlowTest {

    private static final String GET_PATH = "/api/v2/authorizations/" + ID;

    @Test
    void rateLimitingIsWaitedOutAsRetryAfterAsks() {
        stubTwice(
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.error("too many requests", "rate limited")),
                okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        Instant start = Instant.now();

        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);

        eventually(() -> stubs.slackCalls("chat.postMessage"), 1);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(stubs.influx().findAll(getRequestedFor(urlEqualTo(GET_PATH))))
                .as(() -> stubs.influx().getAllServeEvents().stream()
                        .map(e -> e.getRequest().getLoggedDate().toInstant() + " "
                                + e.getResponse().getStatus())
                        .toList()
                        .toString())
                .hasSize(2);
    }

    @Test
    void aStrugglingInfluxDbIsRetriedABoundedNumberOfTimesThenReported() {
        stubs.influxGet(
                ID,
                aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.error("unavailable", "overloaded")));

        assertThat(answer()).contains("InfluxDB unavailable (HTTP 503), nothing was changed");
        assertThat(stubs.influx().findAll(getRequestedFor(urlEqualTo(GET_PATH))))
                .hasSize(3);
    }

    @Test
    void aSlowInfluxDbNeverDelaysTheAckAndTheTimeoutMessageFollows() {
        stubs.influxGet(
                ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")).withFixedDelay(10_000));

        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")))
                .statusCode(200)
                .time(lessThan(3000L)); // Slack's limit; the ack itself does no I/O

        assertThat(answer(Duration.ofSeconds(15))).contains("InfluxDB unavailable (no answer), nothing was changed");
    }

    @Test
    void aDroppedConnectionIsUnavailable() {
        stubs.contract().allowViolations(); // WireMock journals a reset connection as an empty 200
        stubs.influxGet(ID, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(answer()).contains("InfluxDB unavailable (no answer)");
    }

    @Test
    void anHtmlErrorPageIsUnavailableWithItsStatus() {
        stubs.contract().allowViolations();
        stubs.influxGet(
                ID,
                aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

        assertThat(answer()).contains("InfluxDB unavailable (HTTP 502)").doesNotContain("<html>", "Bad Gateway");
    }

    @Test
    void anHtmlPageWithStatus200CannotBeRead() {
        stubs.contract().allowViolations();
        stubs.influxGet(
                ID,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Sign in</body></html>"));

        assertThat(answer()).contains("could not read");
    }

    @Test
    void garbageJsonCannotBeRead() {
        stubs.contract().allowViolations();
        stubs.influxGet(ID, okJson("{\"id\": [\"garbage-canary\"], \"permissions\": 7}"));

        assertThat(answer()).contains("could not read").doesNotContain("garbage-canary");
        assertThat(stubs.influx().findAll(getRequestedFor(urlEqualTo(GET_PATH))))
                .as("no retry of garbage")
                .hasSize(1);
    }

    @Test
    void aDeleteThatKeepsFailingLeavesTheRequestOpenToTryAgain() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        stubs.influxDelete(
                ID,
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.error("internal error", "boom")));
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")));
        String value = buttonValue(
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0));

        send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("first")));
        assertThat(eventually(() -> stubs.responses("first"), 1).get(0))
                .contains("InfluxDB unavailable (HTTP 500), nothing was changed", "The request stays open");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(stubs.deletes(ID)).hasSize(3);

        stubs.influxDelete(ID, aResponse().withStatus(204));
        send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("second")));
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked*");
    }

    private void stubTwice(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        stubs.influx()
                .stubFor(get(urlEqualTo(GET_PATH))
                        .inScenario("twice")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(first)
                        .willSetStateTo("second"));
        stubs.influx()
                .stubFor(get(urlEqualTo(GET_PATH))
                        .inScenario("twice")
                        .whenScenarioStateIs("second")
                        .willReturn(then));
    }

    private String answer() {
        return answer(Duration.ofSeconds(10));
    }

    private String answer(Duration within) {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);
        org.awaitility.Awaitility.await()
                .atMost(within)
                .until(() -> !stubs.responses("cmd").isEmpty());
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
        return stubs.responses("cmd").get(0);
    }
}
