package dev.revoketokenbot.sandbox;

import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.revoketokenbot.support.SandboxProfile;
import dev.revoketokenbot.support.SlackRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole story in the sandbox, without a browser: requests signed with the sandbox's signing
 * secret go into the bot's real {@code /slack/events}, and the bot answers through the sandbox's
 * Slack and its in-memory InfluxDB, reached over HTTP on the bot's own port.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxFlowTest {

    private static final String ID = "09f1d6c3b2a87e40";
    private static final String CHANNEL = SandboxWorkspace.CHANNEL.id();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/sandbox/slack/response/")
    URL responses;

    @BeforeEach
    void startOver() {
        given().post("/sandbox/api/start-over").then().statusCode(204);
    }

    @Test
    void theBotIsPointedAtTheStandInsOfItsOwnPort() {
        var config = ConfigProvider.getConfig();
        String here = "http://localhost:" + responses.getPort();
        assertThat(config.getValue("slack.api-url", String.class)).isEqualTo(here + "/sandbox/slack/api/");
        assertThat(config.getValue("influx.url", String.class)).isEqualTo(here + "/sandbox/influxdb");
        assertThat(config.getValue("revoke.sandbox-url", String.class)).isEqualTo(here + "/sandbox");
        assertThat(config.getValue("quarkus.datasource.embedded.jdbc.url", String.class))
                .isEqualTo(SandboxSettings.LEDGER_URL);
    }

    @Test
    void aRequestIsApprovedByAGroupMemberAfterOthersAreTurnedAway() {
        String riley = SandboxWorkspace.REQUESTER.id();
        sign(command(riley, CHANNEL, ID + " --reason grafana token in a screenshot", responseUrl(riley)))
                .statusCode(200)
                .body(containsString("Looking up authorization `" + ID + "`"));
        String button = await().atMost(WAIT).until(this::revokeButtonValue, value -> !value.isEmpty());

        String sam = SandboxWorkspace.STRANGER.id();
        sign(click(sam, CHANNEL, "revoke_token.revoke", button, responseUrl(sam)))
                .statusCode(200);
        sign(click(riley, CHANNEL, "revoke_token.revoke", button, responseUrl(riley)))
                .statusCode(200);
        await().atMost(WAIT)
                .until(() ->
                        ephemeralsTo(sam).size() == 1 && ephemeralsTo(riley).size() == 1);
        assertThat(ephemeralsTo(sam).get(0)).contains("not an approver");
        assertThat(ephemeralsTo(riley).get(0)).contains("not an approver");
        assertThat(tokenIds()).contains(ID);

        String blake = SandboxWorkspace.GROUP_APPROVER.id();
        sign(click(blake, CHANNEL, "revoke_token.revoke", button, responseUrl(blake)))
                .statusCode(200);

        await().atMost(WAIT).until(() -> messages().size() == 2);
        assertThat(messages().get(0)).contains("*revoked* by <@" + blake + ">", "requested by <@" + riley + ">");
        assertThat(messages().get(1)).contains("Audit", ID, "revoked by <@" + blake + ">", "grafana token");
        assertThat(tokenIds()).hasSize(5).doesNotContain(ID);
        assertThat(live().getList("calls.method", String.class)).contains("DELETE");
        assertThat(given().get("/sandbox/api/live").asString()).doesNotContain("sandbox-fake-token");
    }

    @Test
    void aTokenIsDeactivatedThenReactivatedAndTheInfluxDbSideShowsEachStatus() {
        String riley = SandboxWorkspace.REQUESTER.id();
        sign(command(riley, CHANNEL, ID, responseUrl(riley))).statusCode(200);
        String button = await().atMost(WAIT).until(this::revokeButtonValue, value -> !value.isEmpty());
        String blake = SandboxWorkspace.GROUP_APPROVER.id();

        sign(click(blake, CHANNEL, "revoke_token.deactivate", button, responseUrl(blake)))
                .statusCode(200);

        await().atMost(WAIT).until(() -> "inactive".equals(statusOf(ID)));
        await().atMost(WAIT).until(() -> messages().get(0).contains("*Deactivated* by <@" + blake + ">"));
        assertThat(messages().get(0)).contains("revoke_token.reactivate", "revoke_token.revoke");

        String avery = SandboxWorkspace.APPROVER.id();
        sign(click(avery, CHANNEL, "revoke_token.reactivate", button, responseUrl(avery)))
                .statusCode(200);

        await().atMost(WAIT).until(() -> "active".equals(statusOf(ID)));
        await().atMost(WAIT).until(() -> messages().get(0).contains("*reactivated* by <@" + avery + ">"));
        assertThat(messages())
                .anySatisfy(m -> assertThat(m).contains("deactivated (reversible) by <@" + blake + ">"))
                .anySatisfy(m -> assertThat(m).contains("reactivated by <@" + avery + ">"));
        assertThat(live().getList("calls.method", String.class))
                .contains("PATCH")
                .doesNotContain("DELETE");
    }

    private static String statusOf(String id) {
        return live().getString("tokens.find { it.id == '" + id + "' }.status");
    }

    private io.restassured.response.ValidatableResponse sign(String body) {
        return SlackRequests.send(body, Instant.now().getEpochSecond(), SandboxWorkspace.SIGNING_SECRET);
    }

    private String responseUrl(String user) {
        return responses + user + "/" + System.nanoTime();
    }

    private static JsonPath live() {
        return given().get("/sandbox/api/live").jsonPath();
    }

    /** The bot's messages: text and blocks, as one string to look in. */
    private static List<String> messages() {
        List<Map<String, Object>> timeline = live().getList("timeline");
        return timeline.stream()
                .filter(entry -> "message".equals(entry.get("kind")))
                .map(entry -> entry.get("text") + " " + entry.get("blocks"))
                .toList();
    }

    private static List<String> ephemeralsTo(String user) {
        List<Map<String, Object>> timeline = live().getList("timeline");
        return timeline.stream()
                .filter(entry -> user.equals(entry.get("to")))
                .map(entry -> (String) entry.get("text"))
                .toList();
    }

    private static List<String> tokenIds() {
        return live().getList("tokens.id", String.class);
    }

    /** The value of the request message's Revoke button, or empty before the message is posted. */
    private String revokeButtonValue() {
        List<String> values = live().getList(
                        "timeline.findAll { it.kind == 'message' }.blocks.flatten()"
                                + ".findAll { it.type == 'actions' }.elements.flatten()"
                                + ".findAll { it.action_id == 'revoke_token.revoke' }.value",
                        String.class);
        return values.isEmpty() ? "" : values.get(0);
    }
}
