package dev.revoketokenbot.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One JSON line per decision on the {@code audit} logger, written from the decision the ledger
 * recorded, so the two never disagree. It carries IDs, the requester's reason, the outcome and why;
 * never a token value (the bot never holds one). Each decision also counts as {@code
 * revoke_decisions_total{event, outcome, reason, target}}, labelled in the bot's own words only.
 *
 * <p>The line stays one line and shows what was said: characters that log shippers take for line
 * ends (U+2028, U+2029, U+0085) and those a reader can't see or that reverse text (controls, and
 * format characters such as bidi overrides and zero-width spaces) are written as JSON escapes
 * (<code>&#92;u2028</code>, <code>&#92;u202E</code>), which lose nothing.
 */
@ApplicationScoped
public class AuditLog {

    static final String LOGGER_NAME = "audit";

    private static final Logger AUDIT = Logger.getLogger(LOGGER_NAME);
    private static final ObjectWriter JSON = new ObjectMapper().writer().with(new OneLineEscapes());

    private static final Pattern LABEL_SAFE = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern TARGET_SAFE = Pattern.compile("[a-z0-9_]{1,40}");

    private final MeterRegistry metrics;

    AuditLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Writes the audit line of one decision, from the record the ledger keeps of it.
     *
     * @param about the request, as far as the bot could read it (null for a click it could not read)
     */
    public void write(RevocationRequest about, DecisionRecord decision) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", lower(decision.event()));
        line.put("request_id", about == null ? null : about.id());
        line.put("authorization_id", about == null ? null : about.tokenId());
        line.put("target", about == null ? null : about.target());
        line.put("owner", about == null ? null : about.owner());
        line.put("requester", about == null ? null : about.requester());
        line.put("actor", decision.actor());
        line.put("reason", about == null ? null : about.reason());
        line.put("outcome", lower(decision.outcome()));
        line.put("why", decision.reason());
        line.put("influx_status", decision.influxStatus() == 0 ? null : decision.influxStatus());
        line.put("timestamp", decision.at().toString());
        metrics.counter(
                        "revoke_decisions",
                        "event",
                        lower(decision.event()),
                        "outcome",
                        lower(decision.outcome()),
                        "reason",
                        decision.reason() == null ? "none" : safe(decision.reason()),
                        "target",
                        about == null || about.target() == null ? "none" : target(about.target()))
                .increment();
        try {
            AUDIT.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            AUDIT.errorf("audit record for %s could not be written as JSON", decision.outcome());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Target names are checked at start ({@code [a-z0-9_]}); anything else never becomes a label. */
    private static String target(String name) {
        return TARGET_SAFE.matcher(name).matches() ? name : "other";
    }

    private static String safe(String label) {
        return LABEL_SAFE.matcher(label).matches() ? label : "other";
    }

    /** JSON's own escapes, and <code>&#92;uXXXX</code> for line breaks, controls and format characters. */
    private static final class OneLineEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        OneLineEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** Called for every character past ASCII; surrogates (characters past U+FFFF) are written as they are. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            int type = Character.getType(ch);
            boolean hidden = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            return hidden ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
    }
}
