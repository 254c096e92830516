package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.InfluxBodies3;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.TargetsStubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One incident channel with three open requests on three kinds of InfluxDB at once: {@code default}
 * (v2), {@code edge} (InfluxDB 3) and {@code cloud} (Cloud Dedicated). Each is decided on its own:
 * its own API, its own credentials, its own message, record, audit line and metrics.
 */
@QuarkusTest
@WithTestResource(TargetsStubs.class)
class ThreeTargetsChannelTest extends SlackFlowTest {

    /** The InfluxDB 3 token of the edge request, by name. */
    private static final String EDGE_NAME = "ci-writer";
    /** The v2 token's owner: a name that appears in no other request. */
    private static final String DEFAULT_USER = "build-bot";

    private static final String CLOUD_PATH = Stubs.dedicatedTokenPath(InfluxBodies3.TOKEN_ID);

    /** Slack's ts of each request message, told apart by the token each names. */
    private static final String DEFAULT_TS = "1700000001.000100";

    private static final String EDGE_TS = "1700000002.000100";
    private static final String CLOUD_TS = "1700000003.000100";

    @Test
    void threeRequestsOnThreeTargetsInOneChannelAreEachRevokedOnTheirOwnApi() {
        Map<String, Double> decisionsBefore = Map.of(
                "default", metric(revokedVerified("default")),
                "edge", metric(revokedVerified("edge")),
                "cloud", metric(revokedVerified("cloud")));
        double cloudDeletesBefore = metric(deletesOk("cloud"));
        double edgeDeletesBefore = metric(deletesOk("edge"));
        requestMessagesGetTheirOwnTs();
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, DEFAULT_USER, "telegraf on build hosts")));
        stubs.influxDelete(ID, aResponse().withStatus(204));
        stubs.influx3Token(EDGE_NAME, InfluxBodies3.v3QueryResponse(InfluxBodies3.v3TokenRows(EDGE_NAME)));
        stubs.influx3Delete(EDGE_NAME, InfluxBodies3.v3DeletedResponse());
        String cloudToken = InfluxBodies3.dedicatedToken(
                InfluxBodies3.ACCOUNT_ID, InfluxBodies3.CLUSTER_ID, InfluxBodies3.TOKEN_ID, "dashboards");
        stubs.managementToken(
                CLOUD_PATH,
                InfluxBodies3.managementTokenResponse(cloudToken),
                InfluxBodies3.managementTokenResponse(InfluxBodies3.revoked(cloudToken, InfluxBodies3.REVOKED_AT)));
        stubs.managementDelete(CLOUD_PATH, InfluxBodies3.managementDeletedResponse());

        String onDefault = requestMessage(ID + " --reason default leaked", 1);
        String onEdge = requestMessage("--target edge name:" + EDGE_NAME + " --reason edge leaked", 2);
        String onCloud = requestMessage("target:cloud " + InfluxBodies3.TOKEN_ID + " --reason cloud leaked", 3);

        assertThat(onDefault).contains(ID, "`default` · InfluxDB v2", DEFAULT_USER, "default leaked");
        assertThat(onEdge).contains("*Token name*", "`" + EDGE_NAME + "`", "`edge` · InfluxDB 3", "edge leaked");
        assertThat(onCloud).contains("*Token ID*", InfluxBodies3.TOKEN_ID, "`cloud` · Cloud Dedicated", "cloud leaked");
        for (String request : List.of(onDefault, onEdge, onCloud)) {
            assertThat(request).contains(ActionIds.REVOKE, ActionIds.CANCEL);
        }
        assertThat(onDefault).as("only v2 tokens can be deactivated").contains(ActionIds.DEACTIVATE);
        assertThat(onEdge).doesNotContain(ActionIds.DEACTIVATE);
        assertThat(onCloud).doesNotContain(ActionIds.DEACTIVATE);
        assertThat(influxDeletes()).as("nothing is deleted before approval").isEmpty();

        // Approved in another order than asked for, each click before the one before it is done.
        clickAs(APPROVER, ActionIds.REVOKE, onCloud, "cloud-click");
        clickAs(APPROVER2, ActionIds.REVOKE, onDefault, "default-click");
        clickAs(APPROVER, ActionIds.REVOKE, onEdge, "edge-click");

        List<String> updates = eventually(() -> stubs.slackCalls("chat.update"), 3);
        assertThat(updateOf(updates, DEFAULT_TS))
                .contains(
                        "`" + ID + "` (user `" + DEFAULT_USER + "`) on `default` *revoked* by <@" + APPROVER2 + ">",
                        "Verified: InfluxDB no longer has it.");
        assertThat(updateOf(updates, EDGE_TS))
                .contains(
                        "`" + EDGE_NAME + "` on `edge` *revoked* by <@" + APPROVER + ">",
                        "Verified: InfluxDB no longer has it.");
        assertThat(updateOf(updates, CLOUD_TS))
                .contains(
                        "`" + InfluxBodies3.TOKEN_ID + "` on `cloud` *revoked* by <@" + APPROVER + ">",
                        "Verified: InfluxDB no longer has it.");
        List<String> records =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 6).subList(3, 6);
        assertThat(records)
                .allSatisfy(record -> assertThat(record).contains("channel=" + CHANNEL, "Verified"))
                .anySatisfy(record -> assertThat(record)
                        .contains("Audit: InfluxDB token `" + ID + "` (user `" + DEFAULT_USER
                                + "`) on `default` revoked by <@" + APPROVER2 + ">"))
                .anySatisfy(record -> assertThat(record)
                        .contains("Audit: InfluxDB token `" + EDGE_NAME + "` on `edge` revoked by <@" + APPROVER + ">"))
                .anySatisfy(record -> assertThat(record)
                        .contains("Audit: InfluxDB token `" + InfluxBodies3.TOKEN_ID + "` on `cloud` revoked by <@"
                                + APPROVER + ">"));

        // Each DELETE went to its own API, once, with its own target's credentials.
        assertThat(stubs.deletes(ID))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.getHeader("Authorization")).isEqualTo("Token " + WireMockStubs.INFLUX_TOKEN));
        assertThat(stubs.influx3Deletes(EDGE_NAME))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.getHeader("Authorization")).isEqualTo("Bearer " + TargetsStubs.EDGE_TOKEN));
        assertThat(stubs.managementDeletes(CLOUD_PATH))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.getHeader("Authorization")).isEqualTo("Bearer " + TargetsStubs.CLOUD_TOKEN));
        assertThat(influxDeletes()).hasSize(3);
        assertThat(stubs.influxRequests())
                .allSatisfy(r -> assertThat(r.getHeader("Authorization"))
                        .as("credentials of %s %s", r.getMethod(), r.getUrl())
                        .isEqualTo(credentialsFor(r.getUrl())));

        for (String request : List.of(onDefault, onEdge, onCloud)) {
            assertThat(ledger.stage(requestIdOf(request))).isEqualTo("REVOKED");
        }
        assertThat(auditLinesWith(
                        "\"authorization_id\":\"" + ID + "\"", "\"target\":\"default\"", "\"outcome\":\"revoked\""))
                .hasSize(1);
        assertThat(auditLinesWith(
                        "\"authorization_id\":\"" + EDGE_NAME + "\"", "\"target\":\"edge\"", "\"outcome\":\"revoked\""))
                .hasSize(1);
        assertThat(auditLinesWith(
                        "\"authorization_id\":\"" + InfluxBodies3.TOKEN_ID + "\"",
                        "\"target\":\"cloud\"",
                        "\"outcome\":\"revoked\""))
                .hasSize(1);
        assertThat(auditLinesWith("\"outcome\":\"revoked\"")).hasSize(3);

        decisionsBefore.forEach((target, before) -> assertThat(metric(revokedVerified(target)))
                .as("revoked decisions on %s", target)
                .isEqualTo(before + 1));
        assertThat(metric(deletesOk("cloud"))).isEqualTo(cloudDeletesBefore + 1);
        assertThat(metric(deletesOk("edge"))).isEqualTo(edgeDeletesBefore + 1);
        assertThat(get("/q/metrics").asString())
                .contains("revoke_influx_calls_seconds_count{operation=\"get\",outcome=\"ok\",target=\"cloud\"}")
                .doesNotContain(TargetsStubs.CLOUD_TOKEN, TargetsStubs.EDGE_TOKEN, EDGE_NAME);
    }

    /** An accepted delete is audited with the status its kind answers: InfluxDB 3 answers 200, not 204. */
    @Test
    void anInfluxDb3DeleteIsAuditedWithTheStatusInfluxDb3Answered() {
        stubs.influx3Token(EDGE_NAME, InfluxBodies3.v3QueryResponse(InfluxBodies3.v3TokenRows(EDGE_NAME)));
        stubs.influx3Delete(EDGE_NAME, InfluxBodies3.v3DeletedResponse());
        String onEdge = requestMessage("--target edge name:" + EDGE_NAME, 1);

        clickAs(APPROVER, ActionIds.REVOKE, onEdge, "edge-click");

        eventually(() -> stubs.slackCalls("chat.update"), 1);
        assertThat(stubs.influx().getAllServeEvents())
                .filteredOn(e -> e.getRequest().getMethod().getName().equals("DELETE"))
                .singleElement()
                .satisfies(e -> assertThat(e.getResponse().getStatus()).isEqualTo(200));
        assertThat(auditLinesWith("\"target\":\"edge\"", "\"outcome\":\"revoked\""))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("\"influx_status\":200"));
    }

    /** Posts {@code text} as a command and returns the {@code count}th request message in the channel. */
    private String requestMessage(String text, int count) {
        send(command(REQUESTER, CHANNEL, text, stubs.responseUrl("cmd-" + count)))
                .statusCode(200);
        return eventually(() -> stubs.slackCalls("chat.postMessage"), count).get(count - 1);
    }

    /**
     * Slack answers each request message with a ts of its own, as it does, so that each update
     * shows which message it is for. Records (no buttons) keep the default answer.
     */
    private void requestMessagesGetTheirOwnTs() {
        for (Map.Entry<String, String> message : Map.of(
                        ID, DEFAULT_TS, EDGE_NAME, EDGE_TS, InfluxBodies3.TOKEN_ID, CLOUD_TS)
                .entrySet()) {
            stubs.slack()
                    .stubFor(post(urlEqualTo("/api/chat.postMessage"))
                            .withRequestBody(containing(ActionIds.REVOKE).and(containing(message.getKey())))
                            .willReturn(okJson("{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\""
                                    + message.getValue() + "\"}")));
        }
    }

    private static String updateOf(List<String> updates, String ts) {
        List<String> of = updates.stream().filter(u -> u.contains("ts=" + ts)).toList();
        assertThat(of).as("updates of the message %s", ts).hasSize(1);
        return of.get(0);
    }

    private List<LoggedRequest> influxDeletes() {
        return stubs.influxRequests().stream()
                .filter(r -> r.getMethod().getName().equals("DELETE"))
                .toList();
    }

    /** The Authorization header each API is called with: each target's own token, in its kind's scheme. */
    private static String credentialsFor(String url) {
        if (url.startsWith("/api/v2/")) {
            return "Token " + WireMockStubs.INFLUX_TOKEN;
        }
        if (url.startsWith("/api/v3/")) {
            return "Bearer " + TargetsStubs.EDGE_TOKEN;
        }
        if (url.startsWith("/api/v0/accounts/")) {
            return "Bearer " + TargetsStubs.CLOUD_TOKEN;
        }
        throw new AssertionError("no target of this test is called at " + url);
    }

    private static String revokedVerified(String target) {
        return "revoke_decisions_total{event=\"revoke\",outcome=\"revoked\",reason=\"verified\",target=\"" + target
                + "\"}";
    }

    private static String deletesOk(String target) {
        return "revoke_influx_calls_seconds_count{operation=\"delete\",outcome=\"ok\",target=\"" + target + "\"}";
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
