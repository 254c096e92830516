package dev.revoketokenbot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import dev.revoketokenbot.config.SlackSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The one Bolt {@link App}, built from configuration, with every listener registered here. */
public class BoltApp {

    static final String COMMAND = "/revoke-token";

    @Produces
    @Singleton
    App app(SlackSettings settings, Slack slack, RevokeTokenCommandListener command, RequestButtonListener buttons) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                .build();
        App app = new App(config, middleware(config)).asOAuthApp(false);
        app.command(COMMAND, command);
        for (String button : ActionIds.REQUEST_BUTTONS) {
            app.blockAction(button, buttons);
        }
        return app;
    }

    /**
     * Bolt's own middleware, in Bolt's order, but without request verification ({@link
     * SlackEventsResource} verifies the signature before the body is even parsed, and Socket Mode
     * traffic needs none) and without {@code auth.test} on the ack path ({@link BotTokenContext}).
     * Bolt's self-event filter is left out: the bot subscribes to no events.
     */
    private static List<Middleware> middleware(AppConfig config) {
        return List.of(
                new SSLCheck(config.getVerificationToken()), new BotTokenContext(config.getSingleTeamBotToken()));
    }
}
