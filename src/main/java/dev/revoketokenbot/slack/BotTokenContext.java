package dev.revoketokenbot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Bolt's authorization step for a single-workspace app, without the Web API on the ack path.
 * Bolt's own ({@code SingleTeamAuthorization}) calls {@code auth.test} before any listener runs:
 * a slow answer delayed the ack past Slack's 3 seconds, an {@code ok:false} was cached for 10
 * minutes (every request then got 401), and with the Web API down even {@code help} failed. The
 * bot needs nothing from {@code auth.test}: requests are trusted for their signature (or the Socket
 * Mode connection), and the bot token is configured. So this only hands the token to the context.
 */
final class BotTokenContext implements Middleware {

    private final String botToken;

    BotTokenContext(String botToken) {
        this.botToken = botToken;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        request.getContext().setBotToken(botToken);
        return chain.next(request);
    }
}
