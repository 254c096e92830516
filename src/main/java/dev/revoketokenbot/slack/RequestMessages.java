package dev.revoketokenbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.revoketokenbot.revocation.LookupResult;
import dev.revoketokenbot.revocation.RequestState;
import dev.revoketokenbot.revocation.TokenSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages posted in the channel: the request with its buttons, what it becomes once decided,
 * and the audit message. Pure functions of their arguments; every user or InfluxDB string is
 * escaped.
 */
final class RequestMessages {

    private RequestMessages() {}

    static List<LayoutBlock> request(LookupResult.Found found) {
        TokenSummary token = found.token();
        RequestState state = found.state();
        List<TextObject> fields = new ArrayList<>(List.of(
                markdownText("*ID*\n" + Mrkdwn.code(token.id())),
                markdownText("*Description*\n" + orDash(token.description())),
                markdownText("*User*\n" + orDash(token.user())),
                markdownText("*Org*\n" + orDash(token.org())),
                markdownText("*Status*\n" + orDash(token.status())),
                markdownText("*Created*\n" + (token.createdAt() == null ? "-" : date(token.createdAt())))));
        List<LayoutBlock> blocks = new ArrayList<>(asBlocks(
                header(h -> h.text(plainText("Revoke InfluxDB API token?"))),
                section(s -> s.fields(fields)),
                section(s -> s.text(markdownText("*Permissions*\n" + Mrkdwn.code(token.permissions()))))));
        found.otherTokens()
                .ifPresent(others -> blocks.add(section(
                        s -> s.text(markdownText("User " + Mrkdwn.code(token.user()) + " has " + others + " other token"
                                + (others == 1 ? "" : "s") + "; only this one (their first) will be revoked.")))));
        blocks.add(section(s -> s.text(markdownText("*Requested by* " + Mrkdwn.user(state.requester())
                + "\n*Reason* " + orDash(state.reason())
                + "\n*Expires* " + date(state.expiresAt())))));
        blocks.add(actions(a -> a.blockId(ActionIds.buttonsBlock(state.requestId()))
                .elements(asElements(
                        button(b -> b.actionId(ActionIds.REVOKE)
                                .text(plainText("Revoke"))
                                .style("danger")
                                .value(found.sealedState())
                                .confirm(confirmationDialog(c -> c.title(plainText("Revoke this token?"))
                                        .text(markdownText("Token " + Mrkdwn.code(token.id())
                                                + " stops working at once. This cannot be undone."))
                                        .confirm(plainText("Revoke"))
                                        .deny(plainText("Keep it"))
                                        .style("danger")))),
                        button(b -> b.actionId(ActionIds.CANCEL)
                                .text(plainText("Cancel"))
                                .value(found.sealedState()))))));
        return blocks;
    }

    /** The notification text that goes with {@link #request}. */
    static String requestFallback(LookupResult.Found found) {
        return "Revoke request for InfluxDB token " + Mrkdwn.code(found.token().id()) + " from "
                + Mrkdwn.user(found.state().requester());
    }

    static List<LayoutBlock> revoked(RequestState state, String approver, Instant at) {
        return closed(
                ":no_entry: Token " + subject(state) + " *revoked* by " + Mrkdwn.user(approver) + ", requested by "
                        + Mrkdwn.user(state.requester()) + ", at " + date(at) + ".",
                state);
    }

    static List<LayoutBlock> cancelled(RequestState state, String actor, Instant at) {
        return closed(
                "Request to revoke " + subject(state) + " *cancelled* by " + Mrkdwn.user(actor) + " at " + date(at)
                        + ". Nothing was changed.",
                state);
    }

    static List<LayoutBlock> expired(RequestState state) {
        return closed(
                "Request to revoke " + subject(state) + " *expired* at " + date(state.expiresAt())
                        + ". Nothing was changed; run `/revoke-token` again if it is still needed.",
                state);
    }

    /** One-line text for {@link #revoked} and friends, for notifications. */
    static String closedFallback(RequestState state) {
        return "Request to revoke InfluxDB token " + Mrkdwn.code(state.authorizationId()) + " is closed.";
    }

    static String auditRevoked(RequestState state, String approver, Instant at) {
        return ":lock: Audit: InfluxDB token " + subject(state) + " revoked by " + Mrkdwn.user(approver)
                + ", requested by " + Mrkdwn.user(state.requester()) + " in " + Mrkdwn.channel(state.channel())
                + " at " + date(at) + ". Reason: " + orDash(state.reason()) + ". Request "
                + Mrkdwn.code(state.requestId())
                + ".";
    }

    private static List<LayoutBlock> closed(String summary, RequestState state) {
        return asBlocks(
                section(s -> s.text(markdownText(summary))),
                context(c -> c.elements(List.of(markdownText(
                        "Reason: " + orDash(state.reason()) + " · request " + Mrkdwn.code(state.requestId()))))));
    }

    private static String subject(RequestState state) {
        String owner =
                state.owner() == null || state.owner().isEmpty() ? "" : " (user " + Mrkdwn.code(state.owner()) + ")";
        return Mrkdwn.code(state.authorizationId()) + owner;
    }

    /** Slack renders this in the reader's time zone; the fallback is UTC. */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.truncatedTo(ChronoUnit.SECONDS)
                + ">";
    }

    /** Text from users or InfluxDB, inside a code span: no mentions, links, bold or italics can form. */
    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : Mrkdwn.code(text);
    }
}
