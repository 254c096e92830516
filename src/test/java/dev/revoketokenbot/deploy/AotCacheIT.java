package dev.revoketokenbot.deploy;

import static dev.revoketokenbot.support.BotProcess.PACKAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.revoketokenbot.support.BotProcess;
import dev.revoketokenbot.support.SlackRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    private static final Duration TRAINING = Duration.ofSeconds(240);

    @TempDir
    Path work;

    @Test
    void theTrainingRunWritesACacheTheNextStartUses() throws Exception {
        Path java = java25();
        Path app = copyOfThePackagedApp();
        List<String> flags = ContainerImageTest.trainingFlags();

        List<String> trainingFlags = new ArrayList<>(flags);
        trainingFlags.addAll(List.of("-XX:AOTCacheOutput=app.aot", "-Drevoke.training=true"));
        String trained = train(BotProcess.packaged(java, app, trainingFlags, Map.of(), work.resolve("training.log")));
        assertThat(trained).contains("Training run: started, answered, ledger migrated");
        assertThat(Files.size(app.resolve("app.aot"))).isPositive();

        List<String> cachedFlags = new ArrayList<>(flags);
        cachedFlags.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=app.aot"));
        Path log = work.resolve("bot.log");
        Map<String, String> settings = Map.of(
                "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET,
                "SLACK_BOT_TOKEN", "xoxb-aot-canary",
                "INFLUX_URL", "http://127.0.0.1:9",
                "INFLUX_TOKEN", "aot-influx-canary",
                "REVOKE_APPROVERS", "U0APPROVER",
                "REVOKE_DATA_DIR", work.resolve("bot-data").toString());
        try (BotProcess bot = BotProcess.start(BotProcess.packaged(java, app, cachedFlags, settings, log), log)) {
            HttpResponse<String> help = bot.post(
                    "command=%2Frevoke-token&text=help&user_id=U0REQUESTER&channel_id=C0INCIDENT&team_id=T0TEAM"
                            + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=aot");
            assertThat(help.statusCode()).isEqualTo(200);
            assertThat(help.body()).contains("/revoke-token");
        }
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .doesNotContain("aot-influx-canary", SlackRequests.SIGNING_SECRET);
    }

    @Test
    void theTrainingRunReachesNothingOfARealBotsEnvironment() throws Exception {
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
            Map<String, String> realBot = Map.ofEntries(
                    Map.entry("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET),
                    Map.entry("SLACK_BOT_TOKEN", "xoxb-real-canary"),
                    Map.entry("SLACK_API_URL", real + "/api/"),
                    // Targets named in the environment, "default" among them: the training run's own
                    // InfluxDB (a closed port) is the only one it knows.
                    Map.entry("INFLUX_TARGETS_DEFAULT_URL", real),
                    Map.entry("INFLUX_TARGETS_DEFAULT_TOKEN", "real-influx-canary"),
                    Map.entry("INFLUX_TARGETS_DEFAULT_KIND", "v2"),
                    Map.entry("INFLUX_TARGETS_EDGE_URL", real),
                    Map.entry("INFLUX_TARGETS_EDGE_TOKEN", "real-edge-canary"),
                    Map.entry("INFLUX_TARGETS_EDGE_KIND", "v3"),
                    Map.entry("REVOKE_DEFAULT_TARGET", "edge"),
                    Map.entry(
                            "REVOKE_LEDGER_URL",
                            "jdbc:postgresql://127.0.0.1:" + stand.getAddress().getPort() + "/bot"));
            // Java 17 is enough: the training run is the bot's, the cache is the JVM's.
            String output = train(BotProcess.packaged(
                    BotProcess.thisJava(),
                    copyOfThePackagedApp(),
                    List.of("-Drevoke.training=true"),
                    realBot,
                    work.resolve("training-in-a-real-environment.log")));
            assertThat(output).contains("Training run: started, answered, ledger migrated");
        } finally {
            stand.stop(0);
        }
        assertThat(reached)
                .as("requests that reached the real bot's Slack and InfluxDB")
                .isEmpty();
    }

    /** Runs a training run to its end; returns what it printed, having checked that it exited with 0. */
    private static String train(ProcessBuilder training) throws IOException, InterruptedException {
        Process process = training.start();
        boolean ended = process.waitFor(TRAINING.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(training.redirectOutput().file().toPath(), StandardCharsets.UTF_8);
        assertThat(ended)
                .as("the training run ended by itself; output:%n%s", output)
                .isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** target/quarkus-app as packaged, without a cache or ledger a run there may have left. */
    private Path copyOfThePackagedApp() throws IOException {
        assumeTrue(Files.isDirectory(PACKAGED), "target/quarkus-app not built yet (run ./mvnw package)");
        Path copy = Files.createTempDirectory(work, "quarkus-app");
        Files.delete(copy);
        try (Stream<Path> paths = Files.walk(PACKAGED)) {
            paths.forEach(source -> {
                Path relative = PACKAGED.relativize(source);
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
}
