package dev.revoketokenbot.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One JSON line per decision on the {@code audit} logger. It carries IDs, the reason and the
 * outcome; never a token value (the bot never holds one).
 */
@ApplicationScoped
public class AuditLog {

    static final String LOGGER_NAME = "audit";

    private static final Logger AUDIT = Logger.getLogger(LOGGER_NAME);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern LABEL_SAFE = Pattern.compile("[a-z_]{1,40}");

    private final Clock clock;
    private final MeterRegistry metrics;

    AuditLog(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Writes one audit line.
     *
     * @param event what was attempted: {@code request}, {@code revoke} or {@code cancel}
     * @param state the request, when the bot could read it
     * @param actor the Slack user who acted
     * @param outcome what came of it, e.g. {@code revoked} or {@code refused:not_approver}
     * @param influxStatus InfluxDB's HTTP status for this step, 0 when InfluxDB was not asked
     */
    public void record(String event, RequestState state, String actor, String outcome, int influxStatus) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.put("request_id", state == null ? null : state.requestId());
        line.put("authorization_id", state == null ? null : state.authorizationId());
        line.put("target", state == null ? null : state.owner());
        line.put("requester", state == null ? null : state.requester());
        line.put("actor", actor);
        line.put("reason", state == null ? null : state.reason());
        line.put("outcome", outcome);
        line.put("influx_status", influxStatus == 0 ? null : influxStatus);
        line.put("timestamp", clock.instant().toString());
        count(event, outcome);
        try {
            AUDIT.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            AUDIT.errorf("audit record for %s could not be written as JSON", outcome);
        }
    }

    /**
     * Counts the decision as {@code revoke_decisions_total{event, outcome, reason}}: outcomes like
     * {@code refused:not_approver} split into outcome and reason. Labels are the bot's own words,
     * never a user's: anything else becomes {@code other}.
     */
    private void count(String event, String outcome) {
        int colon = outcome.indexOf(':');
        String result = colon < 0 ? outcome : outcome.substring(0, colon);
        String reason = colon < 0 ? "none" : outcome.substring(colon + 1);
        metrics.counter("revoke_decisions", "event", safe(event), "outcome", safe(result), "reason", safe(reason))
                .increment();
    }

    private static String safe(String label) {
        return LABEL_SAFE.matcher(label).matches() ? label : "other";
    }
}
