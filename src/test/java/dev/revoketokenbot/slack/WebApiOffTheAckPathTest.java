package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ack never waits on Slack's Web API: whatever {@code auth.test} answers (a refusal, an
 * error, a 4-second wait), commands and clicks are acked and handled, and it is never even asked.
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class WebApiOffTheAckPathTest extends SlackFlowTest {

    private static final Map<String, ResponseDefinitionBuilder> AUTH_TEST_ANSWERS = Map.of(
            "refused", okJson("{\"ok\":false,\"error\":\"invalid_auth\"}"),
            "down", aResponse().withStatus(503),
            "slow",
                    okJson("{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"T0TEST\"}")
                            .withFixedDelay(4000));

    @ParameterizedTest(name = "[{index}] auth.test {0}")
    @ValueSource(strings = {"refused", "down", "slow"})
    void commandsAndClicksAreAckedAndHandledWithoutAuthTest(String answer) {
        stubs.slack().stubFor(post(urlEqualTo("/api/auth.test")).willReturn(AUTH_TEST_ANSWERS.get(answer)));

        send(command(REQUESTER, CHANNEL, "help", stubs.responseUrl("help")))
                .statusCode(200)
                .body(containsString("Usage"));
        String request = requestMessage();
        send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("cancel")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*cancelled*");
        assertThat(stubs.slackCalls("auth.test")).isEmpty();
    }
}
