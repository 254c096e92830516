package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the follow-up queue is full (here: one thread, one waiting place, and a slow InfluxDB), a
 * command is turned away at once with a word to the person who acted, and nothing of it is
 * started; what was already accepted still completes. Clicks are decided on a lane of their own,
 * which lookups never fill.
 */
@QuarkusTest
@TestProfile(FollowUpQueueTest.OneThreadOnePlace.class)
@WithTestResource(WireMockStubs.class)
class FollowUpQueueTest extends SlackFlowTest {

    @Inject
    FollowUps followUps;

    private static final String SLOW = "000000000000000a";
    private static final String QUEUED = "000000000000000b";
    private static final String TURNED_AWAY = "000000000000000c";

    public static class OneThreadOnePlace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slack.follow-ups.threads", "1", "slack.follow-ups.queue", "1");
        }
    }

    @BeforeEach
    void oneSlowLookupHoldsTheOnlyThreadAndOneWaits() {
        stubs.influxGet(
                SLOW, okJson(InfluxBodies.authorization(SLOW, "ci-writer", "")).withFixedDelay(800));
        stubs.influxGet(QUEUED, okJson(InfluxBodies.authorization(QUEUED, "ci-reader", "")));
        stubs.influxGet(TURNED_AWAY, okJson(InfluxBodies.authorization(TURNED_AWAY, "ci-admin", "")));
        send(command(REQUESTER, CHANNEL, SLOW, stubs.responseUrl("slow")))
                .statusCode(200)
                .body(containsString("Looking up"));
        send(command(REQUESTER, CHANNEL, QUEUED, stubs.responseUrl("queued")))
                .statusCode(200)
                .body(containsString("Looking up"));
    }

    @Test
    void aCommandBeyondTheQueueIsTurnedAwayInItsAck() {
        send(command(REQUESTER, CHANNEL, TURNED_AWAY, stubs.responseUrl("turned-away")))
                .statusCode(200)
                .body(containsString("too much work waiting"))
                .body(containsString("Nothing was changed"))
                .body(not(containsString("Looking up")));

        // The accepted two complete; the third never reaches InfluxDB.
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
        assertThat(stubs.influxRequests())
                .extracting(request -> request.getUrl())
                .noneMatch(url -> url.contains(TURNED_AWAY));
    }

    @Test
    void aClickIsDecidedOnItsOwnLaneWhileLookupsFillTheQueue() {
        String value = "not-signed.by-us";

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("click")))
                .statusCode(200);

        // Decided (and refused: the value is not ours), not turned away, though the lookup queue is full.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stubs.responses("click"))
                        .singleElement()
                        .asString()
                        .contains("integrity check", "\"ephemeral\"")
                        .doesNotContain("too much work waiting"));
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
        assertThat(stubs.influxRequests())
                .noneMatch(request -> request.getMethod().getName().equals("DELETE"));
    }

    @Test
    void busyWhileWorkRunsThenIdle() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        assertThat(followUps.decide("held decision", () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }))
                .isTrue();

        assertThat(followUps.isIdle()).isFalse();

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(followUps::isIdle);
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
    }
}
