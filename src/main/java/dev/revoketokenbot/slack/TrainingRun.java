package dev.revoketokenbot.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.config.SlackSettings;
import dev.revoketokenbot.revocation.LedgerSchema;
import io.quarkus.runtime.Quarkus;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Ends the run that trains Java's AOT cache ({@code -Drevoke.training=true}) once the bot is fully
 * started. First it asks what the first minute after a start asks: its health, and Slack's signed
 * {@code /revoke-token help}, {@code targets} and a lookup (whose follow-up finds nobody at the
 * placeholder InfluxDB and Slack, {@code config.TrainingSettings}, and records its request in the
 * training run's own ledger). It then waits for the ledger's migration and exits; the JVM writes the
 * cache as the process ends. A bot that answers any of it wrongly exits with 1, so an image build
 * that trains it fails. Any other run is left alone.
 *
 * <p>It asks with Vert.x's HTTP client, which the bot's REST clients load anyway: whatever the
 * training loads goes into the cache, and the cache is loaded whole at every start (the JDK's own
 * HTTP client and the TLS it sets up were 688 classes that nothing else in the bot uses).
 */
class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A lookup of a v2 authorization: acked at once; its follow-up meets nobody at InfluxDB's port 9. */
    private static final String TRAINING_LOOKUP = "0123456789abcdef --reason training";

    void onServing(
            @ObservesAsync HttpServerStart serving,
            RevokeSettings settings,
            SlackSettings slack,
            HttpServer server,
            LedgerSchema schema,
            FollowUps followUps,
            Vertx vertx) {
        if (!settings.training()) {
            return;
        }
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) WAIT.toMillis()));
        try {
            Quarkus.asyncExit(train(
                    client, server.getLocalBaseUri(), slack.signingSecret(), schema.migration(), followUps::isIdle));
        } finally {
            client.close();
        }
    }

    /** The run itself: 0 once the bot answered, its ledger is migrated and its follow-ups ended; else 1. */
    static int train(
            HttpClient client,
            URI base,
            Optional<String> signingSecret,
            CompletionStage<Void> migration,
            BooleanSupplier followUpsIdle) {
        try {
            ask(client, base, signingSecret);
            migration.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            awaitIdle(followUpsIdle);
            LOG.info("Training run: started, answered, ledger migrated; exiting");
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf("Training run failed, so no AOT cache should be kept: %s", e.getMessage());
            return 1;
        }
    }

    /**
     * Asks the bot at {@code base} for its health and, with a signing secret, for three signed slash
     * commands; fails on any answer but 200.
     */
    static void ask(HttpClient client, URI base, Optional<String> signingSecret)
            throws IOException, InterruptedException {
        for (String health : List.of("q/health/live", "q/health/ready")) {
            expectOk(client, request(HttpMethod.GET, base.resolve(health)), "", health);
        }
        if (signingSecret.isPresent()) {
            for (String text : List.of("help", "targets", TRAINING_LOOKUP)) {
                askCommand(client, base, signingSecret.get(), text);
            }
        }
    }

    /** The lookup's follow-up ends on its own (InfluxDB refuses); a shutdown would cut it short. */
    private static void awaitIdle(BooleanSupplier idle) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!idle.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("follow-ups still running after " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /** A slash command as Slack sends it: form-encoded and signed. */
    private static void askCommand(HttpClient client, URI base, String signingSecret, String text)
            throws IOException, InterruptedException {
        String body = "command=" + encode("/revoke-token") + "&text=" + encode(text)
                + "&user_id=UTRAINING&user_name=training&channel_id=CTRAINING&channel_name=training"
                + "&team_id=TTRAINING&trigger_id=training&response_url=" + encode("http://127.0.0.1:9/training");
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        RequestOptions request = request(HttpMethod.POST, base.resolve("slack/events"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .putHeader(
                        SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SignatureGenerator(signingSecret).generate(timestamp, body));
        expectOk(client, request, body, "/revoke-token " + text);
    }

    private static RequestOptions request(HttpMethod method, URI uri) {
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(uri.toString())
                .setTimeout(WAIT.toMillis());
    }

    private static void expectOk(HttpClient client, RequestOptions request, String body, String what)
            throws IOException, InterruptedException {
        int status;
        try {
            status = client.request(request)
                    .compose(sent -> sent.send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(what + " was not answered: " + e.getMessage(), e);
        }
        if (status != 200) {
            throw new IOException(what + " answered " + status);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
