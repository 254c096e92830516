package dev.revoketokenbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.revoketokenbot.config.SlackSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * In Socket Mode ({@code SLACK_APP_TOKEN} set) the bot dials out to Slack over a WebSocket and
 * needs no public endpoint; the same Bolt app and listeners handle what arrives. Connecting is
 * retried until it works, {@link #FIRST_RETRY} after a failure and doubling up to {@link
 * #MAX_RETRY}, and each failure is one log line saying what failed; the HTTP side (health, metrics)
 * stays up meanwhile. Once connected, Bolt's client keeps the connection: it opens a new one when
 * Slack asks for a refresh, and within seconds when the connection drops.
 *
 * <p>Each attempt first calls {@code apps.connections.open} itself. Bolt 1.48's {@link
 * SocketModeApp} logs a failed call of its own (HTTP error, no network) with a stack trace and then
 * fails with a NullPointerException (its client factory returns null), which says nothing of the
 * cause. The URL this call gets is left unused: Bolt asks for its own.
 */
@ApplicationScoped
public class SocketModeConnection {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);

    /** Slack's errors for an app token it does not take: the operator has to change it. */
    private static final Set<String> TOKEN_ERRORS = Set.of(
            "invalid_auth",
            "not_authed",
            "not_allowed_token_type",
            "token_revoked",
            "token_expired",
            "account_inactive");

    private static final Logger LOG = Logger.getLogger(SocketModeConnection.class);

    private final ScheduledExecutorService attempts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socket-mode-connect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SocketModeApp socketMode;
    private boolean stopping;

    /** In HTTP mode Bolt's app is not built by the start ({@link SlackEventsResource} builds it just after). */
    void start(@Observes StartupEvent event, SlackSettings settings, Instance<App> apps) {
        start(settings, apps::get);
    }

    void start(SlackSettings settings, Supplier<App> apps) {
        if (settings.socketMode()) {
            String appToken = settings.appToken().orElseThrow();
            App app = apps.get();
            attempts.execute(() -> connect(app, appToken, FIRST_RETRY));
        }
    }

    /** Whether a Socket Mode client exists and has not stopped. */
    public boolean isConnected() {
        SocketModeApp connection = socketMode;
        return connection != null && !connection.isClientStopped();
    }

    private void connect(App app, String appToken, Duration retry) {
        Optional<String> failure = attempt(app, appToken);
        if (failure.isEmpty()) {
            LOG.info("Socket Mode connected to Slack");
            return;
        }
        Duration next = Duration.ofMillis(Math.min(retry.toMillis() * 2, MAX_RETRY.toMillis()));
        retryIn(retry, failure.get(), () -> connect(app, appToken, next));
    }

    /** One attempt: what failed, or empty once connected. */
    Optional<String> attempt(App app, String appToken) {
        return openingRefused(app, appToken).or(() -> startBolt(app, appToken));
    }

    /** What Slack answered when asked for a Socket Mode URL, unless it gave one. */
    private static Optional<String> openingRefused(App app, String appToken) {
        try {
            AppsConnectionsOpenResponse response = app.slack().methods().appsConnectionsOpen(r -> r.token(appToken));
            return response.isOk() ? Optional.empty() : Optional.of(refusal(response.getError()));
        } catch (SlackApiException e) {
            return Optional.of(
                    "apps.connections.open answered HTTP " + e.getResponse().code());
        } catch (IOException | RuntimeException e) {
            return Optional.of(
                    "apps.connections.open got no answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Slack's error code for a refused {@code apps.connections.open}, with what to do when it is the token. */
    static String refusal(String error) {
        String said = "Slack refused apps.connections.open: " + error;
        return TOKEN_ERRORS.contains(error) ? said + " (check SLACK_APP_TOKEN)" : said;
    }

    /** Starts Bolt's Socket Mode client; what went wrong, unless its WebSocket is open. */
    private Optional<String> startBolt(App app, String appToken) {
        SocketModeApp connection = null;
        String failure;
        try {
            connection = new SocketModeApp(appToken, app);
            connection.startAsync();
            if (connection.getClient().verifyConnection()) {
                socketMode = connection;
                return Optional.empty();
            }
            failure = "Slack gave a Socket Mode URL, but the WebSocket to it did not open";
        } catch (NullPointerException e) {
            // How Bolt 1.48 fails when its own apps.connections.open fails (Slack answered the bot's a
            // moment before); it has logged why. The exception's name would only mislead.
            failure = "Bolt's own apps.connections.open failed (Bolt logged why)";
        } catch (Exception e) {
            failure = "Bolt's Socket Mode client did not start: " + e.getMessage();
        }
        close(connection);
        return Optional.of(failure);
    }

    /** Says what failed and tries again after {@code delay}, unless the bot is shutting down. */
    // The attempt logs its own failure and schedules the next; nothing waits on its future.
    @SuppressWarnings("FutureReturnValueIgnored")
    private synchronized void retryIn(Duration delay, String failure, Runnable attempt) {
        if (!stopping) {
            LOG.warnf("Socket Mode could not connect to Slack: %s; retrying in %d s", failure, delay.toSeconds());
            attempts.schedule(attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            stopping = true;
        }
        attempts.shutdownNow();
        try {
            attempts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(socketMode);
    }

    /** Stops Bolt's client and its own reconnecting, if there is one. */
    private static void close(SocketModeApp connection) {
        if (connection == null) {
            return;
        }
        try {
            SocketModeClient client = connection.getClient();
            connection.stop();
            if (client != null) {
                client.close();
            }
        } catch (Exception e) {
            LOG.warnf("Socket Mode did not stop cleanly: %s", e.getClass().getName());
        }
    }
}
