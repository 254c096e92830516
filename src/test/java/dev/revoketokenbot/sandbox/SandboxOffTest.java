package dev.revoketokenbot.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Outside sandbox mode (here: with Slack and InfluxDB settings), nothing of the sandbox exists. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class SandboxOffTest {

    @Inject
    SandboxMode mode;

    @ParameterizedTest
    @CsvSource({
        "GET, /sandbox",
        "GET, /sandbox/",
        "GET, /sandbox/page/sandbox.js",
        "GET, /sandbox/api/setup",
        "GET, /sandbox/api/live",
        "POST, /sandbox/api/start-over",
        "POST, /sandbox/slack/api/chat.postMessage",
        "POST, /sandbox/slack/response/U0RILEY/any",
        "GET, /sandbox/influxdb/api/v2/authorizations",
        "DELETE, /sandbox/influxdb/api/v2/authorizations/07c2e91fa4d3b065"
    })
    void everySandboxEndpointIsNotFound(String method, String path) {
        given().header("Authorization", "Token " + InfluxSeed.OPERATOR_TOKEN)
                .request(method, path)
                .then()
                .statusCode(404);
    }

    @Test
    void theBotKeepsTheSettingsItWasGiven() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("slack.api-url", String.class))
                .startsWith("http://")
                .doesNotContain("/sandbox");
        assertThat(config.getValue("influx.url", String.class)).doesNotContain("/sandbox");
        assertThat(config.getValue("slack.bot-token", String.class)).isEqualTo(WireMockStubs.BOT_TOKEN);
        assertThat(mode.sandbox()).isFalse();
        assertThat(mode.sandboxUrl()).isEmpty();
    }
}
