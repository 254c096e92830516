package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.SIGNING_SECRET;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.slack.api.app_backend.SlackSignature;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input built to hurt: path tricks, mrkdwn injection, oversized and malformed requests. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class HostileInputTest extends SlackFlowTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../0a1b2c3d4e5f6789", "0a1b2c3d4e5f6789/../../orgs", "..%2F..%2Fapi%2Fv2%2Forgs",
                        "0a1b2c3d4e5f6789?user=x",
                "0a1b2c3d4e5f6789#x", "0a1b2c3d4e5f6789&user=admin", "\uff10a1b2c3d4e5f6789", "0a1b2c3d4e5f678\u0430"
            })
    void pathAndQueryTricksInIdsNeverReachInfluxDb(String id) {
        send(command(REQUESTER, CHANNEL, id, stubs.responseUrl("cmd")))
                .statusCode(200)
                .body("text", containsString("is not an InfluxDB authorization ID"));

        assertThat(stubs.influxRequests()).isEmpty();
    }

    @Test
    void mrkdwnInTheDescriptionReasonAndNamesCannotPingLinkOrFormat() {
        String evil = "<!channel> <!here> <https://evil.example|click> *bold* _it_ ~s~ `x` &amp;";
        stubs.influxGet(
                ID,
                okJson(InfluxBodies.authorization(ID, "<@U0ADMIN>*", evil)
                        .replace("\"my-org\"", "\"<!everyone>_org_\"")));

        send(command(
                        REQUESTER,
                        CHANNEL,
                        ID + " --reason <!here> see <https://evil.example|this> *now*",
                        stubs.responseUrl("cmd")))
                .statusCode(200);
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);

        assertThat(request).doesNotContain("<!channel>", "<!here>", "<!everyone>", "<https://evil", "<@U0ADMIN>");
        // Every piece of untrusted text sits whole inside a code span, where Slack forms no bold or italics.
        assertThat(codeSpans(request))
                .contains(
                        "&lt;!channel&gt; &lt;!here&gt; &lt;https://evil.example|click&gt; *bold* _it_ ~s~ 'x' &amp;amp;",
                        "&lt;@U0ADMIN&gt;*",
                        "&lt;!everyone&gt;_org_",
                        "&lt;!here&gt; see &lt;https://evil.example|this&gt; *now*");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeBoltSeesIt() {
        String huge = command(REQUESTER, CHANNEL, "x".repeat(2 * 1024 * 1024), stubs.responseUrl("cmd"));

        send(huge).statusCode(413);
        assertThat(stubs.everythingSentToSlack()).isEmpty();
    }

    @Test
    void missingSignatureHeadersAre401() {
        String body = command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"));
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .body(body)
                .post("/slack/events")
                .then()
                .statusCode(401);
        assertThat(stubs.influxRequests()).isEmpty();
    }

    /** The signature is checked on the raw bytes first: an unsigned body is never parsed, so it cannot cost more. */
    @Test
    void anUnsignedBodyIsRefusedBeforeItIsParsed() {
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .body("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%5B%5B%5B%5B%5B")
                .post("/slack/events")
                .then()
                .statusCode(401);
        assertThat(stubs.everythingSentToSlack()).isEmpty();
        assertThat(stubs.influxRequests()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNoSlackRequestIs400() {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String body = "{\"hello\":\"world\"}";
        given().contentType("application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(SIGNING_SECRET).generate(ts, body))
                .body(body)
                .post("/slack/events")
                .then()
                .statusCode(400);
        assertThat(stubs.everythingSentToSlack()).isEmpty();
    }

    private static java.util.List<String> codeSpans(String message) {
        java.util.List<String> spans = new java.util.ArrayList<>();
        Matcher matcher = Pattern.compile("`([^`]*)`").matcher(message);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }
}
