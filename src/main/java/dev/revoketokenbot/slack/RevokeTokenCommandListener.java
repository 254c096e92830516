package dev.revoketokenbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.revoketokenbot.config.TargetCatalog;
import dev.revoketokenbot.revocation.LookupResult;
import dev.revoketokenbot.revocation.RequestOpening;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * {@code /revoke-token}: answers usage problems in the ack; otherwise acks at once and, after the
 * ack, looks the token up and posts the request message (or tells the requester why not).
 */
@ApplicationScoped
public class RevokeTokenCommandListener implements SlashCommandHandler {

    private static final Logger LOG = Logger.getLogger(RevokeTokenCommandListener.class);

    private final RequestOpening requests;
    private final SlackMessages messages;
    private final FollowUps followUps;
    private final SlackSignatures signatures;
    private final TargetCatalog catalog;

    RevokeTokenCommandListener(
            RequestOpening requests,
            SlackMessages messages,
            FollowUps followUps,
            SlackSignatures signatures,
            TargetCatalog catalog) {
        this.catalog = catalog;
        this.requests = requests;
        this.signatures = signatures;
        this.messages = messages;
        this.followUps = followUps;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        if (!requests.isChannelAllowed(payload.getChannelId())) {
            LOG.infof(
                    "Command from %s refused in channel %s: not an allowed channel",
                    payload.getUserId(), payload.getChannelId());
            return ctx.ack(ReplyTexts.channelNotAllowed());
        }
        CommandTargets targets = CommandTargets.of(catalog);
        ParsedCommand command = RevokeCommandParser.parse(payload.getText(), targets);
        if (command instanceof ParsedCommand.Usage usage) {
            return ctx.ack(ReplyTexts.usage(usage.problem()));
        }
        if (command instanceof ParsedCommand.ListTargets) {
            return ctx.ack(ReplyTexts.targets(targets));
        }
        ParsedCommand.Lookup lookup = (ParsedCommand.Lookup) command;
        String signature = SlackSignatures.signatureOf(request);
        Runnable lookUp = () -> {
            if (signatures.isFirstSighting(signature, "command")) {
                lookUpAndPost(lookup, payload, ctx);
            }
        };
        if (!followUps.run("lookup", lookUp)) {
            return ctx.ack(ReplyTexts.busy());
        }
        return ctx.ack(ReplyTexts.lookingUp(lookup.target()));
    }

    private void lookUpAndPost(ParsedCommand.Lookup lookup, SlashCommandPayload payload, SlashCommandContext ctx) {
        LookupResult result = requests.lookup(
                lookup.target(),
                new RequestOpening.Asked(payload.getUserId(), payload.getChannelId(), lookup.reason()));
        if (result instanceof LookupResult.NotFound notFound) {
            tellRequester(ctx, ReplyTexts.lookupFailed(notFound.failure(), lookup.target()));
            return;
        }
        LookupResult.Found found = (LookupResult.Found) result;
        SlackMessages.Sent sent = messages.post(
                payload.getChannelId(),
                RequestMessages.requestFallback(found.view()),
                RequestMessages.request(found.view()));
        if (sent.ok()) {
            requests.posted(found.request(), sent.ts());
        } else {
            requests.notPosted(found.request(), sent.error());
            tellRequester(ctx, ReplyTexts.notPosted(sent.error()));
        }
    }

    private static void tellRequester(SlashCommandContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").text(text));
        } catch (IOException e) {
            LOG.warnf(
                    "Could not reach the requester through response_url: %s",
                    e.getClass().getSimpleName());
        }
    }
}
