package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.ClickOutcome;
import dev.revoketokenbot.revocation.DeliveryKind;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the clicker hears, ephemerally, about their click: pure functions of its outcome. */
final class ClickReplies {

    private ClickReplies() {}

    /** After a click changed the request: anything its message does not say, or empty. */
    static Optional<String> afterChange(RevocationRequest request, List<OutboxDelivery.NotYet> notYet) {
        List<String> said = new ArrayList<>();
        if (request.stage() == Stage.EXPIRED) {
            said.add(expired(request));
        } else if (request.stage() == Stage.GONE) {
            said.add("Token " + Mrkdwn.code(request.authorizationId())
                    + " is already revoked: InfluxDB no longer had it, so nothing more was done.");
        }
        for (OutboxDelivery.NotYet late : notYet) {
            String what = late.delivery().kind() == DeliveryKind.RECORD
                    ? "post the record to " + Mrkdwn.channel(late.delivery().channel())
                    : "update the request message";
            said.add(done(request) + ", but Slack did not let me " + what + " (`" + Mrkdwn.escape(late.error()) + "`). "
                    + (late.isFinal() ? "Slack says trying again cannot help." : "I will keep trying until it does."));
        }
        return said.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", said));
    }

    /** The answer to a click that left the request as it was. */
    static String reply(ClickOutcome outcome) {
        if (outcome instanceof ClickOutcome.AlreadyClosed closed) {
            return alreadyClosed(closed.request());
        } else if (outcome instanceof ClickOutcome.InProgress held) {
            return "This request is already being handled: "
                    + Mrkdwn.user(held.request().actor())
                    + " approved it and I am deleting token "
                    + Mrkdwn.code(held.request().authorizationId())
                    + " or checking with InfluxDB whether it is gone.";
        } else if (outcome instanceof ClickOutcome.Refused refused) {
            return ReplyTexts.refusal(refused.reason());
        } else if (outcome instanceof ClickOutcome.UnknownRequest) {
            return "I have no record of this request, so nothing was done. Start a new one with `/revoke-token`.";
        } else if (outcome instanceof ClickOutcome.Failed failed) {
            return ReplyTexts.failure(
                            failed.failure(),
                            "authorization " + Mrkdwn.code(failed.request().authorizationId()))
                    + " The request stays open.";
        } else if (outcome instanceof ClickOutcome.Unconfirmed unconfirmed) {
            return "InfluxDB did not confirm the delete of token "
                    + Mrkdwn.code(unconfirmed.request().authorizationId())
                    + " and could not be read back, so I can't tell yet whether it is revoked: do not assume it is."
                    + " I will keep asking InfluxDB and post the outcome in this channel.";
        } else if (outcome instanceof ClickOutcome.LedgerDown) {
            return "The request ledger is unavailable, so your click was not decided and nothing was changed."
                    + " Try again shortly.";
        } else if (outcome instanceof ClickOutcome.Changed changed) {
            return afterChange(changed.request(), List.of()).orElse("Done.");
        }
        return ReplyTexts.tampered();
    }

    private static String alreadyClosed(RevocationRequest request) {
        String by = request.actor() == null ? "" : " by " + Mrkdwn.user(request.actor());
        String when = request.decidedAt() == null ? "" : " at " + RequestMessages.date(request.decidedAt());
        return switch (request.stage()) {
            case REVOKED ->
                "Token " + Mrkdwn.code(request.authorizationId()) + " is already revoked" + by + when
                        + "; nothing more to do.";
            case GONE ->
                "Token " + Mrkdwn.code(request.authorizationId()) + " is already revoked: it was gone from InfluxDB"
                        + " when" + by + " approved" + when + ". Nothing more to do.";
            case CANCELLED -> "This request was already cancelled" + by + when + "; nothing was changed.";
            case EXPIRED -> expired(request);
            case NOT_POSTED -> "This request's message never reached the channel, so nothing was done.";
            case OPEN, REVOKING -> throw new IllegalArgumentException("request " + request.id() + " is not closed");
        };
    }

    private static String expired(RevocationRequest request) {
        return "This request expired at " + RequestMessages.date(request.expiresAt())
                + "; nothing was changed. Run `/revoke-token` again if it is still needed.";
    }

    private static String done(RevocationRequest request) {
        return switch (request.stage()) {
            case REVOKED -> "The token is revoked";
            case CANCELLED -> "The request is cancelled";
            default -> "The request is closed";
        };
    }
}
