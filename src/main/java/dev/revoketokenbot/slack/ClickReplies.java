package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.ClickOutcome;
import dev.revoketokenbot.revocation.DeliveryKind;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            said.add("Token " + Mrkdwn.code(request.tokenId())
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
            return inProgress(held.request());
        } else if (outcome instanceof ClickOutcome.Approved approved) {
            return "Your approval to " + verb(approved.intent()) + " token "
                    + Mrkdwn.code(approved.request().tokenId()) + " is counted: "
                    + approved.approvers().size() + " of " + approved.needed() + ". Nothing changes until "
                    + approved.needed() + " approvers agree.";
        } else if (outcome instanceof ClickOutcome.AlreadyApproved again) {
            return "You already approved to " + verb(again.intent()) + " this token, and an approval counts once: "
                    + again.approvers().size() + " of " + again.needed() + " so far. Another approver must click.";
        } else if (outcome instanceof ClickOutcome.Refused refused) {
            return ReplyTexts.refusal(refused.reason());
        } else if (outcome instanceof ClickOutcome.UnknownRequest) {
            return "I have no record of this request, so nothing was done. Start a new one with `/revoke-token`.";
        } else if (outcome instanceof ClickOutcome.Failed failed) {
            return ReplyTexts.failure(
                            failed.failure(),
                            "token " + Mrkdwn.code(failed.request().tokenId()) + " on target "
                                    + Mrkdwn.code(failed.request().target()))
                    + " The request stays open.";
        } else if (outcome instanceof ClickOutcome.Unconfirmed unconfirmed) {
            RevocationRequest request = unconfirmed.request();
            String change = switch (request.stage()) {
                case DEACTIVATING -> "deactivation";
                case REACTIVATING -> "reactivation";
                default -> "delete";
            };
            String result = switch (request.stage()) {
                case DEACTIVATING -> "deactivated";
                case REACTIVATING -> "active again";
                default -> "revoked";
            };
            return "InfluxDB did not confirm the " + change + " of token " + Mrkdwn.code(request.tokenId())
                    + " and could not be read back, so I can't tell yet whether it is " + result
                    + ": do not assume it is. I will keep asking InfluxDB and post the outcome in this channel.";
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
                "Token " + Mrkdwn.code(request.tokenId()) + " is already revoked" + by + when + "; nothing more to do.";
            case GONE ->
                "Token " + Mrkdwn.code(request.tokenId()) + " is already revoked: it was gone from InfluxDB" + " when"
                        + by + " approved" + when + ". Nothing more to do.";
            case CANCELLED -> "This request was already cancelled" + by + when + "; nothing was changed.";
            case REACTIVATED ->
                "Token " + Mrkdwn.code(request.tokenId()) + " was already reactivated" + by + when
                        + "; this request is closed. Start a new one with `/revoke-token` if it is needed again.";
            case EXPIRED -> expired(request);
            case NOT_POSTED -> "This request's message never reached the channel, so nothing was done.";
            case OPEN, DEACTIVATING, DEACTIVATED, KEPT_DEACTIVATED, REACTIVATING, REVOKING ->
                throw new IllegalArgumentException("request " + request.id() + " is not closed");
        };
    }

    private static String expired(RevocationRequest request) {
        return "This request expired at " + RequestMessages.date(request.expiresAt())
                + "; nothing was changed. Run `/revoke-token` again if it is still needed.";
    }

    private static String done(RevocationRequest request) {
        return switch (request.stage()) {
            case REVOKED -> "The token is revoked";
            case DEACTIVATED, KEPT_DEACTIVATED -> "The token is deactivated";
            case REACTIVATED -> "The token is active again";
            case CANCELLED -> "The request is cancelled";
            case OPEN -> "Your approval is counted";
            default -> "The request is closed";
        };
    }

    private static String inProgress(RevocationRequest request) {
        String token = Mrkdwn.code(request.tokenId());
        String approver = Mrkdwn.user(request.actor());
        return switch (request.stage()) {
            case REVOKING ->
                "This request is already being handled: " + approver + " approved it and I am deleting token " + token
                        + " or checking with InfluxDB whether it is gone.";
            case DEACTIVATING ->
                "This request is already being handled: " + approver + " approved deactivating token " + token
                        + ", and I am checking with InfluxDB that it took effect.";
            case REACTIVATING ->
                "This request is already being handled: " + approver + " approved reactivating token " + token
                        + ", and I am checking with InfluxDB that it took effect.";
            default ->
                "This request kept changing while I decided your click (other approvers were acting), so your click"
                        + " did nothing. Look at the message as it is now and click again if still needed.";
        };
    }

    private static String verb(Intent intent) {
        return intent.name().toLowerCase(Locale.ROOT);
    }
}
