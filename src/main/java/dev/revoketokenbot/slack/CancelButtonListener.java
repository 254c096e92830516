package dev.revoketokenbot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.revoketokenbot.revocation.RevocationService;
import jakarta.enterprise.context.ApplicationScoped;

/** The Cancel button: acks at once, then lets the revocation room decide and shows the outcome. */
@ApplicationScoped
public class CancelButtonListener implements BlockActionHandler {

    private final RevocationService revocations;
    private final ClickOutcomes outcomes;

    CancelButtonListener(RevocationService revocations, ClickOutcomes outcomes) {
        this.revocations = revocations;
        this.outcomes = outcomes;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload(), ActionIds.CANCEL);
        outcomes.afterAck(
                "cancel click",
                click,
                ctx,
                () -> revocations.cancel(click.value(), click.actor(), click.channel(), click.requestId()));
        return ctx.ack();
    }
}
