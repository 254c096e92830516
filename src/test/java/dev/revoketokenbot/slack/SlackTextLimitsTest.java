package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text from InfluxDB and requesters that Slack would refuse: too long once escaped (red-team review,
 * issue 10, item 2).
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

    /** The blocks of every chat.postMessage, read from the form Slack receives, as Slack reads them. */
    private List<JsonArray> postedBlocks() {
        return stubs.slack().findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(request -> request.formParameter("blocks").firstValue())
                .map(blocks -> JsonParser.parseString(blocks).getAsJsonArray())
                .toList();
    }
}
