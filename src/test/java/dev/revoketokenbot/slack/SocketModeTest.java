package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.clickPayload;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.commandFields;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.SocketModeServer;
import dev.revoketokenbot.support.SocketModeStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an app token the bot takes Slack's traffic over Socket Mode, here from a local stand-in
 * ({@link SocketModeServer}), and none over HTTP: a command and an approval travel over the socket,
 * each envelope is acked, and the bot gets a new connection when Slack asks for a refresh or the
 * connection drops.
 */
@QuarkusTest
@TestProfile(SocketModeTest.AppToken.class)
@WithTestResource(SocketModeStubs.class)
class SocketModeTest extends SlackFlowTest {

    static final String APP_TOKEN = "xapp-test-app-token";

    /** Connecting and reconnecting take Bolt a few seconds; a shared two-core machine, longer. */
    static final Duration SOCKET_WAIT = Duration.ofSeconds(30);

    public static class AppToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slack.app-token", APP_TOKEN);
        }
    }

    private SocketModeServer slackSocket;

    @BeforeEach
    void connected() {
        slackSocket = stubs.socketMode();
        await().atMost(SOCKET_WAIT).until(() -> slackSocket.newestOpen().isPresent());
    }

    @Test
    void itAsksSlackForASocketModeConnectionWithTheAppToken() {
        assertThat(stubs.connectionOpens()).isNotEmpty().allMatch(("Bearer " + APP_TOKEN)::equals);
    }

    @Test
    void theHttpEndpointIsClosed() {
        send(command(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(404);
        assertThat(stubs.influxRequests()).isEmpty();
    }

    @Test
    void aCommandAndARevokeClickOverTheSocketRevokeTheTokenOnce() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf on build hosts")));
        stubs.influxDelete(ID, aResponse().withStatus(204));

        String command = slackSocket.sendSlashCommand(
                commandFields(REQUESTER, CHANNEL, ID + " --reason leaked in a CI log", stubs.responseUrl("cmd")));
        SocketModeServer.Ack commandAck = ackOf(command);
        assertThat(commandAck.payload().path("text").asText()).contains("Looking up authorization `" + ID + "`");

        String request = posted(1).get(0);
        assertThat(request).contains("channel=" + CHANNEL, ID, "telegraf on build hosts", "revoke_token.revoke");
        assertThat(stubs.influxRequests())
                .as("InfluxDB was asked before the request was posted")
                .isNotEmpty();
        assertThat(stubs.deletes(ID)).as("nothing is deleted before approval").isEmpty();

        String click = slackSocket.sendBlockActions(clickPayload(
                APPROVER,
                CHANNEL,
                ActionIds.REVOKE,
                buttonValue(request),
                stubs.responseUrl("click"),
                "revoke_token.buttons:" + requestIdOf(request)));
        assertThat(ackOf(click).message().path("envelope_id").asText()).isEqualTo(click);

        await().atMost(SOCKET_WAIT)
                .untilAsserted(() -> assertThat(stubs.slackCalls("chat.update"))
                        .singleElement()
                        .asString()
                        .contains("ts=1700000000.000100", "revoked", "<@" + APPROVER + ">"));
        assertThat(posted(2).get(1)).contains("Audit", ID, "revoked by <@" + APPROVER + ">");
        await().atMost(SOCKET_WAIT)
                .untilAsserted(() -> assertThat(logs.audit())
                        .anySatisfy(line ->
                                assertThat(line).contains("\"event\":\"revoke\"", "\"actor\":\"" + APPROVER + "\"")));
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    @Test
    void afterSlackAsksForARefreshTheBotWorksOnANewConnection() {
        int opensBefore = stubs.connectionOpens().size();
        int connectionBefore = slackSocket.newestOpen().orElseThrow();

        slackSocket.askForRefresh();

        await().atMost(SOCKET_WAIT)
                .until(() -> slackSocket
                        .newestOpen()
                        .filter(n -> n > connectionBefore)
                        .isPresent());
        assertThat(stubs.connectionOpens()).as("a new apps.connections.open").hasSizeGreaterThan(opensBefore);
        aCommandIsAckedOnTheNewestConnection();
    }

    @Test
    void afterTheConnectionDropsTheBotReconnectsAndWorks() {
        int opensBefore = stubs.connectionOpens().size();
        int connectionBefore = slackSocket.newestOpen().orElseThrow();

        slackSocket.dropConnection();

        await().atMost(SOCKET_WAIT)
                .until(() -> slackSocket
                        .newestOpen()
                        .filter(n -> n > connectionBefore)
                        .isPresent());
        assertThat(stubs.connectionOpens()).as("a new apps.connections.open").hasSizeGreaterThan(opensBefore);
        aCommandIsAckedOnTheNewestConnection();
    }

    private void aCommandIsAckedOnTheNewestConnection() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
        int newest = slackSocket.newestOpen().orElseThrow();
        String command = slackSocket.sendSlashCommand(commandFields(REQUESTER, CHANNEL, ID, stubs.responseUrl("cmd")));
        SocketModeServer.Ack ack = ackOf(command);
        assertThat(ack.connection()).isEqualTo(newest);
        assertThat(ack.payload().path("text").asText()).contains("Looking up authorization `" + ID + "`");
        assertThat(posted(1).get(0)).contains("channel=" + CHANNEL, ID, "revoke_token.revoke");
    }

    private SocketModeServer.Ack ackOf(String envelopeId) {
        return await().atMost(SOCKET_WAIT)
                .until(() -> slackSocket.ackOf(envelopeId), ack -> ack.isPresent())
                .orElseThrow();
    }

    private List<String> posted(int count) {
        return await().atMost(SOCKET_WAIT)
                .until(() -> stubs.slackCalls("chat.postMessage"), calls -> calls.size() == count);
    }
}
