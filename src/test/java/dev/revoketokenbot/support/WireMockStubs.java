package dev.revoketokenbot.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts WireMock twice on free loopback ports: once as the Slack Web API (and the response_url
 * endpoint), once as InfluxDB, whose traffic is checked against InfluxDB's contract. Points the bot
 * at both through {@code slack.api-url} and {@code influx.url}.
 */
public class WireMockStubs implements QuarkusTestResourceLifecycleManager {

    private Stubs stubs;

    @Override
    public Map<String, String> start() {
        stubs = Stubs.startOnLoopback();
        return Map.of(
                "slack.api-url",
                stubs.slack().baseUrl() + "/api/",
                "influx.url",
                stubs.influx().baseUrl());
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
