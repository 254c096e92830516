package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text from InfluxDB and requesters that Slack would refuse or show misleadingly: too long, or
 * carrying invisible and direction-changing characters (red-team review, issue 10, items 2 and 5).
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class SlackTextLimitsTest extends SlackFlowTest {

    @Test
    void aDescriptionOf5000AngleBracketsStillMakesARequestSlackTakes() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "<".repeat(5_000))));

        send(command(REQUESTER, CHANNEL, ID + " --reason leaked", stubs.responseUrl("cmd")))
                .statusCode(200);
        eventually(() -> stubs.slackCalls("chat.postMessage"), 1);

        JsonArray blocks = postedBlocks().get(0);
        BlockKitLimits.assertWithinLimits(blocks);
        assertThat(String.join("\n", BlockKitLimits.texts(blocks)))
                .contains("*Description*\n`&lt;&lt;", "&lt;…`", "`" + ID + "`", "leaked")
                .contains("Revoke", "Cancel");
    }

    @Test
    void invisibleAndReversedTextIsEscapedInTheAuditAndShownAsMarkersInSlack() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci\u200Bwriter", "telegraf \u2066on\u2069 hosts")));

        send(command(
                        REQUESTER,
                        CHANNEL,
                        ID + " --reason pasted in\u2028a gist \u202Etxt.exe\u200F",
                        stubs.responseUrl("cmd")))
                .statusCode(200);
        eventually(() -> stubs.slackCalls("chat.postMessage"), 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logs.audit())
                        .anySatisfy(line -> assertThat(line).contains("\"event\":\"request\"")));

        String audit = logs.audit().stream()
                .filter(line -> line.contains("\"event\":\"request\""))
                .findFirst()
                .orElseThrow();
        assertThat(audit)
                .contains("\"reason\":\"pasted in\\u2028a gist \\u202Etxt.exe\\u200F\"")
                .doesNotContain("\u2028", "\u2029")
                .doesNotContainPattern(BlockKitLimits.INVISIBLE);
        assertThat(String.join("\n", stubs.everythingSentToSlack()))
                .doesNotContain("\u2028", "\u2029")
                .doesNotContainPattern(BlockKitLimits.INVISIBLE)
                .contains(
                        "`pasted in a gist \uFFFDtxt.exe\uFFFD`",
                        "`ci\uFFFDwriter`",
                        "`telegraf \uFFFDon\uFFFD hosts`");
    }

    /** The blocks of every chat.postMessage, read from the form Slack receives, as Slack reads them. */
    private List<JsonArray> postedBlocks() {
        return stubs.slack().findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(request -> request.formParameter("blocks").firstValue())
                .map(blocks -> JsonParser.parseString(blocks).getAsJsonArray())
                .toList();
    }
}
