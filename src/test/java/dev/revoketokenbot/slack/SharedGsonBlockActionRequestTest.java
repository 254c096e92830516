package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A click read with the shared Gson is the click Bolt itself reads: same payload, same context. */
class SharedGsonBlockActionRequestTest {

    private static final RequestHeaders HEADERS = new RequestHeaders(Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"BlockActionPayload.json", "block_actions_home_tab_real_payload.json"})
    void readsTheSamePayloadAndContextAsBolt(String fixture) throws IOException {
        String json = fixture(fixture);
        String body = form(json);

        BlockActionRequest bolts = new BlockActionRequest(body, json, HEADERS);
        BlockActionRequest ours =
                SharedGsonBlockActionRequest.parse(body, HEADERS).orElseThrow();

        assertThat(ours.getPayload()).isEqualTo(bolts.getPayload());
        assertThat(ours.getPayload().getUser().getId()).isNotNull();
        assertThat(ours.getRequestBodyAsString()).isEqualTo(body);
        assertThat(ours.getResponseUrl()).isEqualTo(bolts.getResponseUrl());
        assertSameContext(ours.getContext(), bolts.getContext());
    }

    /** Payload shapes that take the other ways through the context Bolt fills. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"team_id\":\"T9\"},"
                        + "\"interactivity\":{\"interactivity_pointer\":\"ptr-1\"},"
                        + "\"function_data\":{\"execution_id\":\"Fx1\"}}",
                "{\"type\":\"block_actions\",\"team\":{\"enterprise_id\":\"E1\"},\"user\":{\"id\":\"U2\"},"
                        + "\"trigger_id\":\"t-2\",\"interactivity\":{}}",
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U3\"},\"interactivity\":{\"interactivity_pointer\":null}}",
                "{\"type\":\"block_actions\",\"enterprise\":{\"id\":\"E2\"},\"team\":{\"id\":\"T2\"},"
                        + "\"user\":{\"id\":\"U4\"},\"actions\":[]}"
            })
    void fillsTheContextAsBoltDoesForOtherShapes(String json) {
        String body = form(json);

        BlockActionRequest bolts = new BlockActionRequest(body, json, HEADERS);
        BlockActionRequest ours =
                SharedGsonBlockActionRequest.parse(body, HEADERS).orElseThrow();

        assertThat(ours.getPayload()).isEqualTo(bolts.getPayload());
        assertSameContext(ours.getContext(), bolts.getContext());
        assertThat(ours.getContext().getRequestUserId()).startsWith("U");
    }

    @Test
    void leavesOtherPayloadsAndMalformedOnesToBolt() {
        assertThat(SharedGsonBlockActionRequest.parse(form("{\"type\":\"view_submission\"}"), HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse(form("{\"type\":\"block_actions\",\"user\":[[["), HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse(form("[1,2]"), HEADERS)).isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse(form("{\"user\":{\"id\":\"U1\"}}"), HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse("command=%2Frevoke-token&text=abc", HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse("payload=%7B%22type%22%3A%ZZ", HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse(null, HEADERS)).isEmpty();
    }

    /** Slack sends a click as one field; any other shape is Bolt's to read, as before. */
    @Test
    void leavesAPayloadAmongOtherFieldsToBolt() {
        String click = form("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"}}");

        assertThat(SharedGsonBlockActionRequest.parse(click, HEADERS)).isPresent();
        assertThat(SharedGsonBlockActionRequest.parse("token=x&" + click, HEADERS))
                .isEmpty();
        assertThat(SharedGsonBlockActionRequest.parse(click + "&token=x", HEADERS))
                .isEmpty();
    }

    private static void assertSameContext(ActionContext ours, ActionContext bolts) {
        assertThat(ours.getResponseUrl()).isEqualTo(bolts.getResponseUrl());
        assertThat(ours.getTriggerId()).isEqualTo(bolts.getTriggerId());
        assertThat(ours.getTeamId()).isEqualTo(bolts.getTeamId());
        assertThat(ours.getEnterpriseId()).isEqualTo(bolts.getEnterpriseId());
        assertThat(ours.getRequestUserId()).isEqualTo(bolts.getRequestUserId());
        assertThat(ours.getFunctionBotAccessToken()).isEqualTo(bolts.getFunctionBotAccessToken());
        assertThat(ours.getFunctionExecutionId()).isEqualTo(bolts.getFunctionExecutionId());
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SharedGsonBlockActionRequestTest.class.getResourceAsStream("/slack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
