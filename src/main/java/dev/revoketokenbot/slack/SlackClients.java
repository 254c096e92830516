package dev.revoketokenbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.revoketokenbot.config.SlackSettings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Slack SDK, pointed at {@code slack.api-url}, and a Web API client holding the bot token. */
public class SlackClients {

    @Produces
    @Singleton
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(base);
        // No proxy unless the platform sets one through the JVM; never a system default we did not choose.
        config.setProxyUrl(null);
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's own per-method call statistics: unused (Micrometer counts calls) and not free per call.
        config.getMethodsConfig().setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    void close(@Disposes Slack slack) throws Exception {
        slack.close();
    }

    @Produces
    @Singleton
    MethodsClient methods(Slack slack, SlackSettings settings) {
        return new SharedGsonMethodsClient(slack, settings.botToken());
    }
}
