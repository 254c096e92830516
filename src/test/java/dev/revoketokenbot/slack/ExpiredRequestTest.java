package dev.revoketokenbot.slack;

import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A request whose time is up changes nothing in InfluxDB, and its message says it expired. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class ExpiredRequestTest extends SlackFlowTest {

    @Test
    void anApproversClickAfterExpiryMarksTheRequestExpired() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        ledger.expire(requestId);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*expired*", ID)
                .doesNotContain("revoke_token.revoke");
        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("This request expired");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("EXPIRED");
        assertThat(logs.audit())
                .anySatisfy(line ->
                        assertThat(line).contains("\"outcome\":\"expired\"", "\"request_id\":\"" + requestId + "\""));
    }

    @Test
    void anUnclickedRequestExpiresByItselfAndLosesItsButtons() {
        String requestId = requestIdOf(requestMessage());

        ledger.expire(requestId);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*expired*", "ts=1700000000.000100")
                .doesNotContain("revoke_token.revoke");
        assertThat(ledger.stage(requestId)).isEqualTo("EXPIRED");
        assertThat(stubs.influxRequests()).hasSize(1);
    }

    @Test
    void aClickAfterExpiryOnARevokedRequestIsToldItWasRevokedAndRewritesNothing() {
        String request = requestMessage();
        stubs.influxDelete(ID, com.github.tomakehurst.wiremock.client.WireMock.noContent());
        stubs.influxGet(ID, dev.revoketokenbot.support.InfluxBodies.notFoundResponse());
        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("revoke")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);
        ledger.expire(requestIdOf(request));

        send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("late")));

        assertThat(eventually(() -> stubs.responses("late"), 1).get(0))
                .contains("already revoked by <@" + APPROVER + ">")
                .doesNotContain("expired");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stubs.slackCalls("chat.update")).hasSize(1));
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    @Test
    void aNewRequestExpiresAfterTheDefaultFifteenMinutes() {
        Instant before = Instant.now();

        String request = requestMessage();

        Instant expiresAt = ledger.expiresAt(requestIdOf(request));
        assertThat(expiresAt)
                .isBetween(
                        before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                        Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(request).contains("<!date^" + expiresAt.getEpochSecond());
    }
}
