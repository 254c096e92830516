package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.SIGNING_SECRET;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests not signed by Slack, or signed too long ago, get 401 and cause nothing. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class RequestSignatureTest extends SlackFlowTest {

    @BeforeEach
    void anExistingToken() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
    }

    @Test
    void aWrongSignatureIsRefused() {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")), now(), "not-the-signing-secret")
                .statusCode(401);
        assertNothingHappened();
    }

    @Test
    void aStaleTimestampIsRefused() {
        long sixMinutesAgo = now() - 6 * 60;
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")), sixMinutesAgo, SIGNING_SECRET)
                .statusCode(401);
        assertNothingHappened();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0} s ahead")
    @org.junit.jupiter.params.provider.ValueSource(longs = {6 * 60, 60 * 60, 10L * 365 * 24 * 60 * 60})
    void aTimestampFromTheFutureIsRefused(long secondsAhead) {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")), now() + secondsAhead, SIGNING_SECRET)
                .statusCode(401);
        assertNothingHappened();
    }

    @Test
    void aTimestampWithinFiveMinutesEitherWayIsAccepted() {
        send(command(REQUESTER, CHANNEL, "help", stubs.responseUrl("ahead")), now() + 4 * 60, SIGNING_SECRET)
                .statusCode(200);
        send(command(REQUESTER, CHANNEL, "help", stubs.responseUrl("behind")), now() - 4 * 60, SIGNING_SECRET)
                .statusCode(200);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String body = command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"));
        String ts = Long.toString(now());
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header(
                        "X-Slack-Signature",
                        new com.slack.api.app_backend.SlackSignature.Generator(SIGNING_SECRET).generate(ts, body))
                .body(body.replace("UREQUESTER", "UAPPROVER1"))
                .post("/slack/events")
                .then()
                .statusCode(401);
        assertNothingHappened();
    }

    @Test
    void unsignedRequestsAreRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .body(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")))
                .post("/slack/events")
                .then()
                .statusCode(401);
        assertNothingHappened();
    }

    @Test
    void aCorrectlySignedRequestIsAccepted() {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);
        eventually(() -> stubs.slackCalls("chat.postMessage"), 1);
    }

    /** Not even Bolt's auth.test: an unverified request reaches neither Slack nor InfluxDB. */
    private void assertNothingHappened() {
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> stubs.influxRequests().isEmpty()
                        && stubs.everythingSentToSlack().isEmpty());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
