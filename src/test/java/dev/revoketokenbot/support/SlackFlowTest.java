package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.config.LedgerDatasources;
import dev.revoketokenbot.revocation.LedgerSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the flow tests: fresh stubs and log capture before each test, and after each, no
 * InfluxDB interaction outside InfluxDB's contract. Also the people, channel and token the flows
 * share, and the steps most of them start with. Subclasses are {@code @QuarkusTest} with
 * {@code @WithTestResource(WireMockStubs.class)} (or {@link SocketModeStubs}).
 */
public abstract class SlackFlowTest {

    protected static final String CHANNEL = "CINCIDENT";
    protected static final String REQUESTER = "UREQUESTER";
    /** One of the approvers of the test profile ({@code revoke.approvers}). */
    protected static final String APPROVER = "UAPPROVER1";
    /** The other approver the test profile names. */
    protected static final String APPROVER2 = "UAPPROVER2";
    /** Neither an approver (by ID or group) nor the requester. */
    protected static final String STRANGER = "USTRANGER";
    /** The authorization the flows ask to revoke. */
    protected static final String ID = "0a1b2c3d4e5f6789";

    private static final Pattern BUTTON_VALUE = Pattern.compile("\"value\":\"([^\"]+)\"");

    @InjectStubs
    protected Stubs stubs;

    protected LogCapture logs;

    @Inject
    @CacheName("approver-groups")
    Cache approverGroups;

    @Inject
    @DataSource(LedgerDatasources.EMBEDDED)
    InjectableInstance<AgroalDataSource> embeddedLedger;

    @Inject
    @DataSource(LedgerDatasources.SHARED)
    InjectableInstance<AgroalDataSource> sharedLedger;

    @ConfigProperty(name = "revoke.ledger.url")
    Optional<String> sharedLedgerUrl;

    protected LedgerRows ledger;

    @Inject
    LedgerSchema schema;

    @BeforeEach
    void freshStubsAndLogs() {
        // The schema is brought up to date just after the start: these rows are read without the bot.
        await().atMost(Duration.ofSeconds(60)).until(schema::isMigrated);
        ledger = new LedgerRows(sharedLedgerUrl.isPresent() ? sharedLedger.get() : embeddedLedger.get());
        ledger.clear();
        stubs.reset();
        approverGroups.invalidateAll().await().indefinitely();
        logs = LogCapture.start();
    }

    @AfterEach
    void influxTrafficMatchedItsContract() {
        assertThat(stubs.contract().violations())
                .as("InfluxDB contract violations")
                .isEmpty();
    }

    /** Posts a request by {@link #REQUESTER} for {@link #ID} and returns the request message's body. */
    protected String requestMessage() {
        return requestMessage(REQUESTER);
    }

    /** Posts a request by {@code requester} for {@link #ID} and returns the request message's body. */
    protected String requestMessage(String requester) {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
        send(command(requester, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);
        return eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
    }

    /** The request ID a request message's buttons carry. */
    protected static String requestIdOf(String requestMessage) {
        return SlackRequests.requestIdIn(buttonValue(requestMessage));
    }

    /** The signed request ID in a request message's (first) button. */
    protected static String buttonValue(String requestMessage) {
        Matcher matcher = BUTTON_VALUE.matcher(requestMessage);
        assertThat(matcher.find()).as("request message has a button value").isTrue();
        return matcher.group(1);
    }

    /**
     * {@code user} clicks the button {@code actionId} of {@code requestMessage}; what the bot then
     * tells them ephemerally goes to the response_url named {@code answerName}.
     */
    protected void clickAs(String user, String actionId, String requestMessage, String answerName) {
        SlackRequests.send(SlackRequests.click(
                        user, CHANNEL, actionId, buttonValue(requestMessage), stubs.responseUrl(answerName)))
                .statusCode(200);
    }

    /** The one ephemeral answer sent to the response_url named {@code answerName}, once it came. */
    protected String answerTo(String answerName) {
        return eventually(() -> stubs.responses(answerName), 1).get(0);
    }

    /** The audit lines that contain every one of {@code fragments}. */
    protected List<String> auditLinesWith(String... fragments) {
        return logs.audit().stream()
                .filter(line -> Arrays.stream(fragments).allMatch(line::contains))
                .toList();
    }

    /** Sends these signed requests all at once, from as many threads, and checks each was acked. */
    protected static void sendAtOnce(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String body : bodies) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return SlackRequests.send(body).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * With two approvals needed for Revoke: {@link #APPROVER} and {@link #APPROVER2} click Revoke at
     * the same instant; both count, the token is deleted once and the request is revoked.
     */
    protected void twoApproversRevokeAtTheSameInstant() throws Exception {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(200));

        sendAtOnce(List.of(
                click(APPROVER, CHANNEL, "revoke_token.revoke", buttonValue(request), stubs.responseUrl("a")),
                click(APPROVER2, CHANNEL, "revoke_token.revoke", buttonValue(request), stubs.responseUrl("b"))));

        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "revoked by <@");
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "revoke:approved", "revoke:approved", "revoke:revoked");
    }

    /** Waits for exactly {@code count} items (the bot works after the ack), then returns them. */
    protected static List<String> eventually(Supplier<List<String>> calls, int count) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(calls.get()).hasSize(count));
        return calls.get();
    }
}
