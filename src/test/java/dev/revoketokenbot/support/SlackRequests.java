package dev.revoketokenbot.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import io.restassured.response.ValidatableResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests into {@code /slack/events}, shaped and signed exactly as Slack sends them: a form body,
 * {@code X-Slack-Request-Timestamp}, and {@code X-Slack-Signature} over {@code v0:timestamp:body}
 * made by Bolt's own {@link SlackSignature.Generator}.
 */
public final class SlackRequests {

    /** The signing secret the tests sign with; {@link WireMockStubs} gives it to the bot. */
    public static final String SIGNING_SECRET = "test-signing-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackRequests() {}

    /** A slash command's form body, with the fields Slack sends (as in the SDK's SlashCommandPayload sample). */
    public static String command(String user, String channel, String text, String responseUrl) {
        return commandFields(user, channel, text, responseUrl).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A slash command's fields: the form over HTTP, the envelope's payload object over Socket Mode. */
    public static Map<String, String> commandFields(String user, String channel, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0TEST");
        form.put("team_domain", "test");
        form.put("channel_id", channel);
        form.put("channel_name", "incident");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase(Locale.ROOT));
        form.put("command", "/revoke-token");
        form.put("text", text);
        form.put("api_app_id", "A0TEST");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1.2.3");
        return form;
    }

    /**
     * A button click on the request message (shape of the SDK's block_actions samples). Slack sends
     * back the block ID the bot gave the buttons, which names the request; it is read here from the
     * value's readable ID part.
     */
    public static String click(String user, String channel, String actionId, String value, String responseUrl) {
        return click(user, channel, actionId, value, responseUrl, "revoke_token.buttons:" + requestIdIn(value));
    }

    /** The request ID in a signed button value ({@code id.signature}), or empty when it has none. */
    public static String requestIdIn(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? "" : value.substring(0, dot);
    }

    public static String click(
            String user, String channel, String actionId, String value, String responseUrl, String blockId) {
        try {
            return "payload="
                    + encode(JSON.writeValueAsString(
                            clickPayload(user, channel, actionId, value, responseUrl, blockId)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A click's {@code block_actions} payload: the form's {@code payload} over HTTP, the envelope's
     * payload object over Socket Mode. The block ID names the request, as {@link #click} says.
     */
    public static Map<String, Object> clickPayload(
            String user, String channel, String actionId, String value, String responseUrl, String blockId) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", blockId);
        action.put("text", Map.of("type", "plain_text", "text", "Revoke", "emoji", true));
        action.put("value", value);
        action.put("action_ts", "1700000100.000200");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("team", Map.of("id", "T0TEST", "domain", "test"));
        payload.put("user", Map.of("id", user, "username", user.toLowerCase(Locale.ROOT), "team_id", "T0TEST"));
        payload.put("api_app_id", "A0TEST");
        payload.put("token", "legacy-verification-token");
        payload.put(
                "container",
                Map.of(
                        "type",
                        "message",
                        "message_ts",
                        "1700000000.000100",
                        "channel_id",
                        channel,
                        "is_ephemeral",
                        false));
        payload.put("trigger_id", "1.2.4");
        payload.put("channel", Map.of("id", channel, "name", "incident"));
        payload.put("message", Map.of("type", "message", "ts", "1700000000.000100", "text", "Revoke request"));
        payload.put("response_url", responseUrl);
        payload.put("actions", List.of(action));
        return payload;
    }

    /** Posts a body signed now with the test secret. */
    public static ValidatableResponse send(String body) {
        return send(body, Instant.now().getEpochSecond(), SIGNING_SECRET);
    }

    public static ValidatableResponse send(String body, long timestamp, String secret) {
        String ts = Long.toString(timestamp);
        return given().contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body))
                .body(body)
                .when()
                .post("/slack/events")
                .then();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
