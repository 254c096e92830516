package dev.revoketokenbot.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.revoketokenbot.config.SlackSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one Bolt {@link App}, built from configuration, with every listener registered here. */
public class BoltApp {

    static final String COMMAND = "/revoke-token";

    @Produces
    @Singleton
    App app(
            SlackSettings settings,
            Slack slack,
            RevokeTokenCommandListener command,
            RevokeButtonListener revoke,
            CancelButtonListener cancel) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                .build();
        App app = new App(config);
        app.command(COMMAND, command);
        app.blockAction(ActionIds.REVOKE, revoke);
        app.blockAction(ActionIds.CANCEL, cancel);
        return app;
    }
}
