package dev.revoketokenbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.BotProcess;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, started as an operator would start it: it refuses to run without approvers
 * or a signing secret and says what to set, without echoing a secret it was given; in Socket Mode it
 * needs no signing secret. Runs after package (failsafe), on loopback only.
 */
class StartupRefusalIT {

    private static final String BOT_TOKEN = "xoxb-startup-canary-token";

    @Test
    void aMisconfiguredBotRefusesToStartAndNamesWhatToSet() throws IOException, InterruptedException {
        String output = refusal("startup-refusal", Map.of(), 60);

        assertThat(output)
                .contains("REVOKE_APPROVERS", "REVOKE_APPROVER_GROUPS", "SLACK_SIGNING_SECRET")
                .doesNotContain(BOT_TOKEN, "influx-startup-canary-token");
    }

    @Test
    void approvalCountsOutOfBoundsRefuseToStartAndNameTheirVariables() throws IOException, InterruptedException {
        Map<String, String> env = Map.of(
                "SLACK_SIGNING_SECRET", "startup-signing-canary",
                "REVOKE_APPROVERS", "U0APPROVER",
                "REVOKE_DEACTIVATE_APPROVALS", "-1",
                "REVOKE_DELETE_APPROVALS", "6");
        String output = refusal("startup-approvals", env, 60);

        assertThat(output)
                .contains(
                        "REVOKE_DEACTIVATE_APPROVALS (revoke.deactivate-approvals) is -1",
                        "REVOKE_DELETE_APPROVALS (revoke.delete-approvals) is 6")
                .doesNotContain("REVOKE_APPROVERS (revoke.approvers)", "startup-signing-canary", BOT_TOKEN);
    }

    @Test
    void aNamedTargetMissingItsSettingsRefusesToStartAndNamesThem() throws IOException, InterruptedException {
        Map<String, String> env = Map.of(
                "SLACK_SIGNING_SECRET", "startup-signing-canary",
                "REVOKE_APPROVERS", "U0APPROVER",
                "INFLUX_TARGETS_EU_WEST_URL", "https://console.influxdata.com",
                "INFLUX_TARGETS_EU_WEST_KIND", "dedicated",
                "INFLUX_TARGETS_EU_WEST_TOKEN", "target-startup-canary-token",
                "INFLUX_TARGETS_EDGE_URL", "http://127.0.0.1:8181",
                "INFLUX_TARGETS_EDGE_KIND", "v3",
                "REVOKE_DEFAULT_TARGET", "staging");
        String output = refusal("startup-targets", env, 60);

        assertThat(output)
                .contains(
                        "Cloud Dedicated target eu_west needs INFLUX_TARGETS_EU_WEST_ACCOUNT_ID",
                        "InfluxDB target edge has no token: set INFLUX_TARGETS_EDGE_TOKEN",
                        "REVOKE_DEFAULT_TARGET (revoke.default-target) names no target")
                .doesNotContain("target-startup-canary-token", "influx-startup-canary-token", BOT_TOKEN);
    }

    @Test
    void aLedgerThatCannotBeMigratedStopsTheBot() throws IOException, InterruptedException {
        // Nothing listens on port 9: the schema cannot be brought up to date after the start.
        Map<String, String> env = Map.of(
                "SLACK_SIGNING_SECRET", "startup-signing-canary",
                "REVOKE_APPROVERS", "U0APPROVER",
                "REVOKE_LEDGER_URL", "jdbc:postgresql://127.0.0.1:9/revoke",
                "REVOKE_LEDGER_USERNAME", "revoke",
                "REVOKE_LEDGER_PASSWORD", "ledger-startup-canary");
        String output = refusal("startup-ledger", env, 90);

        assertThat(output)
                .contains("The request ledger's schema could not be brought up to date, so the bot stops")
                .doesNotContain("ledger-startup-canary", "startup-signing-canary", BOT_TOKEN);
    }

    /**
     * Starts the service with {@code env} added, expects it to stop by itself within {@code seconds}
     * with a non-zero status, and returns what it printed.
     */
    private static String refusal(String name, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(name, ".log");
        ProcessBuilder builder = service(0, log);
        builder.environment().putAll(env);
        Process process = builder.start();

        assertThat(process.waitFor(seconds, TimeUnit.SECONDS))
                .as("the service stopped by itself")
                .isTrue();
        assertThat(process.exitValue()).isNotZero();
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void inSocketModeNoSigningSecretIsNeeded() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("socket-mode-start", ".log");
        ProcessBuilder builder = service(port, log);
        builder.environment().put("SLACK_APP_TOKEN", "xapp-startup-canary-token");
        builder.environment().put("REVOKE_STATE_KEY", "startup-state-key");
        builder.environment().put("REVOKE_APPROVERS", "U0APPROVER");
        // Slack is unreachable here (a closed loopback port): the bot must stay up and say so.
        builder.environment().put("SLACK_API_URL", "http://127.0.0.1:9/api/");
        Process process = builder.start();
        int status = 0;
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                    .build();
            for (int attempt = 0; attempt < 60 && status != 200 && process.isAlive(); attempt++) {
                Thread.sleep(500);
                try {
                    status = http.send(live, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYetListening) {
                    status = 0;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(status)
                .as("live while Slack is unreachable; output:%n%s", output)
                .isEqualTo(200);
        assertThat(output).contains("Socket Mode could not connect").doesNotContain("xapp-startup-canary-token");
    }

    /** The packaged service with only a bot token and InfluxDB settings, on loopback, output to a file. */
    private static ProcessBuilder service(int port, Path log) {
        return BotProcess.packaged(
                BotProcess.thisJava(),
                BotProcess.PACKAGED,
                List.of(),
                Map.of(
                        "SLACK_BOT_TOKEN",
                        BOT_TOKEN,
                        "INFLUX_URL",
                        "http://127.0.0.1:9",
                        "INFLUX_TOKEN",
                        "influx-startup-canary-token",
                        "REVOKE_DATA_DIR",
                        log.resolveSibling(log.getFileName() + "-data").toString(),
                        "QUARKUS_HTTP_HOST",
                        "127.0.0.1",
                        "QUARKUS_HTTP_PORT",
                        Integer.toString(port)),
                log);
    }
}
