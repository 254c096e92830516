package dev.revoketokenbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.revoketokenbot.config.SlackSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Slack's one HTTP endpoint for slash commands and interactivity. The body is read raw, because
 * the signature covers the exact bytes. The signature is checked ({@link SignatureVerifier}, in
 * constant time) before the body is parsed, so a request Slack did not sign costs one HMAC. Then
 * Bolt answers; clicks are parsed with one shared Gson ({@link SharedGsonBlockActionRequest}), the
 * rest by Bolt's parser.
 *
 * <p>Answered on the Vert.x event loop that read the request ({@link NonBlocking}): nothing on the
 * ack path waits on I/O (the ledger, InfluxDB and Slack's Web API are all follow-ups, {@link
 * FollowUps}), so the hop to a worker thread and back is saved. Whatever is added to a listener's
 * ack path must not block either.
 */
@Path("/slack/events")
public class SlackEventsResource {

    private static final Logger LOG = Logger.getLogger(SlackEventsResource.class);

    private static final String UNVERIFIED = "unverified";
    private static final String UNKNOWN = "unknown";
    private static final long MAX_SKEW_SECONDS = 5 * 60;

    private final App app;
    private final SlackRequestParser parser;
    private final Optional<SlackSignature.Verifier> verifier;
    private final MeterRegistry metrics;
    private final Clock clock;

    SlackEventsResource(App app, SlackSettings settings, MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        // No verifier in Socket Mode: Slack reaches the app over its WebSocket only, and this endpoint is closed.
        this.verifier = settings.socketMode()
                ? Optional.empty()
                : settings.signingSecret().map(secret -> new SignatureVerifier(new SignatureGenerator(secret)));
    }

    /**
     * Built, with Bolt's app and its listeners, just after the HTTP server starts, off the start's
     * path, rather than by Slack's first request: right after a start, the first ack took 200 ms
     * instead of 10.
     */
    void buildBeforeTheFirstRequest(@ObservesAsync HttpServerStart serving) {
        LOG.debugf("Ready for Slack's requests (verifying signatures: %s)", verifier.isPresent());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    public Response events(String body, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (verifier.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Timer.Sample sample = Timer.start(metrics);
        String raw = body == null ? "" : body;
        if (!isWithinFiveMinutes(headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP))
                || !verifier.get()
                        .isValid(
                                headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                                raw,
                                headers.getHeaderString(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))) {
            sample.stop(ackTimer(UNVERIFIED, 401));
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity("{\"error\":\"invalid request\"}")
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        Request<?> request;
        try {
            request = parse(raw, headers, uri);
            if (request instanceof BlockActionRequest click) {
                Click.missingPart(click.getPayload()).ifPresent(missing -> {
                    throw new MalformedRequest("a click without " + missing);
                });
            }
        } catch (MalformedRequest e) {
            LOG.warnf("Refused a signed Slack request: %s", e.getMessage());
            request = null;
        } catch (RuntimeException e) {
            // Bolt's parser fails on bodies it cannot read; one line, never the body or a stack trace.
            LOG.warnf(
                    "Refused a signed Slack request Bolt could not read (%s)",
                    e.getClass().getSimpleName());
            request = null;
        }
        if (request == null) {
            sample.stop(ackTimer(UNKNOWN, 400));
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        String type = request.getRequestType().name();
        com.slack.api.bolt.response.Response answer;
        try {
            answer = app.run(request);
            sample.stop(ackTimer(type, answer.getStatusCode()));
        } catch (Exception e) {
            sample.stop(ackTimer(type, 503));
            // Bolt itself failed; Slack shows the requester an error.
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

    /**
     * Slack stamps each request; one stamped more than 5 minutes from now, in either direction, is
     * refused (Bolt's verifier refuses only old ones, so a request stamped ahead would stay valid).
     */
    private boolean isWithinFiveMinutes(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= MAX_SKEW_SECONDS;
    }

    /** A click is read with one shared Gson (see {@link SharedGsonBlockActionRequest}); the rest by Bolt's parser. */
    private Request<?> parse(String body, HttpHeaders headers, UriInfo uri) {
        RequestHeaders requestHeaders = new RequestHeaders(Map.copyOf(headers.getRequestHeaders()));
        return SharedGsonBlockActionRequest.parse(body, requestHeaders)
                .<Request<?>>map(click -> click)
                .orElseGet(() -> parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(uri.getPath())
                        .queryString(Map.copyOf(uri.getQueryParameters()))
                        .headers(requestHeaders)
                        .requestBody(body)
                        .build()));
    }

    /** {@code revoke_slack_ack{type, status}}: how long Slack waited for its answer. */
    private Timer ackTimer(String type, int status) {
        return metrics.timer("revoke_slack_ack", "type", type, "status", Integer.toString(status));
    }
}
