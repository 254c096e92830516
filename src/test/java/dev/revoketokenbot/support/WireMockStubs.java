package dev.revoketokenbot.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts WireMock twice on free loopback ports: once as the Slack Web API (and the response_url
 * endpoint), once as InfluxDB, whose traffic is checked against InfluxDB's contract. Points the bot
 * at both through {@code slack.api-url} and {@code influx.url}, with the credentials the tests sign
 * and check with. They come with the stand-ins rather than from application.properties, so a test
 * without them (the sandbox's) starts with no Slack or InfluxDB setting at all.
 */
public class WireMockStubs implements QuarkusTestResourceLifecycleManager {

    public static final String BOT_TOKEN = "xoxb-test-bot-token";
    public static final String INFLUX_TOKEN = "test-influx-operator-token";

    private Stubs stubs;

    @Override
    public Map<String, String> start() {
        stubs = Stubs.startOnLoopback();
        return Map.of(
                "slack.api-url",
                stubs.slack().baseUrl() + "/api/",
                "slack.signing-secret",
                SlackRequests.SIGNING_SECRET,
                "slack.bot-token",
                BOT_TOKEN,
                "influx.url",
                stubs.influx().baseUrl(),
                "influx.token",
                INFLUX_TOKEN);
    }

    /** The stubs started by {@link #start()}. */
    protected Stubs stubs() {
        return stubs;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectStubs.class, Stubs.class));
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.stop();
        }
    }
}
