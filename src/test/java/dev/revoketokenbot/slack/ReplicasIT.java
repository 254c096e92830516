package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.BotProcess;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.LedgerRows;
import dev.revoketokenbot.support.PostgresLedger;
import dev.revoketokenbot.support.SlackRequests;
import dev.revoketokenbot.support.Stubs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged bot as operators run it: two processes on one PostgreSQL ledger, restarts, and the
 * single-process default on its embedded ledger. WireMock plays Slack and InfluxDB on loopback.
 */
class ReplicasIT {

    private static final String CHANNEL = "CINCIDENT";
    private static final String REQUESTER = "UREQUESTER";
    private static final String ID = "0a1b2c3d4e5f6789";

    private static Stubs stubs;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void standIns() {
        stubs = Stubs.startOnLoopback();
        postgres = PostgresLedger.startPostgres();
    }

    @AfterAll
    static void stopStandIns() throws Exception {
        stubs.stop();
        postgres.close();
    }

    @BeforeEach
    void freshStubs() {
        stubs.reset();
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
    }

    @Test
    void aCancelOnOneReplicaStopsARevokeOnTheOtherAndSurvivesARestart() throws Exception {
        stubs.influxDelete(ID, aResponse().withStatus(204));
        try (BotProcess a = replica("a")) {
            String value;
            try (BotProcess b = replica("b")) {
                value = request(a, "cmd");
                assertThat(a.send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, value, stubs.responseUrl("cancel"))))
                        .isEqualTo(200);
                assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                        .contains("*cancelled*");

                b.send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("on-b")));

                assertThat(eventually(() -> stubs.responses("on-b"), 1).get(0)).contains("already cancelled");
            }
            try (BotProcess restarted = replica("b-again")) {
                restarted.send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("after")));

                assertThat(eventually(() -> stubs.responses("after"), 1).get(0)).contains("already cancelled");
            }
        }
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
    }

    @Test
    void simultaneousRevokeClicksOnTwoReplicasMakeOneDeleteAndOneRecord() throws Exception {
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(300));
        try (BotProcess a = replica("a");
                BotProcess b = replica("b")) {
            String value = request(b, "cmd");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BotProcess replica = i % 2 == 0 ? a : b;
                String body = click(
                        i % 4 < 2 ? "UAPPROVER1" : "UAPPROVER2",
                        CHANNEL,
                        ActionIds.REVOKE,
                        value,
                        stubs.responseUrl("click-" + i));
                statuses.add(pool.submit((Callable<Integer>) () -> replica.send(body)));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
            pool.shutdown();

            assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                    .contains("*revoked*");
            eventually(() -> records(), 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
                assertThat(stubs.deletes(ID)).hasSize(1);
                assertThat(records()).hasSize(1);
                assertThat(stubs.slackCalls("chat.update")).hasSize(1);
            });
        }
    }

    @Test
    void approvalsOnTwoReplicasAtTheSameInstantBothCountAndTheTokenIsDeletedOnce() throws Exception {
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(300));
        Map<String, String> twoToRevoke = Map.of("REVOKE_DELETE_APPROVALS", "2");
        try (BotProcess a = replica("a", twoToRevoke);
                BotProcess b = replica("b", twoToRevoke)) {
            String value = request(a, "cmd");
            assertThat(requestMessages().get(0)).contains("*Revoke*: 0 of 2 approvals");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            statuses.add(pool.submit(() -> {
                start.await();
                return a.send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("on-a")));
            }));
            statuses.add(pool.submit(() -> {
                start.await();
                return b.send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("on-b")));
            }));
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
            pool.shutdown();

            assertThat(eventually(() -> records(), 1).get(0)).contains("revoked by <@UAPPROVER");
            String requestId = SlackRequests.requestIdIn(value);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stubs.deletes(ID)).hasSize(1);
                assertThat(records()).hasSize(1);
                List<String> updates = stubs.slackCalls("chat.update");
                assertThat(updates).isNotEmpty();
                assertThat(updates.get(updates.size() - 1)).contains("*revoked* by <@UAPPROVER");
            });
            assertThat(new LedgerRows(postgres.getPostgresDatabase()).decisions(requestId))
                    .containsExactly("request:posted", "revoke:approved", "revoke:approved", "revoke:revoked");
        }
    }

    @Test
    void aRequestMadeBeforeARestartCanBeApprovedAfterIt() throws Exception {
        stubs.influxDelete(ID, aResponse().withStatus(204));
        String value;
        try (BotProcess before = replica("before")) {
            value = request(before, "cmd");
        }
        try (BotProcess after = replica("after")) {
            after.send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")));

            assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                    .contains("*revoked* by <@UAPPROVER1>", "Verified");
            eventually(() -> records(), 1);
        }
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    @Test
    void theEmbeddedDefaultKeepsItsDecisionsAcrossARestart() throws Exception {
        stubs.influxDelete(ID, aResponse().withStatus(204));
        Path dataDir = Files.createTempDirectory("revoke-data");
        Map<String, String> embedded = Map.of("REVOKE_DATA_DIR", dataDir.toString());
        String cancelled;
        String open;
        try (BotProcess bot = BotProcess.start("embedded", stubs, embedded)) {
            cancelled = request(bot, "first");
            bot.send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, cancelled, stubs.responseUrl("cancel")));
            eventually(() -> stubs.slackCalls("chat.update"), 1);
            open = request(bot, "second");
        }
        assertThat(dataDir.resolve("ledger.mv.db")).exists();
        try (BotProcess bot = BotProcess.start("embedded-again", stubs, embedded)) {
            bot.send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, cancelled, stubs.responseUrl("late")));
            assertThat(eventually(() -> stubs.responses("late"), 1).get(0)).contains("already cancelled");
            assertThat(stubs.deletes(ID)).isEmpty();

            bot.send(click("UAPPROVER1", CHANNEL, ActionIds.REVOKE, open, stubs.responseUrl("approve")));
            assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                    .contains("*revoked*");
        }
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    private BotProcess replica(String name) throws Exception {
        return replica(name, Map.of());
    }

    /** A replica on the shared ledger, with these settings besides. */
    private BotProcess replica(String name, Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("REVOKE_LEDGER_URL", PostgresLedger.jdbcUrl(postgres));
        env.put("REVOKE_LEDGER_USERNAME", "postgres");
        env.put("REVOKE_LEDGER_PASSWORD", "postgres");
        return BotProcess.start(name, stubs, env);
    }

    /** Asks for a revocation through {@code bot}; returns the signed value of the request's buttons. */
    private static String request(BotProcess bot, String name) throws Exception {
        int before = requestMessages().size();
        assertThat(bot.send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl(name))))
                .isEqualTo(200);
        String message = eventually(ReplicasIT::requestMessages, before + 1).get(before);
        java.util.regex.Matcher value =
                java.util.regex.Pattern.compile("\"value\":\"([^\"]+)\"").matcher(message);
        assertThat(value.find()).isTrue();
        assertThat(SlackRequests.requestIdIn(value.group(1))).isNotEmpty();
        return value.group(1);
    }

    private static List<String> requestMessages() {
        return stubs.slackCalls("chat.postMessage").stream()
                .filter(body -> body.contains(ActionIds.REVOKE))
                .toList();
    }

    private static List<String> records() {
        return stubs.slackCalls("chat.postMessage").stream()
                .filter(body -> body.contains("Audit"))
                .toList();
    }

    private static List<String> eventually(java.util.function.Supplier<List<String>> calls, int count) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(calls.get()).hasSize(count));
        return calls.get();
    }
}
