package bench.floor;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benchmark's floor: Slack's endpoint wired into Quarkus the way the bot's
 * dev.revoketokenbot.slack.SlackEventsResource does it (raw body, signature checked with Bolt's
 * verifier before parsing, Bolt's parser, then {@link App#run}), with one listener that acks
 * {@code /revoke-token} ({@link BoltApp}) and does nothing else: no ledger, no InfluxDB, no
 * follow-ups, no metrics.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final long MAX_SKEW_SECONDS = 5 * 60;

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;

    SlackEventsResource(App app, @ConfigProperty(name = "slack.signing-secret") String signingSecret) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response events(String body, @Context HttpHeaders headers, @Context UriInfo uri) throws Exception {
        String raw = body == null ? "" : body;
        String timestamp = headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        if (!isWithinFiveMinutes(timestamp)
                || !verifier.isValid(
                        timestamp, raw, headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity("{\"error\":\"invalid request\"}")
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(uri.getPath())
                .queryString(Map.copyOf(uri.getQueryParameters()))
                .headers(new RequestHeaders(Map.copyOf(headers.getRequestHeaders())))
                .requestBody(raw)
                .build());
        if (request == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        com.slack.api.bolt.response.Response answer = app.run(request);
        Response.ResponseBuilder response = Response.status(answer.getStatusCode());
        if (answer.getBody() != null) {
            response.entity(answer.getBody()).type(answer.getContentType());
        }
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.build();
    }

    /** Slack's five minutes, both ways, as the bot checks them. */
    private static boolean isWithinFiveMinutes(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= MAX_SKEW_SECONDS;
    }
}
