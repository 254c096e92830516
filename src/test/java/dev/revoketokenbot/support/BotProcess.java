package dev.revoketokenbot.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged bot (target/quarkus-app) as its own process on a free loopback port, started as an
 * operator starts it, with the test profile's Slack and approver settings and the given extras.
 * Requests reach it signed as Slack signs them.
 */
public final class BotProcess implements AutoCloseable {

    /** Where the build packages the bot. */
    public static final Path PACKAGED = Path.of("target", "quarkus-app");

    private static final String RUN_JAR = "quarkus-run.jar";

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private BotProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the bot against these Slack and InfluxDB stand-ins, and waits until it is ready. */
    public static BotProcess start(String name, Stubs stubs, Map<String, String> extra) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
        settings.put("SLACK_BOT_TOKEN", WireMockStubs.BOT_TOKEN);
        settings.put("SLACK_API_URL", stubs.slack().baseUrl() + "/api/");
        settings.put("INFLUX_URL", stubs.influx().baseUrl());
        settings.put("INFLUX_TOKEN", WireMockStubs.INFLUX_TOKEN);
        settings.put("REVOKE_APPROVERS", "UAPPROVER1,UAPPROVER2");
        settings.put("REVOKE_OUTBOX_POLL_EVERY", "1S");
        settings.put("REVOKE_LEDGER_SETTLE_EVERY", "1S");
        settings.putAll(extra);
        Path log = Files.createTempFile("bot-" + name + "-", ".log");
        return start(packaged(thisJava(), PACKAGED, List.of("-Xmx128m"), settings, log), log);
    }

    /**
     * The packaged bot in {@code dir} (target/quarkus-app, or a copy), launched as an operator launches
     * it there: {@code java <flags> -jar quarkus-run.jar}, with these settings over an environment
     * cleared of the bot's own, its output to {@code log}. Not started yet.
     */
    public static ProcessBuilder packaged(
            Path java, Path dir, List<String> jvmFlags, Map<String, String> settings, Path log) {
        assumeTrue(
                Files.isRegularFile(PACKAGED.resolve(RUN_JAR)),
                "target/quarkus-app not built yet (run ./mvnw package)");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", RUN_JAR));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(key -> key.startsWith("SLACK_")
                        || key.startsWith("REVOKE_")
                        || key.startsWith("INFLUX_")
                        || key.startsWith("QUARKUS_"));
        env.putAll(settings);
        return builder;
    }

    /** Starts a {@link #packaged} bot on a free loopback port, and waits until it is ready. */
    public static BotProcess start(ProcessBuilder packaged, Path log) throws IOException {
        int port = freePort();
        packaged.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        packaged.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        BotProcess bot = new BotProcess(packaged.start(), log, port);
        bot.awaitReady();
        return bot;
    }

    /** The JVM running the tests. */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Posts a body signed now, as Slack does; returns the HTTP status. */
    public int send(String body) throws IOException, InterruptedException {
        return post(body).statusCode();
    }

    /** Posts a body signed now, as Slack does; returns the answer. */
    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        String ts = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header(
                        "X-Slack-Signature",
                        new SlackSignature.Generator(SlackRequests.SIGNING_SECRET).generate(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Everything the process printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitReady() throws IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .build();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || status(ready) == 200);
        } catch (RuntimeException e) {
            throw new AssertionError("bot did not get ready; output:\n" + output(), e);
        }
        assertThat(process.isAlive())
                .as("bot is running; output:%n%s", output())
                .isTrue();
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }
}
