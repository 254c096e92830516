package dev.revoketokenbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.LayoutBlock;
import dev.revoketokenbot.revocation.ClickResult;
import dev.revoketokenbot.revocation.RequestState;
import dev.revoketokenbot.revocation.RevocationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Decides a click after its ack and shows the outcome: decided requests update the request message in place (and a
 * revocation posts an audit message); anything else is an ephemeral word to the clicker, and the
 * message stays. A Slack failure after a revocation is told to the approver: the revocation stands.
 */
@ApplicationScoped
public class ClickOutcomes {

    private static final Logger LOG = Logger.getLogger(ClickOutcomes.class);

    private final RevocationService revocations;
    private final SlackMessages messages;
    private final FollowUps followUps;

    ClickOutcomes(RevocationService revocations, SlackMessages messages, FollowUps followUps) {
        this.revocations = revocations;
        this.messages = messages;
        this.followUps = followUps;
    }

    /**
     * Runs {@code decide} after the ack and shows its outcome; when no follow-up can start, tells the
     * clicker so, and nothing is decided.
     */
    void afterAck(String what, Click click, ActionContext ctx, Supplier<ClickResult> decide) {
        if (!followUps.run(what, () -> show(decide.get(), click, ctx))) {
            followUps.tell("busy notice", () -> tell(ctx, ReplyTexts.busy()));
        }
    }

    private void show(ClickResult result, Click click, ActionContext ctx) {
        if (result instanceof ClickResult.Revoked r) {
            updateRequest(click, r.state(), RequestMessages.revoked(r.state(), r.actor(), r.at()))
                    .ifPresent(error -> tell(
                            ctx,
                            "The token is revoked, but I could not update the request message" + " (`"
                                    + Mrkdwn.escape(error) + "`)."));
            String auditChannel = revocations.auditChannel(r.state());
            messages.post(auditChannel, RequestMessages.auditRevoked(r.state(), r.actor(), r.at()))
                    .ifPresent(error -> tell(
                            ctx,
                            "The token is revoked, but I could not post the audit message to "
                                    + Mrkdwn.channel(auditChannel) + " (`" + Mrkdwn.escape(error) + "`)."));
        } else if (result instanceof ClickResult.Cancelled c) {
            updateRequest(click, c.state(), RequestMessages.cancelled(c.state(), c.actor(), c.at()))
                    .ifPresent(error -> tell(
                            ctx,
                            "The request is cancelled, but I could not update its message" + " (`"
                                    + Mrkdwn.escape(error) + "`)."));
        } else if (result instanceof ClickResult.Expired e) {
            updateRequest(click, e.state(), RequestMessages.expired(e.state()));
            tell(
                    ctx,
                    "This request expired at " + RequestMessages.date(e.state().expiresAt())
                            + "; nothing was changed. Run `/revoke-token` again if it is still needed.");
        } else {
            tell(ctx, reply(result));
        }
    }

    /** The ephemeral answer for outcomes that leave the request message as it is. */
    static String reply(ClickResult result) {
        if (result instanceof ClickResult.AlreadyRevoked a) {
            return "Token " + Mrkdwn.code(a.state().authorizationId()) + " is already revoked; nothing more to do.";
        } else if (result instanceof ClickResult.InProgress) {
            return "This request is already being handled.";
        } else if (result instanceof ClickResult.AlreadyCancelled) {
            return "This request was already cancelled.";
        } else if (result instanceof ClickResult.Refused r) {
            return ReplyTexts.refusal(r.reason());
        } else if (result instanceof ClickResult.Failed f) {
            return ReplyTexts.failure(
                            f.failure(),
                            "authorization " + Mrkdwn.code(f.state().authorizationId())) + " The request stays open.";
        }
        return ReplyTexts.tampered();
    }

    /** Replaces the request message; returns Slack's error when it could not. */
    private Optional<String> updateRequest(Click click, RequestState state, List<LayoutBlock> blocks) {
        return messages.update(click.channel(), click.messageTs(), RequestMessages.closedFallback(state), blocks);
    }

    /** An ephemeral message to the clicker only, leaving the request message as it is. */
    private static void tell(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (IOException e) {
            LOG.warnf(
                    "Could not reach the clicker through response_url: %s",
                    e.getClass().getSimpleName());
        }
    }
}
