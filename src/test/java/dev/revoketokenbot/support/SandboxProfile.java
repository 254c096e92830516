package dev.revoketokenbot.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The bot in sandbox mode, as {@code REVOKE_SANDBOX=true} starts it: no Slack or InfluxDB setting at
 * all (the sandbox's tests use no WireMock), on a free port chosen once per run. Not port 0 (any),
 * as the other tests use: the bot reaches its stand-ins on its own port, so it must know it before
 * it starts.
 */
public class SandboxProfile implements QuarkusTestProfile {

    private static final String PORT = Integer.toString(freePort());

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("revoke.sandbox", "true", "quarkus.http.test-port", PORT);
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
