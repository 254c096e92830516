package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.commandFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.SocketModeServer;
import dev.revoketokenbot.support.SocketModeStubs;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Slack refuses the bot's first Socket Mode connections ({@code invalid_auth}): the bot says so in
 * one clear line per attempt, never with Bolt's NullPointerException nor the app token, keeps
 * trying with a growing delay, and is connected once Slack accepts.
 *
 * <p>Slack keeps refusing until the test has seen two refusals and a retry line in the log: the
 * first attempts happen while the bot starts, before the test captures the log.
 */
@QuarkusTest
@TestProfile(SocketModeTest.AppToken.class)
@WithTestResource(
        value = SocketModeStubs.class,
        initArgs = @ResourceArg(name = SocketModeStubs.REFUSE_OPENS_WITH, value = "invalid_auth"))
class SocketModeStartupTest extends SlackFlowTest {

    private static final Pattern RETRY_LINE =
            Pattern.compile("Socket Mode could not connect to Slack: Slack refused apps.connections.open: invalid_auth"
                    + " \\(check SLACK_APP_TOKEN\\); retrying in (\\d+) s");

    @Test
    void refusedConnectionsAreRetriedWithBackoffUntilSlackAccepts() {
        SocketModeServer slackSocket = stubs.socketMode();
        await().atMost(SocketModeTest.SOCKET_WAIT)
                .until(() ->
                        slackSocket.refusedOpens().size() >= 2 && !retryDelays().isEmpty());
        assertThat(slackSocket.newestOpen()).isEmpty();

        slackSocket.acceptOpens();

        await().atMost(SocketModeTest.SOCKET_WAIT)
                .until(() -> slackSocket.newestOpen().isPresent());
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
        String command = slackSocket.sendSlashCommand(commandFields(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")));
        await().atMost(SocketModeTest.SOCKET_WAIT)
                .until(() -> slackSocket.ackOf(command).isPresent()
                        && stubs.slackCalls("chat.postMessage").size() == 1);

        List<Instant> refused = slackSocket.refusedOpens();
        for (int i = 1; i < refused.size(); i++) {
            Duration waited = Duration.between(refused.get(i - 1), refused.get(i));
            Duration backoff = SocketModeConnection.FIRST_RETRY.multipliedBy(1L << (i - 1));
            assertThat(waited).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(backoff.minusMillis(50));
        }
        List<Integer> delays = retryDelays();
        for (int i = 1; i < delays.size(); i++) {
            assertThat(delays.get(i)).as("each retry waits twice as long").isEqualTo(delays.get(i - 1) * 2);
        }
        assertThat(logs.lines())
                .noneMatch(line -> line.contains("NullPointerException"))
                .noneMatch(line -> line.contains(SocketModeTest.APP_TOKEN))
                .anyMatch(line -> line.contains("Socket Mode connected to Slack"));
    }

    /** The delays the bot's retry lines announced, in order. */
    private List<Integer> retryDelays() {
        return logs.warnings().stream()
                .map(RETRY_LINE::matcher)
                .filter(Matcher::find)
                .map(matcher -> Integer.parseInt(matcher.group(1)))
                .toList();
    }
}
