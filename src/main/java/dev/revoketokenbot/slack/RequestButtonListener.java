package dev.revoketokenbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.revoketokenbot.revocation.ClickOutcome;
import dev.revoketokenbot.revocation.RequestDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every button of a request message (Deactivate, Revoke, Reactivate, Cancel): acks at once; after the ack, one call to the
 * revocation room decides the click against the ledger, the deliveries that decision owes go out,
 * and the clicker hears, ephemerally, anything the message itself does not say.
 */
@ApplicationScoped
public class RequestButtonListener implements BlockActionHandler {

    private static final Logger LOG = Logger.getLogger(RequestButtonListener.class);

    private final RequestDecisions decisions;
    private final OutboxDelivery outbox;
    private final FollowUps followUps;
    private final SlackSignatures signatures;

    RequestButtonListener(
            RequestDecisions decisions, OutboxDelivery outbox, FollowUps followUps, SlackSignatures signatures) {
        this.decisions = decisions;
        this.signatures = signatures;
        this.outbox = outbox;
        this.followUps = followUps;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        // Over HTTP the resource refuses such clicks first; over Socket Mode this is the first look.
        Optional<String> missing = Click.missingPart(request.getPayload());
        if (missing.isPresent()) {
            LOG.warnf("Refused a click without %s", missing.get());
            return Response.builder().statusCode(400).build();
        }
        String actionId = request.getPayload().getActions().get(0).getActionId();
        Click click = Click.of(request.getPayload(), actionId);
        String signature = SlackSignatures.signatureOf(request);
        Runnable decide = () -> {
            if (signatures.isFirstSighting(signature, "click")) {
                show(decisions.decide(click.toDecide()), ctx);
            }
        };
        if (!followUps.decide(actionId, decide)) {
            followUps.tell("busy notice", () -> tell(ctx, ReplyTexts.busy()));
        }
        return ctx.ack();
    }

    private void show(ClickOutcome outcome, ActionContext ctx) {
        if (outcome instanceof ClickOutcome.Changed changed) {
            List<OutboxDelivery.NotYet> notYet = outbox.deliverNow(changed.deliveries());
            ClickReplies.afterChange(changed.request(), notYet).ifPresent(text -> tell(ctx, text));
        } else if (outcome instanceof ClickOutcome.Approved approved) {
            outbox.deliverNow(approved.deliveries());
            tell(ctx, ClickReplies.reply(outcome));
        } else if (outcome instanceof ClickOutcome.Failed failed) {
            outbox.deliverNow(failed.deliveries());
            tell(ctx, ClickReplies.reply(outcome));
        } else {
            tell(ctx, ClickReplies.reply(outcome));
        }
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
