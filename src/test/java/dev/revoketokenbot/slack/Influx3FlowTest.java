package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.revoketokenbot.support.InfluxBodies3;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.TargetsStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An InfluxDB 3 Core or Enterprise target ({@code edge}): tokens by name, read from {@code
 * system.tokens} with the name bound as a query parameter, deleted by name, and verified by reading
 * {@code system.tokens} again. No Deactivate: InfluxDB 3 tokens have no status.
 */
@QuarkusTest
@WithTestResource(TargetsStubs.class)
class Influx3FlowTest extends SlackFlowTest {

    private static final String NAME = "ci-writer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private void tokenExists(String name) {
        stubs.influx3Token(
                name,
                InfluxBodies3.v3QueryResponse(InfluxBodies3.v3Rows(InfluxBodies3.v3TokenRow(
                        7,
                        name,
                        "telegraf on the edge",
                        InfluxBodies3.V3_ENTERPRISE_PERMISSIONS,
                        InfluxBodies3.V3_EXPIRY))));
    }

    private String request(String text) {
        send(command(REQUESTER, CHANNEL, text, stubs.responseUrl("cmd"))).statusCode(200);
        return eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
    }

    private String answer(String text) {
        send(command(REQUESTER, CHANNEL, text, stubs.responseUrl("cmd"))).statusCode(200);
        String answer = answerTo("cmd");
        assertThat(stubs.slackCalls("chat.postMessage"))
                .as("no request was posted")
                .isEmpty();
        return answer;
    }

    @Test
    void aTokenIsLookedUpByNameBoundAsAParameterAndShownWithRevokeOnly() throws Exception {
        tokenExists(NAME);

        String message = request("--target edge name:" + NAME + " --reason leaked in a CI log");

        long expiry = LocalDateTime.parse(InfluxBodies3.V3_EXPIRY).toEpochSecond(ZoneOffset.UTC);
        assertThat(message)
                .contains(
                        "*Token name*",
                        "`" + NAME + "`",
                        "`edge` · InfluxDB 3",
                        "telegraf on the edge",
                        InfluxBodies3.V3_ENTERPRISE_PERMISSIONS,
                        "*Token expires*",
                        "<!date^" + expiry + "^",
                        "revoke_token.revoke",
                        "revoke_token.cancel")
                .doesNotContain("revoke_token.deactivate", "*User*", "*Org*");
        LoggedRequest query = stubs.influx3Queries().get(0);
        JsonNode body = JSON.readTree(query.getBodyAsString());
        assertThat(body.get("db").asText()).isEqualTo("_internal");
        assertThat(body.get("q").asText()).isEqualTo(InfluxBodies3.V3_TOKEN_SQL).doesNotContain(NAME);
        assertThat(body.get("params").get("name").asText()).isEqualTo(NAME);
        assertThat(query.getHeader("Authorization")).isEqualTo("Bearer " + TargetsStubs.EDGE_TOKEN);
    }

    @Test
    void aNameThatLooksLikeSqlStaysAParameter() throws Exception {
        String hostile = "x'OR'1'='1;DROP";
        stubs.influx3Token(hostile, InfluxBodies3.v3QueryResponse(InfluxBodies3.v3NoRows()));

        assertThat(answer("--target edge name:" + hostile))
                .contains("InfluxDB has no token `x'OR'1'='1;DROP` on target `edge`");
        JsonNode body = JSON.readTree(stubs.influx3Queries().get(0).getBodyAsString());
        assertThat(body.get("q").asText()).isEqualTo(InfluxBodies3.V3_TOKEN_SQL);
        assertThat(body.get("params").get("name").asText()).isEqualTo(hostile);
    }

    @Test
    void anApproverRevokesItByNameAndInfluxDbConfirmsItIsGone() {
        tokenExists(NAME);
        stubs.influx3Delete(NAME, InfluxBodies3.v3DeletedResponse());
        String request = request("target:edge name:" + NAME);
        String requestId = requestIdOf(request);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "on `edge`", "Verified: InfluxDB no longer has it.");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit: InfluxDB token `" + NAME + "` on `edge` revoked by <@" + APPROVER + ">");
        assertThat(stubs.influx3Deletes(NAME)).hasSize(1);
        assertThat(stubs.influx3Deletes(NAME).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer " + TargetsStubs.EDGE_TOKEN);
        assertThat(stubs.influx3Queries())
                .as("looked up, then read again to verify")
                .hasSize(2);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(auditLinesWith("\"event\":\"revoke\"", "\"outcome\":\"revoked\"", "\"target\":\"edge\""))
                .hasSize(1);
    }

    @Test
    void aDeleteThatCommitsButAnswersLateIsRecordedAsRevokedOnce() {
        tokenExists(NAME);
        stubs.influx3Delete(NAME, InfluxBodies3.v3DeletedResponse().withFixedDelay(6_000));
        String request = request("--target edge name:" + NAME);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified");
        assertThat(String.join("\n", stubs.responses("click")))
                .doesNotContain("nothing was changed", "Nothing was changed");
        assertThat(auditLinesWith("\"outcome\":\"revoked\"", "\"target\":\"edge\""))
                .hasSize(1);
    }

    @Test
    void theOperatorTokenIsNeverDeletedAndTheRequesterHearsWhatToDo() {
        assertThat(answer("--target edge name:_admin"))
                .contains("`_admin` is InfluxDB 3's operator token", "influxdb3 create token --admin --regenerate");
        assertThat(stubs.influxRequests()).isEmpty();
    }

    @Test
    void aDeleteInfluxDbRefusesIsSaidPlainlyAndTheRequestStaysOpen() {
        tokenExists("shared");
        stubs.influx3Delete("shared", InfluxBodies3.v3OperatorTokenResponse());
        String request = request("--target edge name:shared");
        String requestId = requestIdOf(request);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(answerTo("click")).contains("InfluxDB does not allow deleting", "(405 Method Not Allowed)");
        assertThat(stubs.influx3Deletes("shared")).as("405 is not retried").hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
    }

    @Test
    void anUnknownNameIsNotFound() {
        stubs.influx3Token("nobody", InfluxBodies3.v3QueryResponse(InfluxBodies3.v3NoRows()));

        assertThat(answer("--target edge name:nobody")).contains("InfluxDB has no token `nobody` on target `edge`");
    }

    @Test
    void aRejectedTokenIsUnauthorized() {
        stubs.influx3Token(NAME, InfluxBodies3.v3UnauthorizedResponse());

        assertThat(answer("--target edge name:" + NAME))
                .contains("The bot's InfluxDB token was rejected (401 Unauthorized)", "Nothing was changed");
    }

    @Test
    void aFailingServerIsRetriedThenUnavailable() {
        stubs.contract()
                .allowViolations(); // the contract lists no 503 for query_sql; InfluxDB 3 behind a proxy sends one
        stubs.influx3Token(NAME, aResponse().withStatus(503));

        assertThat(answer("--target edge name:" + NAME))
                .contains("InfluxDB unavailable (HTTP 503), nothing was changed");
        assertThat(stubs.influx3Queries()).hasSize(3);
    }

    @Test
    void aSlowServerTimesOut() {
        stubs.influx3Token(
                NAME, InfluxBodies3.v3QueryResponse(InfluxBodies3.v3NoRows()).withFixedDelay(10_000));

        send(command(REQUESTER, CHANNEL, "--target edge name:" + NAME, stubs.responseUrl("cmd")))
                .statusCode(200);

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !stubs.responses("cmd").isEmpty());
        assertThat(stubs.responses("cmd").get(0)).contains("InfluxDB unavailable (no answer), nothing was changed");
    }

    @Test
    void userAndIdsHaveNoMeaningOnInfluxDb3() {
        assertThat(ack("--target edge --user alice"))
                .contains("`--user` has no meaning on target `edge` (InfluxDB 3)", "name:&lt;token-name&gt;");
        assertThat(ack("--target edge " + ID)).contains("is not how target `edge` (InfluxDB 3) names tokens");
        assertThat(stubs.influxRequests()).isEmpty();
    }

    /** What the command's ack said: usage problems are answered there, before any lookup. */
    private String ack(String text) {
        return send(command(REQUESTER, CHANNEL, text, stubs.responseUrl("cmd")))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("text");
    }
}
