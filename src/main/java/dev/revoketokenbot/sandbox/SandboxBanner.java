package dev.revoketokenbot.sandbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly, at start, that this is the sandbox, and where its page is. */
public class SandboxBanner {

    private static final Logger LOG = Logger.getLogger(SandboxBanner.class);

    void onStart(@Observes StartupEvent event, SandboxMode mode) {
        if (mode.sandbox()) {
            LOG.warn(banner(mode.sandboxUrl().orElseThrow()));
        }
    }

    static String banner(String url) {
        String rule = "=".repeat(78);
        return String.join(
                "\n",
                "",
                rule,
                "  SANDBOX MODE: this bot is talking to a fake Slack and a fake InfluxDB, both",
                "  inside this process. Nothing here is real. Never use sandbox mode in production.",
                "  Try it: " + url,
                rule);
    }
}
