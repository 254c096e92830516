package dev.revoketokenbot.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
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
        try {
            AUDIT.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            AUDIT.errorf("audit record for %s could not be written as JSON", outcome);
        }
    }
}
