package dev.revoketokenbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.revoketokenbot.support.SlackRequests;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as an operator starts it: {@code REVOKE_SANDBOX=true} alone runs the
 * sandbox and says so; beside a real setting it refuses, naming it without its value; and without
 * {@code REVOKE_SANDBOX}, the jar never runs the sandbox by itself. Runs after package (failsafe), on
 * loopback only.
 */
class SandboxStartupIT {

    private static final Path RUN_JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String CANARY = "xoxb-sandbox-startup-canary";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void revokeSandboxAloneRunsTheSandboxAndSaysWhereItIs() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("sandbox-start", ".log");
        Process bot = jar(port, log, Map.of("REVOKE_SANDBOX", "true")).start();
        try {
            Awaitility.await()
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !bot.isAlive() || status(get(port, "/q/health/ready")) == 200);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(bot.isAlive()).as("running; output:%n%s", output).isTrue();
            assertThat(output)
                    .contains("SANDBOX MODE", "fake Slack and a fake InfluxDB", "Never use sandbox mode in production")
                    .contains("http://localhost:" + port + "/sandbox");
            assertThat(status(get(port, "/sandbox"))).isEqualTo(200);

            String command = SlackRequests.command(
                    SandboxWorkspace.REQUESTER.id(),
                    SandboxWorkspace.CHANNEL.id(),
                    "0e4a8b71c95d2f13",
                    "http://localhost:" + port + "/sandbox/slack/response/U0RILEY/start");
            assertThat(status(signed(port, command))).isEqualTo(200);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> http.send(get(port, "/sandbox/api/live"), HttpResponse.BodyHandlers.ofString())
                            .body()
                            .contains("Revoke InfluxDB API token?"));
        } finally {
            stop(bot);
        }
    }

    @Test
    void besideARealSettingItRefusesNamingItButNotItsValue() throws Exception {
        Path log = Files.createTempFile("sandbox-refusal", ".log");
        Process bot = jar(
                        freePort(),
                        log,
                        Map.of("REVOKE_SANDBOX", "true", "SLACK_BOT_TOKEN", CANARY, "INFLUX_URL", "http://127.0.0.1:9"))
                .start();

        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("stopped by itself")
                .isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(bot.exitValue()).isNotZero();
        assertThat(output)
                .contains("sandbox mode (REVOKE_SANDBOX=true)", "SLACK_BOT_TOKEN (slack.bot-token)", "INFLUX_URL")
                .doesNotContain(CANARY, "SANDBOX MODE:");
    }

    @Test
    void withoutRevokeSandboxTheJarIsNeverTheSandbox() throws Exception {
        Path log = Files.createTempFile("sandbox-not-asked", ".log");
        Process bot = jar(freePort(), log, Map.of()).start();

        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("stopped by itself")
                .isTrue();
        assertThat(bot.exitValue()).isNotZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("slack.bot-token is required")
                .doesNotContain("SANDBOX MODE");
    }

    /** The packaged bot with no Slack, InfluxDB or bot setting but {@code env}, on loopback. */
    private static ProcessBuilder jar(int port, Path log, Map<String, String> env) {
        assumeTrue(Files.isRegularFile(RUN_JAR), "target/quarkus-app not built yet (run ./mvnw package)");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-jar",
                        RUN_JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(
                        name -> name.startsWith("SLACK_") || name.startsWith("REVOKE_") || name.startsWith("INFLUX_"));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put(
                "REVOKE_DATA_DIR",
                log.resolveSibling(log.getFileName() + "-data").toString());
        environment.putAll(env);
        return builder;
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
    }

    private static HttpRequest signed(int port, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header(
                        "X-Slack-Signature",
                        new com.slack.api.app_backend.SlackSignature.Generator(SandboxWorkspace.SIGNING_SECRET)
                                .generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
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

    private static void stop(Process bot) throws InterruptedException {
        bot.destroy();
        if (!bot.waitFor(20, TimeUnit.SECONDS)) {
            bot.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }
}
