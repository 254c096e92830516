package dev.revoketokenbot.slack;

import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An InfluxDB nobody listens for: the connection is refused, and the requester hears so. */
@QuarkusTest
@TestProfile(InfluxUnreachableTest.ClosedPort.class)
@WithTestResource(WireMockStubs.class)
class InfluxUnreachableTest extends SlackFlowTest {

    public static class ClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, so every connection is refused at once.
            return Map.of("influx.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void aRefusedConnectionIsUnavailableAndNothingChanges() {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);

        assertThat(eventually(() -> stubs.responses("cmd"), 1).get(0))
                .contains("InfluxDB unavailable (no answer), nothing was changed");
        assertThat(stubs.influxRequests())
                .as("the InfluxDB stub was not the one asked")
                .isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
    }
}
