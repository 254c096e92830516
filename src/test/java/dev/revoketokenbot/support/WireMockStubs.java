package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts WireMock twice on free loopback ports: once as the Slack Web API (and the response_url
 * endpoint), once as InfluxDB, whose traffic is checked against InfluxDB's contract. Points the bot
 * at both through {@code slack.api-url} and {@code influx.url}.
 */
public class WireMockStubs implements QuarkusTestResourceLifecycleManager {

    private WireMockServer slack;
    private WireMockServer influx;
    private Stubs stubs;

    @Override
    public Map<String, String> start() {
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        influx = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        influx.start();
        InfluxContract contract = new InfluxContract();
        influx.addMockServiceRequestListener(contract::check);
        stubs = new Stubs(slack, influx, contract);
        stubs.reset();
        return Map.of("slack.api-url", slack.baseUrl() + "/api/", "influx.url", influx.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectStubs.class, Stubs.class));
    }

    @Override
    public void stop() {
        if (slack != null) {
            slack.stop();
        }
        if (influx != null) {
            influx.stop();
        }
    }
}
