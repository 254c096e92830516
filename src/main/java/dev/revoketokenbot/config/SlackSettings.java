package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the bot talks to Slack. Secrets have no defaults. */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    /** Verifies every HTTP request from Slack ({@code SLACK_SIGNING_SECRET}); required in HTTP mode. */
    Optional<String> signingSecret();

    /** The {@code xoxb-} bot token for the Web API ({@code SLACK_BOT_TOKEN}). */
    String botToken();

    /** The {@code xapp-} app-level token ({@code SLACK_APP_TOKEN}); when set, the bot runs in Socket Mode. */
    Optional<String> appToken();

    /** Web API base URL ({@code SLACK_API_URL}); tests and proxies point it elsewhere. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** True when Slack reaches the bot over Socket Mode rather than HTTP. */
    default boolean socketMode() {
        return appToken().filter(token -> !token.isBlank()).isPresent();
    }
}
