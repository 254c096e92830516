package dev.revoketokenbot.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The sandbox page ({@code /sandbox}: plain HTML, CSS and JavaScript from src/main/resources/sandbox)
 * and what it reads: the workspace it plays ({@code api/setup}, the signing secret included, since
 * the page signs as Slack does) and, polled, the channel and the in-memory InfluxDB ({@code api/live},
 * without token values).
 */
@Path("/sandbox")
public class SandboxPageResource {

    private static final String FILES = "sandbox/";
    private static final Map<String, String> ASSETS =
            Map.of("sandbox.js", "text/javascript; charset=utf-8", "sandbox.css", "text/css; charset=utf-8");

    private final SandboxChannel channel;
    private final InMemoryInflux influx;

    SandboxPageResource(SandboxChannel channel, InMemoryInflux influx) {
        this.channel = channel;
        this.influx = influx;
    }

    /** The workspace the page plays. */
    record Setup(
            String teamId,
            String teamDomain,
            String appId,
            String command,
            String signingSecret,
            SandboxWorkspace.Channel channel,
            List<SandboxWorkspace.Person> people) {}

    /** An authorization as the page shows it: never its token value. */
    record Token(String id, String description, String user, String org, String status) {}

    /** The state of the channel and of InfluxDB; {@code version} moves whenever either changes. */
    record Live(
            long version, List<SandboxChannel.Entry> timeline, List<Token> tokens, List<InMemoryInflux.Call> calls) {}

    @GET
    public Response page() {
        return file("index.html", "text/html; charset=utf-8");
    }

    @GET
    @Path("page/{name}")
    public Response asset(@PathParam("name") String name) {
        String type = ASSETS.get(name);
        return type == null ? Response.status(Response.Status.NOT_FOUND).build() : file(name, type);
    }

    @GET
    @Path("api/setup")
    @Produces(MediaType.APPLICATION_JSON)
    public Setup setup() {
        return new Setup(
                SandboxWorkspace.TEAM_ID,
                SandboxWorkspace.TEAM_DOMAIN,
                SandboxWorkspace.APP_ID,
                SandboxWorkspace.COMMAND,
                SandboxWorkspace.SIGNING_SECRET,
                SandboxWorkspace.CHANNEL,
                SandboxWorkspace.PEOPLE);
    }

    @GET
    @Path("api/live")
    @Produces(MediaType.APPLICATION_JSON)
    public Live live() {
        List<Token> tokens = influx.all().stream()
                .map(a -> new Token(a.id(), a.description(), a.user(), a.org(), a.status()))
                .toList();
        return new Live(channel.version() + influx.version(), channel.entries(), tokens, influx.calls());
    }

    /** The page's "Start over": InfluxDB as seeded, and an empty channel. */
    @POST
    @Path("api/start-over")
    public void startOver() {
        influx.startOver();
        channel.startOver();
    }

    private static Response file(String name, String type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILES + name)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox page lacks " + name);
            }
            return Response.ok(in.readAllBytes(), type)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
