package bench.floor;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Bolt {@link App}, with its one listener: acks {@code /revoke-token} and does nothing else.
 * The ack's text has the bot's shape ("Looking up ... in InfluxDB…"), so the load driver checks every
 * app's acks the same way.
 */
public class BoltApp {

    /**
     * Built when the app starts ({@link Startup}), as the bot's is (its Socket Mode observer of
     * StartupEvent takes the App), so that both start times include it and neither first ack does.
     */
    @Produces
    @Singleton
    @Startup
    App app(@ConfigProperty(name = "slack.signing-secret") String signingSecret) {
        AppConfig config = AppConfig.builder().signingSecret(signingSecret).build();
        // As in the bot's BoltApp: no RequestVerification (SlackEventsResource checks the signature
        // before parsing) and no auth.test on the ack path (the bot hands its configured token to the
        // context instead; this app needs no token).
        App app = new App(config, List.of(new SSLCheck(config.getVerificationToken()))).asOAuthApp(false);
        app.command("/revoke-token", (request, ctx) -> ctx.ack("Looking up `"
                + request.getPayload().getText().trim().split("\\s+", 2)[0] + "` in InfluxDB…"));
        return app;
    }
}
