package dev.revoketokenbot.slack;

import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With an app token the bot opens a Socket Mode connection and takes no Slack traffic over HTTP. */
@QuarkusTest
@TestProfile(SocketModeTest.AppToken.class)
@WithTestResource(WireMockStubs.class)
class SocketModeTest extends SlackFlowTest {

    static final String APP_TOKEN = "xapp-test-app-token";

    public static class AppToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slack.app-token", APP_TOKEN);
        }
    }

    @Test
    void itAsksSlackForASocketModeConnectionWithTheAppToken() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(stubs.connectionOpens()).contains("Bearer " + APP_TOKEN));
    }

    @Test
    void theHttpEndpointIsClosed() {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(404);
        assertThat(stubs.influxRequests()).isEmpty();
    }
}
