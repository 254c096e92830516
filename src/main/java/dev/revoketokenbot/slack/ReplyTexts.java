package dev.revoketokenbot.slack;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.Decision;
import dev.revoketokenbot.revocation.Failure;
import dev.revoketokenbot.revocation.TokenQuery;

/** The ephemeral answers to the person who acted: usage, and why something did not happen. */
final class ReplyTexts {

    /** Angle brackets are escaped: raw, Slack would read {@code <name>} as a link. */
    static final String USAGE = "*Usage*\n"
            + "`/revoke-token &lt;authorization-id&gt; [--reason &lt;text&gt;]`: revoke one InfluxDB API token by its ID\n"
            + "`/revoke-token --user &lt;name&gt; [--reason &lt;text&gt;]` (or `user:&lt;name&gt;`): revoke that user's"
            + " first token\n"
            + "`/revoke-token --target &lt;name&gt; ...` (or `target:&lt;name&gt;`): on that InfluxDB target\n"
            + "`/revoke-token --target &lt;name&gt; name:&lt;token-name&gt;`: an InfluxDB 3 token, by its name\n"
            + "`/revoke-token targets`: the InfluxDB targets this bot knows\n"
            + "`/revoke-token help`: this text\n"
            + "An approver other than you must click *Revoke* before anything changes.";

    private ReplyTexts() {}

    static String usage(String problem) {
        return problem.isEmpty() ? USAGE : problem + "\n\n" + USAGE;
    }

    static String channelNotAllowed() {
        return "`/revoke-token` is not enabled in this channel. Use it in one of the incident channels your"
                + " platform team configured.";
    }

    /** The answer to {@code /revoke-token targets}: names and kinds, never a URL or a token. */
    static String targets(CommandTargets targets) {
        return "*InfluxDB targets*: " + targets.listed() + "."
                + targets.defaultName()
                        .map(name -> " Without `--target`, " + Mrkdwn.code(name) + " is used.")
                        .orElse(" Name one with `--target &lt;name&gt;`.");
    }

    static String lookingUp(TokenQuery target) {
        return "Looking up " + describe(target) + " in InfluxDB…";
    }

    static String lookupFailed(Failure failure, TokenQuery target) {
        return failure(failure, describe(target));
    }

    /** The follow-up queue is full: the command or click was not started. */
    static String busy() {
        return "The bot has too much work waiting right now, so it did not start this. Nothing was changed;"
                + " try again in a minute.";
    }

    static String notPosted(String slackError) {
        if ("not_in_channel".equals(slackError) || "channel_not_found".equals(slackError)) {
            return "I can't post in this channel (`" + slackError + "`): invite me with `/invite @revoke-token-bot`"
                    + " and run the command again. Nothing was changed.";
        }
        if ("ratelimited".equals(slackError)) {
            return "Slack is rate limiting the bot right now, so the request was not posted. Nothing was changed;"
                    + " try again in a minute.";
        }
        return "Slack did not take the request message (`" + Mrkdwn.escape(slackError) + "`). Nothing was changed;"
                + " try again.";
    }

    /** What went wrong with InfluxDB, said so the person knows whether anything changed. */
    static String failure(Failure failure, String subject) {
        String nothingChanged = " Nothing was changed.";
        return switch (failure.problem()) {
            case INVALID_ID -> "InfluxDB rejected " + subject + " as an invalid ID." + nothingChanged;
            case NOT_FOUND ->
                "InfluxDB has no " + subject + ". Check the ID, and the target (`/revoke-token targets` lists"
                        + " them).";
            case USER_NOT_FOUND -> "InfluxDB has no " + subject + ".";
            case USER_HAS_NO_TOKENS -> "InfluxDB " + subject + " has no API tokens: nothing to revoke.";
            case INFLUX_UNAUTHORIZED ->
                "The bot's InfluxDB token was rejected (401 Unauthorized): ask the platform team to check the"
                        + " target's token (`INFLUX_TOKEN`, or `INFLUX_TARGETS_&lt;NAME&gt;_TOKEN`)." + nothingChanged;
            case INFLUX_FORBIDDEN ->
                "The bot's InfluxDB token lacks permission to "
                        + switch (failure.operation()) {
                            case DELETE -> "delete";
                            case UPDATE -> "change";
                            case READ -> "read";
                        }
                        + " authorizations (403 Forbidden): it needs "
                        + (failure.operation() == Failure.Operation.READ
                                ? "`read:authorizations`"
                                : "`write:authorizations`")
                        + " (on InfluxDB 3, an admin token; on Cloud Dedicated and Clustered, a management token)."
                        + nothingChanged;
            case INFLUX_RATE_LIMITED ->
                "InfluxDB is rate limiting the bot (429)." + nothingChanged + " Try again in "
                        + failure.retryAfter()
                                .map(d -> d.toSeconds() + " seconds")
                                .orElse("a minute") + ".";
            case INFLUX_UNAVAILABLE ->
                "InfluxDB unavailable"
                        + (failure.influxStatus() > 0 ? " (HTTP " + failure.influxStatus() + ")" : " (no answer)")
                        + ", nothing was changed. Try again shortly.";
            case INFLUX_BAD_RESPONSE -> "InfluxDB sent an answer the bot could not read." + nothingChanged;
            case INFLUX_MISMATCH ->
                "InfluxDB answered about another token than " + subject + ", so I did not trust the answer (is"
                        + " `INFLUX_URL` InfluxDB itself, not a proxy or another service?)." + nothingChanged;
            case DELETE_NOT_APPLIED ->
                "InfluxDB accepted the delete of " + subject + ", but reading it again shows it still there."
                        + nothingChanged;
            case STATUS_NOT_APPLIED ->
                "InfluxDB accepted the status change of " + subject + ", but reading it again shows the status"
                        + " it had." + nothingChanged;
            case DELETE_NOT_ALLOWED ->
                "InfluxDB does not allow deleting " + subject + " (405 Method Not Allowed): InfluxDB 3's operator"
                        + " token can only be regenerated, and a server running without authentication has no tokens"
                        + " to delete." + nothingChanged;
            case OPERATOR_TOKEN ->
                "`_admin` is InfluxDB 3's operator token: InfluxDB does not let anyone delete it. Regenerate it"
                        + " instead (`influxdb3 create token --admin --regenerate` on the server, or"
                        + " `POST /api/v3/configure/token/admin/regenerate`), which stops the leaked value at once,"
                        + " then hand the new one to whoever needs it." + nothingChanged;
            case ALREADY_REVOKED -> "The Management API lists " + subject + " as revoked already: nothing to revoke.";
            case TARGET_UNKNOWN ->
                "This request's InfluxDB target is no longer configured in the bot, so nothing was sent to"
                        + " InfluxDB." + nothingChanged + " Start a new request with `/revoke-token`.";
            case LEDGER_UNAVAILABLE ->
                "The request ledger is unavailable, so no request was opened." + nothingChanged + " Try again shortly.";
        };
    }

    static String refusal(Decision decision) {
        return switch (decision) {
            case NOT_APPROVER ->
                "You are not an approver for token revocations, so your click was not counted."
                        + " Ask someone in the approvers list or group.";
            case APPROVER_CHECK_FAILED ->
                "I could not check whether you are an approver (Slack did not tell me who"
                        + " is in the approver groups), so your click was not counted. Try again shortly.";
            case SELF_APPROVAL -> "You asked for this request, so someone else must approve it.";
            case NOT_REQUESTER_OR_APPROVER -> "Only the requester or an approver can do this.";
            case NOT_IN_THIS_STAGE ->
                "This button no longer applies to the request as it stands (look at the message as it is now);"
                        + " nothing was done.";
            case NOT_SUPPORTED -> "This InfluxDB cannot deactivate tokens, only delete them; nothing was done.";
            case WRONG_CHANNEL -> "This button belongs to a request in another channel; nothing was done.";
            case CHANNEL_NOT_ALLOWED ->
                "Token revocations are not enabled in this channel any more, so nothing was done. Ask in one of"
                        + " the incident channels your platform team configured.";
            case WRONG_REQUEST -> "This button does not belong to this request message; nothing was done.";
            case ALLOW, EXPIRED -> throw new IllegalArgumentException(decision + " is not a refusal");
        };
    }

    static String tampered() {
        return "This button's data failed its integrity check, so nothing was done. Start a new request with"
                + " `/revoke-token`.";
    }

    /** "authorization `0a1b...` on target `prod`", "token `ci-writer` on target `edge`". */
    static String describe(TokenQuery query) {
        String on = " on target " + Mrkdwn.code(query.target());
        if (query instanceof TokenQuery.ById byId) {
            return (byId.id().kind() == TargetKind.V2 ? "authorization " : "token ")
                    + Mrkdwn.code(byId.id().value())
                    + on;
        }
        return "user " + Mrkdwn.code(((TokenQuery.ByUser) query).userName()) + on;
    }
}
