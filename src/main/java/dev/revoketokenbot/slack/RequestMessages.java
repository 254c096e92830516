package dev.revoketokenbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.revoketokenbot.revocation.LookupResult;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.TokenSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages posted in the channel: the request with its buttons, what it becomes once decided,
 * and the audit message. Pure functions of their arguments; every user or InfluxDB string is
 * escaped, and cut to its share of Slack's limits ({@link SlackText}).
 */
final class RequestMessages {

    private RequestMessages() {}

    static List<LayoutBlock> request(LookupResult.Found found) {
        TokenSummary token = found.token();
        RevocationRequest request = found.request();
        List<TextObject> fields = new ArrayList<>(List.of(
                SlackText.field("*ID*\n" + Mrkdwn.code(token.id(), SlackText.ID)),
                SlackText.field("*Description*\n" + SlackText.orDash(token.description(), SlackText.DESCRIPTION)),
                SlackText.field("*User*\n" + SlackText.orDash(token.user(), SlackText.NAME)),
                SlackText.field("*Org*\n" + SlackText.orDash(token.org(), SlackText.NAME)),
                SlackText.field("*Status*\n" + SlackText.orDash(token.status(), SlackText.NAME)),
                SlackText.field("*Created*\n" + (token.createdAt() == null ? "-" : date(token.createdAt())))));
        List<LayoutBlock> blocks = new ArrayList<>(asBlocks(
                header(h -> h.text(plainText("Revoke InfluxDB API token?"))),
                section(s -> s.fields(fields)),
                section(s -> s.text(SlackText.section(
                        "*Permissions*\n" + Mrkdwn.code(token.permissions(), SlackText.PERMISSIONS))))));
        found.otherTokens()
                .ifPresent(others -> blocks.add(section(
                        s -> s.text(SlackText.section("User " + Mrkdwn.code(token.user(), SlackText.NAME) + " has "
                                + others + " other token" + (others == 1 ? "" : "s")
                                + "; only this one (their first) will be revoked.")))));
        blocks.add(section(s -> s.text(SlackText.section("*Requested by* " + Mrkdwn.user(request.requester())
                + "\n*Reason* " + SlackText.orDash(request.reason(), SlackText.REASON)
                + "\n*Expires* " + date(request.expiresAt())))));
        blocks.add(actions(a -> a.blockId(ActionIds.buttonsBlock(request.id()))
                .elements(asElements(
                        button(b -> b.actionId(ActionIds.REVOKE)
                                .text(plainText("Revoke"))
                                .style("danger")
                                .value(found.buttonValue())
                                .confirm(confirmationDialog(c -> c.title(plainText("Revoke this token?"))
                                        .text(SlackText.confirm("Token " + Mrkdwn.code(token.id(), SlackText.ID)
                                                + " stops working at once. This cannot be undone."))
                                        .confirm(plainText("Revoke"))
                                        .deny(plainText("Keep it"))
                                        .style("danger")))),
                        button(b -> b.actionId(ActionIds.CANCEL)
                                .text(plainText("Cancel"))
                                .value(found.buttonValue()))))));
        return blocks;
    }

    /** The notification text that goes with {@link #request}. */
    static String requestFallback(LookupResult.Found found) {
        return "Revoke request for InfluxDB token " + Mrkdwn.code(found.token().id(), SlackText.ID) + " from "
                + Mrkdwn.user(found.request().requester());
    }

    /** What a closed request's message becomes: what happened, by whom, when; no buttons. */
    static List<LayoutBlock> closed(RevocationRequest request) {
        return asBlocks(
                section(s -> s.text(SlackText.section(closedSummary(request)))),
                context(c -> c.elements(List.of(SlackText.context("Reason: "
                        + SlackText.orDash(request.reason(), SlackText.REASON) + " · request "
                        + Mrkdwn.code(request.id(), SlackText.ID))))));
    }

    static String closedSummary(RevocationRequest request) {
        String subject = subject(request);
        String when = request.decidedAt() == null ? "" : " at " + date(request.decidedAt());
        return switch (request.stage()) {
            case REVOKED ->
                ":no_entry: Token " + subject + " *revoked* by " + Mrkdwn.user(request.actor()) + ", requested by "
                        + Mrkdwn.user(request.requester()) + when + ". " + verification(request);
            case GONE ->
                "Token " + subject + " was *already gone* from InfluxDB when " + Mrkdwn.user(request.actor())
                        + " approved" + when + ": it was revoked outside this request, which deleted nothing.";
            case CANCELLED ->
                "Request to revoke " + subject + " *cancelled* by " + Mrkdwn.user(request.actor()) + when
                        + ". Nothing was changed.";
            case EXPIRED ->
                "Request to revoke " + subject + " *expired* at " + date(request.expiresAt())
                        + ". Nothing was changed; run `/revoke-token` again if it is still needed.";
            case OPEN, REVOKING, NOT_POSTED ->
                throw new IllegalArgumentException("request " + request.id() + " is not closed");
        };
    }

    /** One-line text for {@link #closed}, for notifications. */
    static String closedFallback(RevocationRequest request) {
        return "Request to revoke InfluxDB token " + Mrkdwn.code(request.authorizationId(), SlackText.ID)
                + " is closed.";
    }

    /** The channel record of a revocation. */
    static String record(RevocationRequest request) {
        return SlackText.record(":lock: Audit: InfluxDB token " + subject(request) + " revoked by "
                + Mrkdwn.user(request.actor()) + ", requested by " + Mrkdwn.user(request.requester()) + " in "
                + Mrkdwn.channel(request.channel()) + " at " + date(request.decidedAt()) + ". " + verification(request)
                + " Reason: " + SlackText.orDash(request.reason(), SlackText.REASON) + ". Request "
                + Mrkdwn.code(request.id(), SlackText.ID) + ".");
    }

    /** Said in the channel when a delete nobody could confirm turned out not to have taken effect. */
    static String notApplied(RevocationRequest request) {
        return SlackText.record(":warning: InfluxDB still has token " + subject(request) + ": the delete approved by "
                + Mrkdwn.user(request.actor()) + " did not take effect. Nothing was changed; the request is open again"
                + " and can be approved until " + date(request.expiresAt()) + ". Request "
                + Mrkdwn.code(request.id(), SlackText.ID) + ".");
    }

    private static String verification(RevocationRequest request) {
        return request.verified()
                ? "Verified: InfluxDB no longer has it."
                : "InfluxDB accepted the delete; it could not be read back to verify.";
    }

    private static String subject(RevocationRequest request) {
        String owner = request.owner() == null || request.owner().isEmpty()
                ? ""
                : " (user " + Mrkdwn.code(request.owner(), SlackText.NAME) + ")";
        return Mrkdwn.code(request.authorizationId(), SlackText.ID) + owner;
    }

    /** Slack renders this in the reader's time zone; the fallback is UTC. */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.truncatedTo(ChronoUnit.SECONDS)
                + ">";
    }
}
