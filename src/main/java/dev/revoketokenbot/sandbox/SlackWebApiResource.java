package dev.revoketokenbot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack Web API methods the bot calls, played against {@link SandboxChannel}: {@code
 * chat.postMessage}, {@code chat.update} and {@code usergroups.users.list}. Like Slack, it reads a
 * form with the bot token as a bearer token, and answers HTTP 200 with {@code ok} and, when not ok,
 * Slack's error code ({@code not_authed}, {@code invalid_auth}, {@code channel_not_found}, {@code
 * message_not_found}, {@code invalid_blocks}, {@code no_such_subteam}, {@code unknown_method}).
 */
@Path(SlackWebApiResource.PATH)
public class SlackWebApiResource {

    /** Where the Web API is served: the bot's {@code SLACK_API_URL} is the sandbox's address plus this. */
    static final String PATH = "/sandbox/slack/api";

    private static final String AUTHORIZED = "Bearer " + SandboxWorkspace.BOT_TOKEN;

    private final SandboxChannel channel;
    private final ObjectMapper json;

    SlackWebApiResource(SandboxChannel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
    }

    @POST
    @Path("{method}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> call(
            @PathParam("method") String method,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        if (authorization == null) {
            return error("not_authed");
        }
        if (!AUTHORIZED.equals(authorization)) {
            return error("invalid_auth");
        }
        return switch (method) {
            case "chat.postMessage" -> postMessage(form);
            case "chat.update" -> update(form);
            case "usergroups.users.list" -> groupMembers(form);
            default -> error("unknown_method");
        };
    }

    private Map<String, Object> postMessage(MultivaluedMap<String, String> form) {
        if (!SandboxWorkspace.CHANNEL.id().equals(form.getFirst("channel"))) {
            return error("channel_not_found");
        }
        Optional<JsonNode> blocks = blocks(form.getFirst("blocks"));
        if (blocks.isEmpty()) {
            return error("invalid_blocks");
        }
        SandboxChannel.Entry posted = channel.post(form.getFirst("text"), blocks.get());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("bot_id", SandboxWorkspace.BOT_ID);
        message.put("text", posted.text());
        message.put("ts", posted.ts());
        return ok("channel", SandboxWorkspace.CHANNEL.id(), "ts", posted.ts(), "message", message);
    }

    private Map<String, Object> update(MultivaluedMap<String, String> form) {
        if (!SandboxWorkspace.CHANNEL.id().equals(form.getFirst("channel"))) {
            return error("channel_not_found");
        }
        Optional<JsonNode> blocks = blocks(form.getFirst("blocks"));
        if (blocks.isEmpty()) {
            return error("invalid_blocks");
        }
        String ts = form.getFirst("ts");
        return channel.update(ts, form.getFirst("text"), blocks.get())
                .map(updated -> ok("channel", SandboxWorkspace.CHANNEL.id(), "ts", ts, "text", updated.text()))
                .orElseGet(() -> error("message_not_found"));
    }

    private static Map<String, Object> groupMembers(MultivaluedMap<String, String> form) {
        if (!SandboxWorkspace.APPROVER_GROUP.equals(form.getFirst("usergroup"))) {
            return error("no_such_subteam");
        }
        return ok("users", List.copyOf(SandboxWorkspace.APPROVER_GROUP_MEMBERS));
    }

    /** The blocks of a message: JSON null when none were sent, empty when they are not a JSON array. */
    private Optional<JsonNode> blocks(String blocks) {
        if (blocks == null) {
            return Optional.of(NullNode.getInstance());
        }
        try {
            JsonNode parsed = json.readTree(blocks);
            return parsed.isArray() ? Optional.of(parsed) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code ok:true}, with these names and values. */
    private static Map<String, Object> ok(Object... namesAndValues) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            answer.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return answer;
    }

    private static Map<String, Object> error(String code) {
        return Map.of("ok", false, "error", code);
    }
}
