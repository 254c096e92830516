package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.revoketokenbot.config.SlackSettings;
import dev.revoketokenbot.support.SocketModeServer;
import dev.revoketokenbot.support.Stubs;
import io.quarkus.runtime.ShutdownEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One connection attempt, outside Quarkus, against the Slack stub and the Socket Mode stand-in:
 * what each way of failing is called in the log, and that shutting down ends the attempts.
 */
class SocketModeConnectionTest {

    private static final String APP_TOKEN = "xapp-test-app-token";

    private static Stubs stubs;
    private static SocketModeServer slackSocket;
    private static Slack slack;

    private App app;
    private SocketModeConnection connection;

    @BeforeAll
    static void startStubs() {
        stubs = Stubs.startOnLoopback();
        slackSocket = SocketModeServer.start();
        stubs.playSocketMode(slackSocket);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(stubs.slack().baseUrl() + "/api/");
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void stopStubs() throws Exception {
        slack.close();
        stubs.stop();
    }

    @BeforeEach
    void freshBot() {
        stubs.reset();
        slackSocket.acceptOpens();
        slackSocket.rejectWebSockets(false);
        app = new App(
                AppConfig.builder()
                        .slack(slack)
                        .singleTeamBotToken("xoxb-test-bot-token")
                        .build(),
                List.of());
        connection = new SocketModeConnection();
    }

    @AfterEach
    void shutDown() {
        connection.stop(new ShutdownEvent());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "Slack refuses the token",
                        (Consumer<Stubs>) s -> s.slackError("apps.connections.open", "not_allowed_token_type"),
                        "Slack refused apps.connections.open: not_allowed_token_type (check SLACK_APP_TOKEN)"),
                Arguments.of(
                        "Slack refuses for another reason",
                        (Consumer<Stubs>) s -> s.slackError("apps.connections.open", "ratelimited"),
                        "Slack refused apps.connections.open: ratelimited"),
                Arguments.of(
                        "Slack answers HTTP 500",
                        (Consumer<Stubs>) s -> s.slack()
                                .stubFor(post(urlEqualTo("/api/apps.connections.open"))
                                        .willReturn(aResponse().withStatus(500))),
                        "apps.connections.open answered HTTP 500"),
                Arguments.of(
                        "the connection to Slack is reset",
                        (Consumer<Stubs>) s -> s.slack()
                                .stubFor(post(urlEqualTo("/api/apps.connections.open"))
                                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                        "apps.connections.open got no answer ("),
                Arguments.of(
                        "Slack refuses Bolt's own request for a URL",
                        (Consumer<Stubs>) s -> urlForTheBotThen(s, okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")),
                        "Bolt's Socket Mode client did not start: Failed to connect to the Socket Mode endpoint URL"
                                + " (error: invalid_auth)"),
                Arguments.of(
                        "Slack fails Bolt's own request for a URL",
                        (Consumer<Stubs>) s -> urlForTheBotThen(s, aResponse().withStatus(500)),
                        "Bolt's own apps.connections.open failed (Bolt logged why)"),
                Arguments.of(
                        "the WebSocket is refused",
                        (Consumer<Stubs>) s -> s.socketMode().rejectWebSockets(true),
                        "Slack gave a Socket Mode URL, but the WebSocket to it did not open"));
    }

    /** A URL for the bot's own {@code apps.connections.open}, then this answer to Bolt's. */
    private static void urlForTheBotThen(Stubs s, ResponseDefinitionBuilder boltGets) {
        s.slack()
                .stubFor(post(urlEqualTo("/api/apps.connections.open"))
                        .inScenario("Socket Mode URLs")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().proxiedFrom(s.socketMode().baseUrl()))
                        .willSetStateTo("the bot has one"));
        s.slack()
                .stubFor(post(urlEqualTo("/api/apps.connections.open"))
                        .inScenario("Socket Mode URLs")
                        .whenScenarioStateIs("the bot has one")
                        .willReturn(boltGets));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureIsSaidInOnePhrase(String name, Consumer<Stubs> slackFails, String said) {
        slackFails.accept(stubs);

        Optional<String> failure = connection.attempt(app, APP_TOKEN);

        assertThat(failure)
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith(said)
                        .doesNotContain(APP_TOKEN)
                        .doesNotContain("NullPointerException"));
        assertThat(connection.isConnected()).isFalse();
    }

    @Test
    void onceSlackAcceptsItIsConnectedUntilShutdown() {
        assertThat(connection.attempt(app, APP_TOKEN)).isEmpty();
        assertThat(connection.isConnected()).isTrue();
        assertThat(slackSocket.newestOpen()).isPresent();

        connection.stop(new ShutdownEvent());

        assertThat(connection.isConnected()).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> slackSocket.newestOpen().isEmpty());
    }

    @Test
    void shuttingDownEndsTheRetries() {
        slackSocket.refuseOpensWith("invalid_auth");
        connection.start(settings(), () -> app);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> slackSocket.refusedOpens().size() >= 2);

        connection.stop(new ShutdownEvent());
        int attempts = slackSocket.refusedOpens().size();

        await().during(SocketModeConnection.FIRST_RETRY.multipliedBy(4))
                .atMost(SocketModeConnection.FIRST_RETRY.multipliedBy(8))
                .until(() -> slackSocket.refusedOpens().size() == attempts);
    }

    private static SlackSettings settings() {
        return new SlackSettings() {
            @Override
            public Optional<String> signingSecret() {
                return Optional.empty();
            }

            @Override
            public String botToken() {
                return "xoxb-test-bot-token";
            }

            @Override
            public Optional<String> appToken() {
                return Optional.of(APP_TOKEN);
            }

            @Override
            public String apiUrl() {
                return stubs.slack().baseUrl() + "/api/";
            }
        };
    }
}
