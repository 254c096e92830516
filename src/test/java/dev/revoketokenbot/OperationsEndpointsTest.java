package dev.revoketokenbot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health and metrics: InfluxDB being down is a detail, never a reason to leave service. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class OperationsEndpointsTest extends SlackFlowTest {

    static final String ID = "5555555555555555";

    @Test
    void readinessStaysUpWhileInfluxDbIsDownAndSaysSo() {
        stubs.influxGet(
                ID,
                aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.error("unavailable", "service unavailable")));

        send(command("UREQUESTER", "CINCIDENT", ID, stubs.responseUrl("cmd"))).statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !stubs.responses("cmd").isEmpty());

        get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'influxdb' }.data.reachable", equalTo("false"));
        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(metric("revoke_influx_reachable{target=\"default\"}")).isEqualTo(0.0);
    }

    @Test
    void metricsCountDecisionsAndTimeCallsWithoutUserText() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "metrics-user-canary", "description canary")));
        stubs.influxDelete(ID, aResponse().withStatus(204));
        send(command("UREQUESTER", "CINCIDENT", ID + " --reason reason canary", stubs.responseUrl("cmd")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stubs.slackCalls("chat.postMessage").size() == 1);
        String value = buttonValue(stubs.slackCalls("chat.postMessage").get(0));
        double revokedBefore = metric(
                "revoke_decisions_total{event=\"revoke\",outcome=\"revoked\",reason=\"verified\",target=\"default\"}");

        send(click("UAPPROVER1", "CINCIDENT", "revoke_token.revoke", value, stubs.responseUrl("click")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stubs.slackCalls("chat.postMessage").size() == 2);

        assertThat(
                        metric(
                                "revoke_decisions_total{event=\"revoke\",outcome=\"revoked\",reason=\"verified\",target=\"default\"}"))
                .isEqualTo(revokedBefore + 1);
        assertThat(metric("revoke_influx_reachable{target=\"default\"}")).isEqualTo(1.0);
        String metrics = get("/q/metrics").asString();
        assertThat(metrics)
                .contains(
                        "revoke_influx_calls_seconds_count{operation=\"delete\",outcome=\"ok\",target=\"default\"}",
                        "revoke_slack_calls_seconds_count{method=\"chat.update\",outcome=\"ok\"",
                        "revoke_slack_ack_seconds_count{status=\"200\",type=\"Command\"",
                        "revoke_decisions_total{event=\"request\",outcome=\"posted\",reason=\"none\",target=\"default\"}",
                        "revoke_ledger_seconds_count{operation=\"move\",outcome=\"ok\"");
        assertThat(metrics).doesNotContain("canary", InfluxBodies.LEAKED_TOKEN, "UAPPROVER1", "UREQUESTER");
        get("/q/health/ready").then().body("checks.name", hasItem("influxdb"));
    }

    @Test
    void aDeactivationIsCountedAsADecision() {
        String deactivated =
                "revoke_decisions_total{event=\"deactivate\",outcome=\"deactivated\",reason=\"verified\",target=\"default\"}";
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        send(command("UREQUESTER", "CINCIDENT", ID, stubs.responseUrl("cmd")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stubs.slackCalls("chat.postMessage").size() == 1);
        String value = buttonValue(stubs.slackCalls("chat.postMessage").get(0));
        double before = metric(deactivated);

        send(click("UAPPROVER1", "CINCIDENT", "revoke_token.deactivate", value, stubs.responseUrl("click")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stubs.slackCalls("chat.postMessage").size() == 2);

        assertThat(metric(deactivated)).isEqualTo(before + 1);
        assertThat(get("/q/metrics").asString())
                .contains(
                        "revoke_influx_calls_seconds_count{operation=\"patch\",outcome=\"ok\",target=\"default\"}",
                        "revoke_decisions_total{event=\"deactivate\",outcome=\"deactivated\",reason=\"verified\",target=\"default\"} ");
    }

    /** The value of one Prometheus sample, 0 when absent. */
    private static double metric(String nameAndLabels) {
        for (String line : get("/q/metrics").asString().split("\n", -1)) {
            if (line.startsWith(nameAndLabels + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
