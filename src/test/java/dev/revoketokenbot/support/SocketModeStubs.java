package dev.revoketokenbot.support;

import java.util.Map;
import java.util.Optional;

/**
 * {@link WireMockStubs} plus Slack's Socket Mode ({@link SocketModeServer}), to which the Slack
 * stub passes {@code apps.connections.open} on; tests reach it through {@link Stubs#socketMode()}.
 * With the argument {@link #REFUSE_OPENS_WITH}, {@code apps.connections.open} answers {@code
 * ok:false} with that error from the very first call, until the test calls {@link
 * SocketModeServer#acceptOpens()}.
 */
public class SocketModeStubs extends WireMockStubs {

    public static final String REFUSE_OPENS_WITH = "refuse-opens-with";

    private Optional<String> refusal = Optional.empty();

    @Override
    public void init(Map<String, String> initArgs) {
        refusal = Optional.ofNullable(initArgs.get(REFUSE_OPENS_WITH));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        SocketModeServer server = SocketModeServer.start();
        refusal.ifPresent(server::refuseOpensWith);
        stubs().playSocketMode(server);
        return config;
    }
}
