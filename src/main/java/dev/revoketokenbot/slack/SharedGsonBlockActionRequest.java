package dev.revoketokenbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.util.json.GsonFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bolt's {@link BlockActionRequest} (a button click), with its payload read by one {@link Gson}
 * kept for the app's life. Bolt 1.48.0 reads every click with a new Gson, which builds its
 * reflective adapters for the whole payload type again: about 0.6 ms of CPU on the ack's own
 * thread, the largest part of a click's ack ({@code src/bench/BENCHMARKS.md}).
 *
 * <p>Bolt's constructor is handed an empty payload (Gson reads "" as no payload, and builds no
 * adapters for it); the context it would have filled from the payload is filled here the same
 * way.
 */
final class SharedGsonBlockActionRequest extends BlockActionRequest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final String PAYLOAD_FIELD = "payload=";

    private final BlockActionPayload payload;

    /**
     * The click in a form body of one field, {@code payload=<json>}, as Slack sends clicks; empty
     * for any other body (Bolt's parser then reads it: a slash command, or a payload among other
     * fields), for a payload that is not {@code block_actions}, and for malformed JSON. Bolt's
     * own extractor splits every body with regular expressions, a slash command's too.
     */
    static Optional<BlockActionRequest> parse(String requestBody, RequestHeaders headers) {
        if (requestBody == null || !requestBody.startsWith(PAYLOAD_FIELD) || requestBody.indexOf('&') >= 0) {
            return Optional.empty();
        }
        try {
            String json = URLDecoder.decode(requestBody.substring(PAYLOAD_FIELD.length()), StandardCharsets.UTF_8);
            JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
            JsonElement type = payload.get("type");
            if (type == null || !BlockActionPayload.TYPE.equals(type.getAsString())) {
                return Optional.empty();
            }
            return Optional.of(new SharedGsonBlockActionRequest(requestBody, payload, headers));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private SharedGsonBlockActionRequest(String requestBody, JsonObject payloadJson, RequestHeaders headers) {
        super(requestBody, "", headers);
        this.payload = GSON.fromJson(payloadJson, BlockActionPayload.class);
        fillContext(getContext(), payload);
    }

    @Override
    public BlockActionPayload getPayload() {
        return payload;
    }

    /** What Bolt's own constructor takes from the payload. */
    private static void fillContext(ActionContext context, BlockActionPayload payload) {
        context.setFunctionBotAccessToken(payload.getBotAccessToken());
        context.setResponseUrl(payload.getResponseUrl());
        context.setTriggerId(payload.getTriggerId());
        if (payload.getTriggerId() == null
                && payload.getInteractivity() != null
                && payload.getInteractivity().getInteractivityPointer() != null) {
            context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
        }
        if (payload.getEnterprise() != null) {
            context.setEnterpriseId(payload.getEnterprise().getId());
        } else if (payload.getTeam() != null) {
            context.setEnterpriseId(payload.getTeam().getEnterpriseId());
        }
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            context.setTeamId(payload.getTeam().getId());
        } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
            context.setTeamId(payload.getUser().getTeamId());
        }
        if (payload.getUser() != null) {
            context.setRequestUserId(payload.getUser().getId());
        }
        if (payload.getFunctionData() != null) {
            context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
        }
    }
}
