package dev.revoketokenbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's start, on this machine: the packaged bot trained as src/main/docker/Dockerfile.jvm
 * trains it (its TRAINING_FLAGS, {@code -XX:AOTCacheOutput}, {@code -Drevoke.training=true}) on a
 * Java 25, then started with the cache it wrote under {@code -XX:AOTMode=on}, with which the JVM
 * refuses to start when it cannot use the cache, and answering a signed slash command. Java 25 is
 * the one in {@code AOT_JAVA_HOME} (.ci/run sets it), else Temurin's under /usr/lib/jvm.
 */
class AotCacheIT {

    private static final Path QUARKUS_APP = Path.of("target", "quarkus-app");
    private static final String SIGNING_SECRET = "aot-signing-secret";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void theTrainingRunWritesACacheTheNextStartUses() throws Exception {
        assumeTrue(Files.isDirectory(QUARKUS_APP), "target/quarkus-app not built yet (run ./mvnw package)");
        Path java = java25();
        Path app = copyOfThePackagedApp();
        List<String> flags = ContainerImageTest.trainingFlags();

        Path trainingLog = work.resolve("training.log");
        Process training =
                bot(java, app, flags, trainingLog, Map.of(), "-XX:AOTCacheOutput=app.aot", "-Drevoke.training=true");
        assertThat(training.waitFor(START.toSeconds() * 2, TimeUnit.SECONDS))
                .as("the training run ended by itself")
                .isTrue();
        String trained = Files.readString(trainingLog, StandardCharsets.UTF_8);
        assertThat(training.exitValue()).as(trained).isZero();
        assertThat(trained).contains("Training run: started, answered, ledger migrated");
        assertThat(Files.size(app.resolve("app.aot"))).isPositive();

        int port = freePort();
        Path log = work.resolve("bot.log");
        Process bot = bot(
                java,
                app,
                flags,
                log,
                Map.of(
                        "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                        "SLACK_BOT_TOKEN", "xoxb-aot-canary",
                        "INFLUX_URL", "http://127.0.0.1:9",
                        "INFLUX_TOKEN", "aot-influx-canary",
                        "REVOKE_APPROVERS", "U0APPROVER",
                        "QUARKUS_HTTP_PORT", Integer.toString(port)),
                "-XX:AOTMode=on",
                "-XX:AOTCache=app.aot");
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            await().atMost(START)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !bot.isAlive() || status(http, base.resolve("q/health/ready")) == 200);
            assertThat(bot.isAlive())
                    .as("started with the cache; output:%n%s", Files.readString(log, StandardCharsets.UTF_8))
                    .isTrue();

            HttpResponse<String> help = http.send(helpCommand(base), HttpResponse.BodyHandlers.ofString());
            assertThat(help.statusCode()).isEqualTo(200);
            assertThat(help.body()).contains("/revoke-token");
        } finally {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("aot-influx-canary", SIGNING_SECRET);
    }

    @Test
    void theTrainingRunReachesNothingOfARealBotsEnvironment() throws Exception {
        assumeTrue(Files.isDirectory(QUARKUS_APP), "target/quarkus-app not built yet (run ./mvnw package)");
        List<String> reached = new CopyOnWriteArrayList<>();
        HttpServer stand = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stand.createContext("/", exchange -> {
            reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        stand.start();
        String real = "http://127.0.0.1:" + stand.getAddress().getPort();
        try {
            Path log = work.resolve("training-in-a-real-environment.log");
            // Java 17 is enough: the training run is the bot's, the cache is the JVM's.
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process training = bot(
                    java,
                    copyOfThePackagedApp(),
                    List.of(),
                    log,
                    Map.ofEntries(
                            Map.entry("SLACK_SIGNING_SECRET", SIGNING_SECRET),
                            Map.entry("SLACK_BOT_TOKEN", "xoxb-real-canary"),
                            Map.entry("SLACK_API_URL", real + "/api/"),
                            // Targets named in the environment, "default" among them: the training
                            // run's own InfluxDB (a closed port) is the only one it knows.
                            Map.entry("INFLUX_TARGETS_DEFAULT_URL", real),
                            Map.entry("INFLUX_TARGETS_DEFAULT_TOKEN", "real-influx-canary"),
                            Map.entry("INFLUX_TARGETS_DEFAULT_KIND", "v2"),
                            Map.entry("INFLUX_TARGETS_EDGE_URL", real),
                            Map.entry("INFLUX_TARGETS_EDGE_TOKEN", "real-edge-canary"),
                            Map.entry("INFLUX_TARGETS_EDGE_KIND", "v3"),
                            Map.entry("REVOKE_DEFAULT_TARGET", "edge"),
                            Map.entry(
                                    "REVOKE_LEDGER_URL",
                                    "jdbc:postgresql://127.0.0.1:"
                                            + stand.getAddress().getPort() + "/bot")),
                    "-Drevoke.training=true");
            assertThat(training.waitFor(START.toSeconds() * 2, TimeUnit.SECONDS))
                    .isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(training.exitValue()).as(output).isZero();
            assertThat(output).contains("Training run: started, answered, ledger migrated");
        } finally {
            stand.stop(0);
        }
        assertThat(reached)
                .as("requests that reached the real bot's Slack and InfluxDB")
                .isEmpty();
    }

    /** The packaged bot from {@code dir}, as the image starts it: its working directory is the app's. */
    private Process bot(Path java, Path dir, List<String> flags, Path log, Map<String, String> settings, String... more)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.addAll(List.of(more));
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("SLACK_")
                        || name.startsWith("REVOKE_")
                        || name.startsWith("INFLUX_")
                        || name.startsWith("QUARKUS_"));
        env.putAll(settings);
        env.put("REVOKE_DATA_DIR", work.resolve(log.getFileName() + "-data").toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return builder.start();
    }

    /** target/quarkus-app as packaged, without a cache or ledger a run there may have left. */
    private Path copyOfThePackagedApp() throws IOException {
        Path copy = Files.createTempDirectory(work, "quarkus-app");
        Files.delete(copy);
        try (Stream<Path> paths = Files.walk(QUARKUS_APP)) {
            paths.forEach(source -> {
                Path relative = QUARKUS_APP.relativize(source);
                String top =
                        relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (top.equals("data") || top.startsWith("app.aot")) {
                    return;
                }
                try {
                    Files.copy(source, copy.resolve(relative.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return copy;
    }

    private static Path java25() throws IOException {
        Optional<Path> home = Optional.ofNullable(System.getenv("AOT_JAVA_HOME"))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        if (home.isEmpty()) {
            try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
                home = jvms.filter(jvm -> jvm.getFileName().toString().matches("temurin-25.*"))
                        .findFirst();
            }
        }
        Path java = home.map(dir -> dir.resolve("bin").resolve("java"))
                .orElseThrow(() -> new AssertionError(
                        "no Java 25 to train the AOT cache with: set AOT_JAVA_HOME to a JDK 25 or newer"));
        assertThat(java).as("AOT_JAVA_HOME's java").isExecutable();
        return java;
    }

    private static HttpRequest helpCommand(URI base) {
        String body = "command=%2Frevoke-token&text=help&user_id=U0REQUESTER&channel_id=C0INCIDENT&team_id=T0TEAM"
                + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=aot";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(base.resolve("slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .header(
                        SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notYetListening) {
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
