package dev.revoketokenbot;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The InfluxDB REST client is built once. Each build registers the client's connection metrics,
 * and Micrometer warns on the second registration, at the bot's first InfluxDB call.
 */
@QuarkusTest
@TestProfile(InfluxClientMetricsTest.FreshApplication.class)
@WithTestResource(WireMockStubs.class)
class InfluxClientMetricsTest extends SlackFlowTest {

    /** No overrides: a profile of its own starts a fresh application, whose first InfluxDB call is this test's. */
    public static class FreshApplication implements QuarkusTestProfile {}

    @Test
    void theFirstInfluxCallRegistersTheClientsMetricsOnce() {
        requestMessage();

        assertThat(logs.warnings())
                .noneSatisfy(
                        line -> assertThat(line).startsWith("io.micrometer").contains("already registered"));
        assertThat(get("/q/metrics").asString())
                .contains("http_client_requests_seconds_count{clientName=\"none\",method=\"GET\",outcome=\"SUCCESS\","
                        + "status=\"200\",uri=\"/api/v2/authorizations/{authID}\"} 1.0");
    }
}
