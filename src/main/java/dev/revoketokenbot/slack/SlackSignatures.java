package dev.revoketokenbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.Request;
import dev.revoketokenbot.revocation.Replays;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drops replays: a signed request that reaches the bot again (within the 5 minutes its signature
 * stays valid) is not acted on twice. Requests over Socket Mode carry no signature and cannot be
 * replayed from outside.
 */
@ApplicationScoped
public class SlackSignatures {

    private static final Logger LOG = Logger.getLogger(SlackSignatures.class);

    private final Replays replays;

    SlackSignatures(Replays replays) {
        this.replays = replays;
    }

    /**
     * The signature Slack put on this request, or null (Socket Mode). A follow-up keeps this rather
     * than the request: a click's parsed payload (the whole message, blocks and all) then dies with
     * the ack instead of waiting in the follow-up queue, and in the heap's old generation.
     */
    static String signatureOf(Request<?> request) {
        return request.getHeaders() == null
                ? null
                : request.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    }

    /**
     * Whether the bot may act on the request that carried this signature ({@link #signatureOf}):
     * false for a replay, which is logged once.
     */
    boolean isFirstSighting(String signature, String what) {
        if (signature == null || signature.isBlank()) {
            return true;
        }
        if (replays.isFirstSighting(signature)) {
            return true;
        }
        LOG.warnf("Dropped a replayed %s: this signed request was acted on before", what);
        return false;
    }
}
