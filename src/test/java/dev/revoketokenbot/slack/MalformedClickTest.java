package dev.revoketokenbot.slack;

import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A signed click that lacks who, which button or where gets a 400 and one log line: no trace, nothing done. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class MalformedClickTest extends SlackFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "[{index}] without {0}")
    @ValueSource(strings = {"user", "user.id", "actions", "container+message", "channel", "everything"})
    void isRefusedWithA400AndOneLineOfLog(String missing) throws Exception {
        String value = buttonValue(requestMessage());
        String body = without(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")), missing);

        send(body).statusCode(400);

        assertThat(logs.lines())
                .filteredOn(line -> line.contains("Refused a signed Slack request"))
                .hasSize(1);
        assertThat(logs.lines())
                .noneSatisfy(line -> assertThat(line).containsAnyOf("\tat ", "Exception", "NullPointer"));
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.responses("click")).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
    }

    /** The click's payload with a part taken out, re-encoded as Slack would send it (then signed anew). */
    private static String without(String body, String missing) throws Exception {
        String json = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
        ObjectNode payload = (ObjectNode) JSON.readTree(json);
        switch (missing) {
            case "user" -> payload.remove("user");
            case "user.id" -> ((ObjectNode) payload.get("user")).remove("id");
            case "actions" -> payload.remove("actions");
            case "container+message" -> payload.remove(java.util.List.of("container", "message"));
            case "channel" -> payload.remove("channel");
            default -> payload.retain("type");
        }
        return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    }
}
