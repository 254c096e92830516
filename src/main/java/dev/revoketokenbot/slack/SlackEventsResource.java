package dev.revoketokenbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.revoketokenbot.config.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Slack's one HTTP endpoint for slash commands and interactivity. The body is read raw, because
 * the signature covers the exact bytes; Bolt verifies it and answers.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    private final App app;
    private final SlackRequestParser parser;
    private final boolean socketMode;
    private final MeterRegistry metrics;

    SlackEventsResource(App app, SlackSettings settings, MeterRegistry metrics) {
        this.metrics = metrics;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.socketMode = settings.socketMode();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response events(String body, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (socketMode) {
            // Slack reaches a Socket Mode app over its WebSocket only; there is no secret to verify HTTP with.
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(uri.getPath())
                .queryString(Map.copyOf(uri.getQueryParameters()))
                .headers(new RequestHeaders(Map.copyOf(headers.getRequestHeaders())))
                .requestBody(body == null ? "" : body)
                .build());
        if (request == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        com.slack.api.bolt.response.Response answer;
        Timer.Sample sample = Timer.start(metrics);
        try {
            answer = app.run(request);
            sample.stop(ackTimer(request, answer.getStatusCode()));
        } catch (Exception e) {
            sample.stop(ackTimer(request, 503));
            // Bolt itself failed (typically auth.test could not reach Slack); Slack shows the requester an error.
            LOG.errorf("Bolt could not handle a Slack request: %s", e.getClass().getName());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        Response.ResponseBuilder response = Response.status(answer.getStatusCode());
        if (answer.getBody() != null) {
            response.entity(answer.getBody()).type(answer.getContentType());
        }
        for (Map.Entry<String, List<String>> header : answer.getHeaders().entrySet()) {
            header.getValue().forEach(value -> response.header(header.getKey(), value));
        }
        return response.build();
    }

    /** {@code revoke_slack_ack{type, status}}: how long Slack waited for its answer. */
    private Timer ackTimer(Request<?> request, int status) {
        return metrics.timer(
                "revoke_slack_ack", "type", request.getRequestType().name(), "status", Integer.toString(status));
    }
}
