package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the AOT cache's training run asks of the bot it trains (the whole run, packaged, is in
 * deploy.AotCacheIT): its health, then slash commands signed as Slack signs them; an answer other
 * than 200 fails the run.
 */
class TrainingRunTest {

    private static final String SECRET = "training-test-secret";

    private record Asked(String method, String path, String timestamp, String signature, String body) {}

    private static final Vertx VERTX = Vertx.vertx();

    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final HttpClient client = VERTX.createHttpClient();
    private HttpServer bot;

    /** A stand-in bot that answers {@code status} to Slack's endpoint and 200 to everything else. */
    private URI bot(int status) throws IOException {
        bot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bot.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            asked.add(new Asked(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_SIGNATURE),
                    body));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/slack/events") ? status : 200, -1);
            exchange.close();
        });
        bot.start();
        return URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        client.close();
        if (bot != null) {
            bot.stop(0);
        }
    }

    @AfterAll
    static void closeVertx() {
        VERTX.close();
    }

    @Test
    void asksForHealthThenThreeSignedCommands() throws Exception {
        TrainingRun.ask(client, bot(200), Optional.of(SECRET));

        assertThat(asked)
                .extracting(a -> a.method() + " " + a.path())
                .containsExactly(
                        "GET /q/health/live",
                        "GET /q/health/ready",
                        "POST /slack/events",
                        "POST /slack/events",
                        "POST /slack/events");
        List<Asked> commands = asked.subList(2, 5);
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
        assertThat(commands)
                .allSatisfy(command -> assertThat(
                                verifier.isValid(command.timestamp(), command.body(), command.signature()))
                        .as("signed as Slack signs")
                        .isTrue());
        assertThat(commands)
                .extracting(command -> URLDecoder.decode(command.body(), StandardCharsets.UTF_8))
                .allSatisfy(body ->
                        assertThat(body).contains("command=/revoke-token").contains("response_url=http://127.0.0.1:9/"))
                .satisfiesExactly(
                        help -> assertThat(help).contains("text=help&"),
                        targets -> assertThat(targets).contains("text=targets&"),
                        lookup -> assertThat(lookup).contains("text=0123456789abcdef --reason training&"));
    }

    @Test
    void aBotThatDoesNotAnswerFailsTheRun() throws Exception {
        URI closed = bot(200);
        bot.stop(0);

        assertThatThrownBy(() -> TrainingRun.ask(client, closed, Optional.of(SECRET)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("q/health/live was not answered");
    }

    @Test
    void aCommandAnsweredOtherThan200FailsTheRun() throws Exception {
        URI base = bot(401);

        assertThatThrownBy(() -> TrainingRun.ask(client, base, Optional.of(SECRET)))
                .isInstanceOf(IOException.class)
                .hasMessage("/revoke-token help answered 401");
    }

    @Test
    void withoutASigningSecretOnlyHealthIsAsked() throws Exception {
        TrainingRun.ask(client, bot(200), Optional.empty());

        assertThat(asked).extracting(Asked::path).containsExactly("/q/health/live", "/q/health/ready");
    }

    @Test
    void endsWith0OnceAnsweredMigratedAndIdle() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        int exit = TrainingRun.train(
                client,
                bot(200),
                Optional.of(SECRET),
                CompletableFuture.completedFuture(null),
                () -> polls.incrementAndGet() > 2);

        assertThat(exit).isZero();
        assertThat(polls).as("waited for the follow-ups").hasValue(3);
    }

    @Test
    void endsWith1WhenTheLedgerCouldNotBeMigrated() throws Exception {
        int exit = TrainingRun.train(
                client,
                bot(200),
                Optional.of(SECRET),
                CompletableFuture.failedFuture(new IllegalStateException("no schema")),
                () -> true);

        assertThat(exit).isOne();
    }

    @Test
    void endsWith1WhenTheBotAnswersWrongly() throws Exception {
        int exit = TrainingRun.train(client, bot(500), Optional.of(SECRET), new CompletableFuture<>(), () -> true);

        assertThat(exit).isOne();
        assertThat(asked).extracting(Asked::path).endsWith("/slack/events").hasSize(3);
    }
}
