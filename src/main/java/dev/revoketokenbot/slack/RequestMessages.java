package dev.revoketokenbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.AuditEvent;
import dev.revoketokenbot.revocation.AuditOutcome;
import dev.revoketokenbot.revocation.DecisionRecord;
import dev.revoketokenbot.revocation.RequestView;
import dev.revoketokenbot.revocation.RequestView.Progress;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import dev.revoketokenbot.revocation.TokenSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The messages posted in the channel: the request with its buttons, what it becomes once decided,
 * and the audit message. Pure functions of their arguments; every user or InfluxDB string is
 * escaped, and cut to its share of Slack's limits ({@link SlackText}).
 */
final class RequestMessages {

    private RequestMessages() {}

    /**
     * The request message while the request is open, held or deactivated: what it is about, who
     * asked, where it stands, the approvals gathered, and the buttons its stage offers.
     */
    static List<LayoutBlock> request(RequestView view) {
        TokenSummary token = view.token();
        RevocationRequest request = view.request();
        TargetKind kind = token.targetKind();
        List<TextObject> fields = new ArrayList<>(List.of(
                SlackText.field(idLabel(kind) + "\n" + Mrkdwn.code(token.id(), SlackText.ID)),
                SlackText.field("*Target*\n" + Mrkdwn.code(request.target(), SlackText.NAME) + " · " + kind.label()),
                SlackText.field("*Description*\n" + SlackText.orDash(token.description(), SlackText.DESCRIPTION))));
        if (kind.hasUsers()) {
            fields.add(SlackText.field("*User*\n" + SlackText.orDash(token.user(), SlackText.NAME)));
            fields.add(SlackText.field("*Org*\n" + SlackText.orDash(token.org(), SlackText.NAME)));
        }
        fields.add(SlackText.field("*Status*\n" + SlackText.orDash(status(view), SlackText.NAME)));
        fields.add(SlackText.field("*Created*\n" + (token.createdAt() == null ? "-" : date(token.createdAt()))));
        if (token.expiresAt() != null) {
            fields.add(SlackText.field("*Token expires*\n" + date(token.expiresAt())));
        }
        List<LayoutBlock> blocks = new ArrayList<>(asBlocks(
                header(h -> h.text(plainText(heading(request.stage())))),
                section(s -> s.fields(fields)),
                section(s -> s.text(SlackText.section(
                        "*Permissions*\n" + Mrkdwn.code(token.permissions(), SlackText.PERMISSIONS))))));
        view.otherTokens()
                .ifPresent(others -> blocks.add(section(
                        s -> s.text(SlackText.section("User " + Mrkdwn.code(token.user(), SlackText.NAME) + " has "
                                + others + " other token" + (others == 1 ? "" : "s")
                                + "; only this one (their first) is part of this request.")))));
        blocks.add(section(s -> s.text(SlackText.section("*Requested by* " + Mrkdwn.user(request.requester())
                + "\n*Reason* " + SlackText.orDash(request.reason(), SlackText.REASON)
                + "\n*Expires* " + date(request.expiresAt())))));
        standing(view).ifPresent(text -> blocks.add(section(s -> s.text(SlackText.section(text)))));
        List<String> progress = new ArrayList<>();
        if (request.stage() == Stage.OPEN) {
            view.deactivate().filter(Progress::isCounted).ifPresent(p -> progress.add(progress("Deactivate", p)));
        }
        if (view.revoke().isCounted()) {
            progress.add(progress("Revoke", view.revoke()));
        }
        if (!progress.isEmpty() && !request.stage().isHeld()) {
            blocks.add(context(c -> c.elements(List.of(SlackText.context(String.join("\n", progress))))));
        }
        List<BlockElement> buttons = buttons(view);
        if (!buttons.isEmpty()) {
            blocks.add(
                    actions(a -> a.blockId(ActionIds.buttonsBlock(request.id())).elements(buttons)));
        }
        return blocks;
    }

    /** What the token's handle is called on a target of this kind. */
    private static String idLabel(TargetKind kind) {
        return switch (kind) {
            case V2 -> "*ID*";
            case V3 -> "*Token name*";
            case DEDICATED, CLUSTERED -> "*Token ID*";
        };
    }

    private static String heading(Stage stage) {
        return stage.isDeactivated() || stage == Stage.REACTIVATING
                ? "InfluxDB API token deactivated"
                : "Revoke InfluxDB API token?";
    }

    /** The token's status as the request stands: deactivated once this request deactivated it. */
    private static String status(RequestView view) {
        Stage stage = view.request().stage();
        return stage.isDeactivated() || stage == Stage.REACTIVATING
                ? "inactive"
                : view.token().status();
    }

    /** What has happened to an open request so far, when anything has. */
    private static Optional<String> standing(RequestView view) {
        RevocationRequest request = view.request();
        String deactivated = view.deactivation()
                .map(d -> ":pause_button: *Deactivated* by " + Mrkdwn.user(d.actor()) + " at " + date(d.at()) + ". "
                        + ("verified".equals(d.reason())
                                ? "Verified: InfluxDB shows it inactive and refuses it."
                                : "InfluxDB accepted the change; it could not be read back to verify."))
                .orElse(":pause_button: *Deactivated*.");
        String by = Mrkdwn.user(request.actor());
        return switch (request.stage()) {
            case DEACTIVATED ->
                Optional.of(
                        deactivated + " Reversible: *Reactivate* makes it work again; *Revoke* deletes it for good.");
            case KEPT_DEACTIVATED ->
                Optional.of(deactivated + " The request expired at " + date(request.expiresAt())
                        + ": the token *stays deactivated*. Approvers can still *Reactivate* or *Revoke* it.");
            case DEACTIVATING -> Optional.of(":hourglass: Deactivating now: approved by " + by + ".");
            case REACTIVATING -> Optional.of(":hourglass: Reactivating now: approved by " + by + ".");
            case REVOKING -> Optional.of(":hourglass: Revoking now: approved by " + by + ".");
            default -> Optional.empty();
        };
    }

    private static String progress(String action, Progress progress) {
        String who = progress.approvers().stream().map(Mrkdwn::user).collect(Collectors.joining(", "));
        return "*" + action + "*: " + progress.approvers().size() + " of " + progress.needed() + " approvals"
                + (who.isEmpty() ? "" : ": " + who);
    }

    /** The buttons the request's stage offers; none while a click holds it. */
    private static List<BlockElement> buttons(RequestView view) {
        Stage stage = view.request().stage();
        String id = Mrkdwn.code(view.token().id(), SlackText.ID);
        List<BlockElement> buttons = new ArrayList<>();
        if (stage == Stage.OPEN && view.deactivate().isPresent()) {
            buttons.add(button(b -> b.actionId(ActionIds.DEACTIVATE)
                    .text(plainText("Deactivate"))
                    .style("primary")
                    .value(view.buttonValue())
                    .confirm(confirmationDialog(c -> c.title(plainText("Deactivate this token?"))
                            .text(SlackText.confirm(
                                    "InfluxDB refuses token " + id + " at once. Reversible: it can be reactivated."))
                            .confirm(plainText("Deactivate"))
                            .deny(plainText("Not yet"))))));
        }
        if (stage == Stage.OPEN || stage.isDeactivated()) {
            buttons.add(button(b -> b.actionId(ActionIds.REVOKE)
                    .text(plainText("Revoke"))
                    .style("danger")
                    .value(view.buttonValue())
                    .confirm(confirmationDialog(c -> c.title(plainText("Revoke this token?"))
                            .text(SlackText.confirm(
                                    "Token " + id + " is deleted and stops working at once. This cannot be undone."))
                            .confirm(plainText("Revoke"))
                            .deny(plainText("Keep it"))
                            .style("danger")))));
        }
        if (stage.isDeactivated()) {
            buttons.add(button(b -> b.actionId(ActionIds.REACTIVATE)
                    .text(plainText("Reactivate"))
                    .value(view.buttonValue())
                    .confirm(confirmationDialog(c -> c.title(plainText("Reactivate this token?"))
                            .text(SlackText.confirm("Token " + id + " works again at once."))
                            .confirm(plainText("Reactivate"))
                            .deny(plainText("Keep it off"))))));
        }
        if (stage == Stage.OPEN) {
            buttons.add(button(
                    b -> b.actionId(ActionIds.CANCEL).text(plainText("Cancel")).value(view.buttonValue())));
        }
        return buttons;
    }

    /** The notification text that goes with {@link #request}. */
    static String requestFallback(RequestView view) {
        String token = Mrkdwn.code(view.token().id(), SlackText.ID);
        return view.request().stage().isDeactivated()
                ? "InfluxDB token " + token + " is deactivated; approvers may reactivate or revoke it"
                : "Revoke request for InfluxDB token " + token + " from "
                        + Mrkdwn.user(view.request().requester());
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
            case REACTIVATED ->
                ":arrow_forward: Token " + subject + " *reactivated* by " + Mrkdwn.user(request.actor()) + when
                        + ": it works again, as before this request. "
                        + (request.verified()
                                ? "Verified: InfluxDB shows it active."
                                : "InfluxDB accepted the change; it could not be read back to verify.");
            case CANCELLED ->
                "Request to revoke " + subject + " *cancelled* by " + Mrkdwn.user(request.actor()) + when
                        + ". Nothing was changed.";
            case EXPIRED ->
                "Request to revoke " + subject + " *expired* at " + date(request.expiresAt())
                        + ". Nothing was changed; run `/revoke-token` again if it is still needed.";
            case OPEN, DEACTIVATING, DEACTIVATED, KEPT_DEACTIVATED, REACTIVATING, REVOKING, NOT_POSTED ->
                throw new IllegalArgumentException("request " + request.id() + " is not closed");
        };
    }

    /** One-line text for {@link #closed}, for notifications. */
    static String closedFallback(RevocationRequest request) {
        return "Request to revoke InfluxDB token " + Mrkdwn.code(request.tokenId(), SlackText.ID) + " on "
                + Mrkdwn.code(request.target(), SlackText.NAME) + " is closed.";
    }

    /** The channel record of a decision that changed the request's stage. */
    static String record(RevocationRequest request, DecisionRecord decision) {
        String by = decision.actor() == null ? "" : " by " + Mrkdwn.user(decision.actor());
        String token = "InfluxDB token " + subject(request);
        boolean verified = "verified".equals(decision.reason());
        String what = switch (decision.outcome()) {
            case REVOKED -> ":lock: Audit: " + token + " revoked" + by;
            case DEACTIVATED -> ":pause_button: Audit: " + token + " deactivated (reversible)" + by;
            case REACTIVATED -> ":arrow_forward: Audit: " + token + " reactivated" + by;
            case ALREADY_GONE -> "Audit: " + token + " was already gone; this request changed nothing";
            case CANCELLED -> "Audit: request for " + token + " cancelled" + by + "; nothing was changed";
            case EXPIRED -> "Audit: request for " + token + " expired; nothing was changed";
            case KEPT_DEACTIVATED ->
                ":pause_button: Audit: request for " + token + " expired; the token stays deactivated, and"
                        + " approvers can still reactivate or revoke it";
            default -> "Audit: request for " + token + ": " + decision.outcome() + by;
        };
        String check = switch (decision.outcome()) {
            case REVOKED ->
                verified
                        ? " Verified: InfluxDB no longer has it."
                        : " InfluxDB accepted the delete; it could not be read back to verify.";
            case DEACTIVATED -> verified ? " Verified: InfluxDB shows it inactive." : "";
            case REACTIVATED -> verified ? " Verified: InfluxDB shows it active." : "";
            default -> "";
        };
        return SlackText.record(what + ", requested by " + Mrkdwn.user(request.requester()) + " in "
                + Mrkdwn.channel(request.channel()) + " at " + date(decision.at()) + "." + check + " Reason: "
                + SlackText.orDash(request.reason(), SlackText.REASON) + ". Request "
                + Mrkdwn.code(request.id(), SlackText.ID) + ".");
    }

    /** The channel record of a request closed as revoked, for deliveries planned before records named their decision. */
    static String record(RevocationRequest request) {
        return record(
                request,
                new DecisionRecord(
                        AuditEvent.REVOKE,
                        request.actor(),
                        AuditOutcome.REVOKED,
                        request.verified() ? "verified" : "not_read_back",
                        0,
                        request.decidedAt()));
    }

    /** Said in the channel when a change nobody could confirm turned out not to have taken effect. */
    static String notApplied(RevocationRequest request, DecisionRecord decision) {
        String change = decision == null
                ? "delete"
                : switch (decision.event()) {
                    case DEACTIVATE -> "deactivation";
                    case REACTIVATE -> "reactivation";
                    default -> "delete";
                };
        String actor = decision == null ? request.actor() : decision.actor();
        String state = request.stage().isDeactivated() ? "deactivated" : "active";
        return SlackText.record(":warning: InfluxDB shows token " + subject(request) + " still " + state + ": the "
                + change + " approved by " + Mrkdwn.user(actor) + " did not take effect. Nothing was changed; the"
                + " request is open again for approvers. Request " + Mrkdwn.code(request.id(), SlackText.ID) + ".");
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
        return Mrkdwn.code(request.tokenId(), SlackText.ID) + owner + " on "
                + Mrkdwn.code(request.target(), SlackText.NAME);
    }

    /** Slack renders this in the reader's time zone; the fallback is UTC. */
    static String date(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + at.truncatedTo(ChronoUnit.SECONDS)
                + ">";
    }
}
