package dev.revoketokenbot.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Sandbox mode as the sandbox's own endpoints read it. {@link SandboxSettings} decides, and when it
 * switches the sandbox on it sets both of these; the bot's rooms read neither.
 */
@ConfigMapping(prefix = "revoke")
public interface SandboxMode {

    /**
     * {@code REVOKE_SANDBOX}: true runs the bot against the stand-ins of this package; false keeps
     * dev mode from doing so by itself. Unset, dev mode with no Slack and no InfluxDB setting runs it.
     */
    @WithDefault("false")
    boolean sandbox();

    /** The sandbox page, e.g. {@code http://localhost:8080/sandbox}; set with sandbox mode. */
    Optional<String> sandboxUrl();
}
