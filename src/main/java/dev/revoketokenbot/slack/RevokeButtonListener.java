package dev.revoketokenbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.revoketokenbot.revocation.RevocationService;
import jakarta.enterprise.context.ApplicationScoped;

/** The Revoke button: acks at once, then lets the revocation room decide and shows the outcome. */
@ApplicationScoped
public class RevokeButtonListener implements BlockActionHandler {

    private final RevocationService revocations;
    private final ClickOutcomes outcomes;

    RevokeButtonListener(RevocationService revocations, ClickOutcomes outcomes) {
        this.revocations = revocations;
        this.outcomes = outcomes;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload(), ActionIds.REVOKE);
        outcomes.afterAck(
                "revoke click",
                click,
                ctx,
                () -> revocations.revoke(click.value(), click.actor(), click.channel(), click.requestId()));
        return ctx.ack();
    }
}
