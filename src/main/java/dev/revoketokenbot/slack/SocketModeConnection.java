package dev.revoketokenbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.revoketokenbot.config.SlackSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * In Socket Mode ({@code SLACK_APP_TOKEN} set) the bot dials out to Slack over a WebSocket and
 * needs no public endpoint; the same Bolt app and listeners handle what arrives. A failed first
 * connection is logged, not fatal: the HTTP side (health, metrics) stays up to say so.
 */
@ApplicationScoped
public class SocketModeConnection {

    private static final Logger LOG = Logger.getLogger(SocketModeConnection.class);

    private volatile SocketModeApp socketMode;

    void start(@Observes StartupEvent event, SlackSettings settings, App app) {
        if (!settings.socketMode()) {
            return;
        }
        try {
            SocketModeApp connection = new SocketModeApp(settings.appToken().orElseThrow(), app);
            socketMode = connection;
            connection.startAsync();
            LOG.info("Socket Mode connection to Slack started");
        } catch (Exception e) {
            LOG.errorf(
                    "Socket Mode could not connect to Slack: %s", e.getClass().getName());
        }
    }

    /** Whether a Socket Mode client exists and has not stopped. */
    public boolean isConnected() {
        SocketModeApp connection = socketMode;
        return connection != null && !connection.isClientStopped();
    }

    void stop(@Observes ShutdownEvent event) {
        SocketModeApp connection = socketMode;
        if (connection != null) {
            try {
                connection.stop();
            } catch (Exception e) {
                LOG.warnf("Socket Mode did not stop cleanly: %s", e.getClass().getName());
            }
        }
    }
}
