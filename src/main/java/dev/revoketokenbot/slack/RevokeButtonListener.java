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
    private final FollowUps followUps;

    RevokeButtonListener(RevocationService revocations, ClickOutcomes outcomes, FollowUps followUps) {
        this.revocations = revocations;
        this.outcomes = outcomes;
        this.followUps = followUps;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Click click = Click.of(request.getPayload(), ActionIds.REVOKE);
        boolean started = followUps.run(
                "revoke click",
                () -> outcomes.show(
                        revocations.revoke(click.value(), click.actor(), click.channel(), click.requestId()),
                        click,
                        ctx));
        if (!started) {
            followUps.tell("busy notice", () -> ClickOutcomes.tell(ctx, ReplyTexts.busy()));
        }
        return ctx.ack();
    }
}
