package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every way a lookup can go wrong gets its own answer to the requester, and no request message. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class LookupProblemsTest extends SlackFlowTest {

    @Test
    void helpAndEmptyTextAnswerWithUsage() {
        send(command(REQUESTER, CHANNEL, "help", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body("text", containsString("/revoke-token &lt;authorization-id&gt;"));
        send(command(REQUESTER, CHANNEL, "", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body("text", containsString("--user &lt;name&gt;"));
        assertThat(stubs.influxRequests()).isEmpty();
    }

    @Test
    void aMalformedIdIsAUsageErrorAndNeverReachesInfluxDb() {
        send(command(REQUESTER, CHANNEL, "../../api/v2/orgs", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body(allOf(containsString("is not an InfluxDB authorization ID"), containsString("Usage")));
        send(command(REQUESTER, CHANNEL, "0000000000000000", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body(containsString("is not an InfluxDB authorization ID"));
        send(command(REQUESTER, CHANNEL, ID + " --force", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body(containsString("Unknown option `--force`"));

        assertThat(stubs.influxRequests()).isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
    }

    @Test
    void anUnknownIdIsSaidSo() {
        stubs.influxGet(ID, json(404, InfluxBodies.notFound()));

        assertThat(answer(ID)).contains("InfluxDB has no authorization `" + ID + "`");
    }

    @Test
    void aUserWithNoTokensIsSaidSo() {
        stubs.influxListByUser("alice", okJson(InfluxBodies.list()));

        assertThat(answer("--user alice")).contains("user `alice` on target `default` has no API tokens");
    }

    @Test
    void anAnswerAboutAnotherIdIsRefusedAndNothingIsPosted() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization("1111111111111111", "ci-writer", "someone else's")));

        assertThat(answer(ID)).contains("InfluxDB answered about another token", "Nothing was changed");
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
        assertThat(logs.audit()).anySatisfy(line -> assertThat(line).contains("\"why\":\"influx_mismatch\""));
    }

    @Test
    void aFirstTokenThatBelongsToAnotherUserIsRefusedAndNothingIsPosted() {
        stubs.influxListByUser(
                "bob",
                okJson(InfluxBodies.list(
                        InfluxBodies.authorization("1111111111111111", "alice", "alice's"),
                        InfluxBodies.authorization("2222222222222222", "bob", "bob's"))));

        assertThat(answer("--user bob")).contains("InfluxDB answered about another token than user `bob`");
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
    }

    @Test
    void anUnknownUserIsSaidSo() {
        stubs.influxListByUser("nobody", json(404, InfluxBodies.error("not found", "user not found")));

        assertThat(answer("--user nobody")).contains("InfluxDB has no user `nobody`");
    }

    @Test
    void aRejectedBotTokenIsSaidSo() {
        stubs.influxGet(ID, json(401, InfluxBodies.unauthorized()));

        assertThat(answer(ID))
                .contains(
                        "The bot's InfluxDB token was rejected (401 Unauthorized)",
                        "INFLUX_TOKEN",
                        "Nothing was changed");
    }

    @Test
    void aBotTokenThatCannotReadIsSaidSo() {
        stubs.influxGet(ID, json(403, InfluxBodies.error("forbidden", "read:authorizations is unauthorized")));

        assertThat(answer(ID)).contains("lacks permission to read authorizations (403 Forbidden)");
    }

    @Test
    void anInfluxDbServerErrorIsSaidSo() {
        stubs.influxGet(ID, json(500, InfluxBodies.error("internal error", "storage unavailable")));

        assertThat(answer(ID)).contains("InfluxDB unavailable (HTTP 500), nothing was changed");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"outcome\":\"lookup_failed\",\"why\":\"influx_unavailable\"",
                                "\"influx_status\":500"));
    }

    @Test
    void aBodyOutsideInfluxDbsContractIsCaughtByTheContractCheck() {
        stubs.influxGet(ID, okJson("{\"id\": 5, \"permissions\": \"all\"}"));

        answer(ID);

        assertThat(stubs.contract().violations())
                .as("the stub drifted from InfluxDB's contract")
                .isNotEmpty();
        stubs.contract().reset();
    }

    /** Sends the command and returns the one ephemeral answer that reached the requester. */
    private String answer(String text) {
        send(command(REQUESTER, CHANNEL, text, stubs.responseUrl("cmd"))).statusCode(200);
        String answer = eventually(() -> stubs.responses("cmd"), 1).get(0);
        assertThat(answer).contains("\"response_type\":\"ephemeral\"");
        assertThat(stubs.slackCalls("chat.postMessage"))
                .as("no request message")
                .isEmpty();
        return answer;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
