package dev.revoketokenbot.slack;

import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.revocation.RequestState;
import dev.revoketokenbot.revocation.StateSigner;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A click after the request's time is up changes nothing in InfluxDB and marks the request expired. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class ExpiredRequestTest extends SlackFlowTest {

    @Inject
    StateSigner signer;

    @Test
    void anApproversClickAfterExpiryMarksTheRequestExpired() {
        String value = signer.seal(new RequestState(
                "feedfacecafebeef00000001",
                ID,
                "ci-writer",
                REQUESTER,
                CHANNEL,
                "leak",
                Instant.now().minus(Duration.ofMinutes(1))));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*expired*", ID)
                .doesNotContain("revoke_token.revoke");
        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("This request expired");
        assertThat(stubs.influxRequests()).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"outcome\":\"expired\"", "\"request_id\":\"feedfacecafebeef00000001\""));
    }

    @Test
    void aNewRequestExpiresAfterTheDefaultFifteenMinutes() {
        stubs.influxGet(
                ID,
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        dev.revoketokenbot.support.InfluxBodies.authorization(ID, "ci-writer", "")));
        Instant before = Instant.now();

        send(dev.revoketokenbot.support.SlackRequests.command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")));
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);

        RequestState state = signer.open(buttonValue(request)).orElseThrow();
        assertThat(state.expiresAt())
                .isBetween(
                        before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                        Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(state.requester()).isEqualTo(REQUESTER);
        assertThat(state.channel()).isEqualTo(CHANNEL);
        assertThat(request).contains("<!date^" + state.expiresAt().getEpochSecond());
    }
}
