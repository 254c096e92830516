package dev.revoketokenbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The response_url of each command and click the page sends: what the bot posts there is a reply
 * only the person who acted sees (the bot sends only ephemeral text there). The page names that
 * person in the URL it gives, {@code /sandbox/slack/response/<user>/<random>}.
 */
@Path(ResponseUrlResource.PATH)
public class ResponseUrlResource {

    static final String PATH = "/sandbox/slack/response";

    private final SandboxChannel channel;

    ResponseUrlResource(SandboxChannel channel) {
        this.channel = channel;
    }

    @POST
    @Path("{user}/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response respond(@PathParam("user") String user, JsonNode reply) {
        if (SandboxWorkspace.person(user).isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        channel.ephemeral(user, reply.path("text").asText(""));
        return Response.ok("ok", MediaType.TEXT_PLAIN).build();
    }
}
