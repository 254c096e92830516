package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.AuditEvent;
import dev.revoketokenbot.revocation.AuditOutcome;
import dev.revoketokenbot.revocation.DecisionRecord;
import dev.revoketokenbot.revocation.RequestView;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import dev.revoketokenbot.revocation.TokenSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request, closed and audit messages, read as the Block Kit JSON Slack receives. */
class RequestMessagesTest {

    private static final String ID = "0a1b2c3d4e5f6789";
    private static final String REQUESTER = "UREQUESTER";
    private static final String APPROVER = "UAPPROVER1";
    private static final String CHANNEL = "CINCIDENT";
    private static final String SEALED = "eyJuIjoiYTFiMiJ9.c2lnbmF0dXJlLWJ5dGVzLWdvLWhlcmU";
    private static final Instant CREATED = Instant.parse("2024-04-30T08:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2024-05-01T12:15:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2024-05-01T12:05:00Z");
    private static final String HOSTILE = "<!channel> <!here> <https://evil|click> & co";

    private static TokenSummary token(String description, String user, String org, String permissions) {
        return new TokenSummary(ID, description, "active", user, org, permissions, CREATED, null, null);
    }

    private static RevocationRequest state(String owner, String reason) {
        return request(REQUESTER, owner, reason, Stage.OPEN, null, false);
    }

    private static RevocationRequest request(
            String requester, String owner, String reason, Stage stage, String actor, boolean verified) {
        return new RevocationRequest(
                "a1b2c3d4e5f6a7b8c9d0e1f2",
                "default",
                ID,
                owner,
                requester,
                CHANNEL,
                reason,
                "1700000000.000100",
                EXPIRES_AT,
                stage,
                actor,
                stage == Stage.OPEN ? null : DECIDED_AT,
                verified,
                1);
    }

    private static RevocationRequest closed(Stage stage, String actor, boolean verified) {
        return request(REQUESTER, "ci-writer", "leaked " + HOSTILE, stage, actor, verified);
    }

    private static RequestView found(TokenSummary token, OptionalInt otherTokens, RevocationRequest state) {
        return new RequestView(
                state,
                token,
                otherTokens,
                SEALED,
                Optional.of(new RequestView.Progress(1, List.of())),
                new RequestView.Progress(1, List.of()),
                Optional.empty());
    }

    private static RequestView plainRequest() {
        return found(
                token("telegraf on build hosts", "ci-writer", "my-org", "write buckets/telegraf"),
                OptionalInt.empty(),
                state("ci-writer", "leaked in a CI log"));
    }

    @Test
    void revokeButtonIsDangerousAndAsksForConfirmation() {
        JsonObject revoke = button(json(RequestMessages.request(plainRequest())), ActionIds.REVOKE);

        assertThat(revoke.get("style").getAsString()).isEqualTo("danger");
        assertThat(revoke.get("value").getAsString()).isEqualTo(SEALED);
        assertThat(revoke.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Revoke");
        JsonObject confirm = revoke.getAsJsonObject("confirm");
        assertThat(confirm).as("confirm dialog").isNotNull();
        assertThat(confirm.get("style").getAsString()).isEqualTo("danger");
        assertThat(confirm.getAsJsonObject("title").get("text").getAsString()).isNotBlank();
        assertThat(confirm.getAsJsonObject("text").get("text").getAsString())
                .contains("`" + ID + "`", "cannot be undone");
        assertThat(confirm.getAsJsonObject("confirm").get("text").getAsString()).isEqualTo("Revoke");
        assertThat(confirm.getAsJsonObject("deny").get("text").getAsString()).isNotBlank();
    }

    @Test
    void cancelButtonCarriesTheSameStateWithoutDanger() {
        JsonObject cancel = button(json(RequestMessages.request(plainRequest())), ActionIds.CANCEL);

        assertThat(cancel.get("action_id").getAsString()).isEqualTo("revoke_token.cancel");
        assertThat(cancel.get("value").getAsString()).isEqualTo(SEALED);
        assertThat(cancel.has("style")).as("cancel is not styled danger").isFalse();
        assertThat(cancel.has("confirm")).as("cancel needs no confirmation").isFalse();
    }

    @Test
    void buttonsSitInOneActionsBlockWithTheirIds() {
        JsonArray blocks = json(RequestMessages.request(plainRequest()));

        List<JsonObject> actions = blocksOfType(blocks, "actions");

        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).get("block_id").getAsString())
                .isEqualTo("revoke_token.buttons:a1b2c3d4e5f6a7b8c9d0e1f2");
        assertThat(objects(actions.get(0).getAsJsonArray("elements")))
                .extracting(element -> element.get("action_id").getAsString())
                .containsExactly("revoke_token.deactivate", "revoke_token.revoke", "revoke_token.cancel");
    }

    @Test
    void showsWhatTheApproverNeedsToKnow() {
        String text = requestText(plainRequest());

        assertThat(text)
                .contains(
                        "`" + ID + "`",
                        "telegraf on build hosts",
                        "ci-writer",
                        "my-org",
                        "active",
                        "write buckets/telegraf",
                        "<@" + REQUESTER + ">",
                        "leaked in a CI log",
                        "<!date^" + CREATED.getEpochSecond() + "^",
                        "<!date^" + EXPIRES_AT.getEpochSecond() + "^");
        assertThat(text).doesNotContain("other token");
    }

    @Test
    void showsDashesForMissingFields() {
        RequestView bare = found(token("", " ", null, "none"), OptionalInt.empty(), state("", ""));

        List<String> texts = mrkdwnTexts(json(RequestMessages.request(bare)));

        assertThat(texts).contains("*Description*\n-", "*User*\n-", "*Org*\n-");
        assertThat(String.join("\n", texts)).contains("*Reason* -");
    }

    /** A request whose {@code field} holds mrkdwn that would ping the channel and add a link. */
    private static RequestView withHostile(String field) {
        TokenSummary token = token(
                field.equals("description") ? HOSTILE : "telegraf",
                field.equals("user") ? HOSTILE : "ci-writer",
                field.equals("org") ? HOSTILE : "my-org",
                field.equals("permissions") ? "read buckets/" + HOSTILE : "read buckets (all)");
        RevocationRequest state =
                state(field.equals("user") ? HOSTILE : "ci-writer", field.equals("reason") ? HOSTILE : "leaked");
        return found(token, field.equals("user") ? OptionalInt.of(2) : OptionalInt.empty(), state);
    }

    @ParameterizedTest(name = "[{index}] mrkdwn in the {0} is escaped")
    @ValueSource(strings = {"description", "reason", "user", "org", "permissions"})
    void escapesMrkdwnFromUsersAndInflux(String field) {
        String text = requestText(withHostile(field));

        assertThat(text)
                .contains("&lt;!channel&gt;", "&lt;!here&gt;", "&lt;https://evil|click&gt;", "&amp; co")
                .doesNotContain("<!channel>", "<!here>", "<https://evil", "& co");
    }

    @Test
    void escapesTheRequesterToo() {
        RequestView found = found(
                token("telegraf", "ci-writer", "my-org", "read buckets (all)"),
                OptionalInt.empty(),
                request("U1><!channel", "ci-writer", "", Stage.OPEN, null, false));

        String text = requestText(found);

        assertThat(text).contains("<@U1&gt;&lt;!channel>").doesNotContain("<!channel");
    }

    static Stream<Arguments> otherTokens() {
        return Stream.of(
                arguments(OptionalInt.of(2), "has 2 other tokens;"),
                arguments(OptionalInt.of(1), "has 1 other token;"),
                arguments(OptionalInt.of(0), "has 0 other tokens;"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> \"{1}\"")
    @MethodSource("otherTokens")
    void countsTheUsersOtherTokens(OptionalInt others, String expected) {
        RequestView byUser = found(
                token("first", "ci-writer", "my-org", "read buckets (all)"), others, state("ci-writer", "leaked"));

        String text = requestText(byUser);

        assertThat(text).contains("User `ci-writer` " + expected, "only this one");
    }

    static Stream<Arguments> closedMessages() {
        return Stream.of(
                arguments(
                        "revoked and verified",
                        RequestMessages.closed(closed(Stage.REVOKED, APPROVER, true)),
                        List.of(
                                "*revoked* by <@" + APPROVER + ">",
                                "requested by <@" + REQUESTER + ">",
                                "at <!date^" + DECIDED_AT.getEpochSecond() + "^",
                                "Verified: InfluxDB no longer has it.")),
                arguments(
                        "revoked, not read back",
                        RequestMessages.closed(closed(Stage.REVOKED, APPROVER, false)),
                        List.of("*revoked* by <@" + APPROVER + ">", "could not be read back")),
                arguments(
                        "already gone",
                        RequestMessages.closed(closed(Stage.GONE, APPROVER, false)),
                        List.of("*already gone*", "when <@" + APPROVER + "> approved", "deleted nothing")),
                arguments(
                        "cancelled",
                        RequestMessages.closed(closed(Stage.CANCELLED, REQUESTER, false)),
                        List.of("*cancelled* by <@" + REQUESTER + ">", "Nothing was changed")),
                arguments(
                        "expired",
                        RequestMessages.closed(closed(Stage.EXPIRED, null, false)),
                        List.of("*expired* at <!date^" + EXPIRES_AT.getEpochSecond() + "^", "Nothing was changed")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("closedMessages")
    void closedRequestsHaveNoButtons(String outcome, List<LayoutBlock> closed, List<String> says) {
        String serialized = GsonFactory.createSnakeCase().toJson(closed);
        JsonArray blocks = JsonParser.parseString(serialized).getAsJsonArray();
        String text = String.join("\n", mrkdwnTexts(blocks));

        assertThat(blocksOfType(blocks, "actions")).isEmpty();
        assertThat(serialized).doesNotContain(ActionIds.REVOKE, ActionIds.CANCEL, SEALED);
        assertThat(text).contains(says.toArray(String[]::new));
        assertThat(text)
                .contains("`" + ID + "` (user `ci-writer`)", "&lt;!channel&gt;", "a1b2c3d4e5f6a7b8c9d0e1f2")
                .doesNotContain("<!channel>", "<https://evil");
    }

    @Test
    void auditNamesApproverRequesterChannelAndReason() {
        String audit = RequestMessages.record(closed(Stage.REVOKED, APPROVER, true));

        assertThat(audit)
                .contains(
                        "`" + ID + "` (user `ci-writer`)",
                        "revoked by <@" + APPROVER + ">",
                        "requested by <@" + REQUESTER + ">",
                        "in <#" + CHANNEL + ">",
                        "<!date^" + DECIDED_AT.getEpochSecond() + "^",
                        "Verified: InfluxDB no longer has it.",
                        "Reason: `leaked &lt;!channel&gt;",
                        "Request `a1b2c3d4e5f6a7b8c9d0e1f2`");
        assertThat(audit).doesNotContain("<!channel>", "<!here>", "<https://evil");
    }

    @Test
    void auditLeavesOutAnUnknownOwner() {
        String audit = RequestMessages.record(request(REQUESTER, "", "", Stage.REVOKED, APPROVER, true));

        assertThat(audit)
                .contains("token `" + ID + "` on `default` revoked by")
                .doesNotContain("(user")
                .contains("Reason: -.");
    }

    /** Text that grows most when escaped or written as JSON, or that a cut could split. */
    static Stream<Arguments> oversized() {
        return Stream.of(
                arguments("5,000 <, four times longer escaped", "<".repeat(5_000)),
                arguments("5,000 &, five times longer escaped", "&".repeat(5_000)),
                arguments("a letter, then 5,000 <, so cuts fall elsewhere", "x" + "<".repeat(5_000)),
                arguments("two letters, then 5,000 &", "xy" + "&".repeat(5_000)),
                arguments("5,000 quotes, twice as long in JSON", "\"".repeat(5_000)),
                arguments("5,000 backslashes, twice as long in JSON", "\\".repeat(5_000)),
                arguments("5,000 backticks", "`".repeat(5_000)),
                arguments("3,000 emoji, two chars each", "\uD83D\uDD25".repeat(3_000)),
                arguments("mixed", "a<b&c>`d\"\\\n".repeat(1_000)),
                arguments("50,000 letters", "x".repeat(50_000)));
    }

    /** Every piece of text from the requester or InfluxDB is {@code text}, the Slack IDs too. */
    private static RevocationRequest hostileRequest(String text, Stage stage) {
        return new RevocationRequest(
                "a1b2c3d4e5f6a7b8c9d0e1f2",
                "default",
                text,
                text,
                "U" + text,
                "C" + text,
                text,
                "1700000000.000100",
                EXPIRES_AT,
                stage,
                stage == Stage.OPEN ? null : "U" + text,
                stage == Stage.OPEN ? null : DECIDED_AT,
                true,
                1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversized")
    void aRequestFromHugeTextStaysWithinSlackLimits(String name, String text) {
        RequestView found = found(
                new TokenSummary(text, text, text, text, text, text, CREATED, null, CREATED),
                OptionalInt.of(3),
                hostileRequest(text, Stage.OPEN));

        JsonArray blocks = json(RequestMessages.request(found));

        BlockKitLimits.assertWithinLimits(blocks);
        assertThat(String.join("\n", mrkdwnTexts(blocks)))
                .contains("…`", "*Expires* <!date^" + EXPIRES_AT.getEpochSecond() + "^");
        assertThat(button(blocks, ActionIds.REVOKE).get("value").getAsString()).isEqualTo(SEALED);
        String fallback = RequestMessages.requestFallback(found);
        assertThat(fallback).hasSizeLessThan(BlockKitLimits.MESSAGE_TEXT);
        BlockKitLimits.assertWellFormed(fallback);
    }

    @ParameterizedTest(name = "[{index}] the {0} alone")
    @ValueSource(strings = {"description", "reason", "user", "org", "permissions"})
    void aHugeFieldIsCutVisiblyAndTheRestStays(String field) {
        String huge = "<".repeat(5_000);
        TokenSummary token = token(
                field.equals("description") ? huge : "telegraf",
                field.equals("user") ? huge : "ci-writer",
                field.equals("org") ? huge : "my-org",
                field.equals("permissions") ? huge : "read buckets (all)");
        RevocationRequest state = state("ci-writer", field.equals("reason") ? huge : "leaked");

        JsonArray blocks = json(RequestMessages.request(found(token, OptionalInt.empty(), state)));
        String text = String.join("\n", mrkdwnTexts(blocks));

        BlockKitLimits.assertWithinLimits(blocks);
        assertThat(text).contains("&lt;&lt;…`", "`" + ID + "`", "<@" + REQUESTER + ">", "*Expires* <!date^");
        assertThat(text).doesNotContain("&lt;".repeat(1_250));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversized")
    void closedMessagesRecordsAndNotesFromHugeTextStayWithinSlackLimits(String name, String text) {
        for (Stage stage : List.of(Stage.REVOKED, Stage.GONE, Stage.CANCELLED, Stage.EXPIRED)) {
            RevocationRequest request = hostileRequest(text, stage);

            BlockKitLimits.assertWithinLimits(json(RequestMessages.closed(request)));
            String fallback = RequestMessages.closedFallback(request);
            assertThat(fallback).hasSizeLessThan(BlockKitLimits.MESSAGE_TEXT);
            BlockKitLimits.assertWellFormed(fallback);
        }
        RevocationRequest revoked = hostileRequest(text, Stage.REVOKED);
        for (String plain : List.of(RequestMessages.record(revoked), RequestMessages.notApplied(revoked, null))) {
            assertThat(plain).hasSizeLessThan(4_000).endsWith(". Request `a1b2c3d4e5f6a7b8c9d0e1f2`.");
            BlockKitLimits.assertWellFormed(plain);
        }
    }

    @Test
    void theRecordCutsAHugeReasonAndKeepsWhatFollows() {
        String record = RequestMessages.record(
                request(REQUESTER, "ci-writer", "<".repeat(5_000), Stage.REVOKED, APPROVER, true));

        assertThat(record)
                .hasSizeLessThan(4_000)
                .contains("revoked by <@" + APPROVER + ">", "Reason: `&lt;&lt;", "&lt;…`. Request `");
    }

    @ParameterizedTest(name = "[{index}] in the {0}")
    @ValueSource(strings = {"description", "reason", "user", "org", "permissions"})
    void bidiAndZeroWidthCharactersNeverReachSlack(String field) {
        String sneaky = "invoice\u202Egpj.exe\u2066x\u2069\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A\u202B\u202C";
        TokenSummary token = token(
                field.equals("description") ? sneaky : "telegraf",
                field.equals("user") ? sneaky : "ci-writer",
                field.equals("org") ? sneaky : "my-org",
                field.equals("permissions") ? sneaky : "read buckets (all)");
        RevocationRequest state =
                state(field.equals("user") ? sneaky : "ci-writer", field.equals("reason") ? sneaky : "leaked");
        RevocationRequest closed = request(REQUESTER, state.owner(), state.reason(), Stage.REVOKED, APPROVER, true);

        List<String> posted = new ArrayList<>(
                BlockKitLimits.texts(json(RequestMessages.request(found(token, OptionalInt.of(1), state)))));
        posted.addAll(BlockKitLimits.texts(json(RequestMessages.closed(closed))));
        posted.add(RequestMessages.record(closed));
        posted.add(RequestMessages.notApplied(closed, null));

        assertThat(String.join("\n", posted))
                .doesNotContainPattern(BlockKitLimits.INVISIBLE)
                .contains("invoice\uFFFDgpj.exe\uFFFDx\uFFFD");
    }

    /** A request in {@code stage}, decided by {@link #APPROVER}, with these approvals gathered. */
    private static RequestView inStage(
            Stage stage, boolean verified, RequestView.Progress deactivate, RequestView.Progress revoke) {
        return new RequestView(
                request(REQUESTER, "ci-writer", "leaked", stage, stage == Stage.OPEN ? null : APPROVER, verified),
                token("telegraf", "ci-writer", "my-org", "read buckets (all)"),
                OptionalInt.empty(),
                SEALED,
                Optional.of(deactivate),
                revoke,
                deactivation(stage, APPROVER, verified));
    }

    /** The decision a deactivated request's message names: who deactivated it, when, whether verified. */
    private static Optional<DecisionRecord> deactivation(Stage stage, String actor, boolean verified) {
        return stage.isDeactivated()
                ? Optional.of(new DecisionRecord(
                        AuditEvent.DEACTIVATE,
                        actor,
                        AuditOutcome.DEACTIVATED,
                        verified ? "verified" : "not_read_back",
                        200,
                        DECIDED_AT))
                : Optional.empty();
    }

    private static RequestView inStage(Stage stage) {
        return inStage(stage, true, new RequestView.Progress(1, List.of()), new RequestView.Progress(1, List.of()));
    }

    private static List<String> buttonIds(JsonArray blocks) {
        return blocksOfType(blocks, "actions").stream()
                .flatMap(block -> objects(block.getAsJsonArray("elements")).stream())
                .map(element -> element.get("action_id").getAsString())
                .toList();
    }

    @Test
    void anOpenRequestShowsWhoApprovedEachActionThatNeedsMoreThanOne() {
        String text = requestText(inStage(
                Stage.OPEN,
                false,
                new RequestView.Progress(3, List.of(APPROVER, "UAPPROVER2")),
                new RequestView.Progress(2, List.of("UAPPROVER2"))));

        assertThat(text)
                .contains(
                        "*Deactivate*: 2 of 3 approvals: <@" + APPROVER + ">, <@UAPPROVER2>",
                        "*Revoke*: 1 of 2 approvals: <@UAPPROVER2>");
    }

    @Test
    void anActionWithNoApprovalsYetShowsItsCountAlone() {
        String text = requestText(inStage(
                Stage.OPEN, false, new RequestView.Progress(0, List.of()), new RequestView.Progress(2, List.of())));

        assertThat(text).contains("*Revoke*: 0 of 2 approvals").doesNotContain("approvals:", "*Deactivate*:");
    }

    @Test
    void actionsThatOneApproverDecidesShowNoCount() {
        assertThat(requestText(inStage(Stage.OPEN))).doesNotContain("approvals");
    }

    static Stream<Arguments> stages() {
        String decided = "at <!date^" + DECIDED_AT.getEpochSecond() + "^";
        return Stream.of(
                arguments(
                        Stage.OPEN,
                        "Revoke InfluxDB API token?",
                        List.of(ActionIds.DEACTIVATE, ActionIds.REVOKE, ActionIds.CANCEL),
                        List.of("*Status*\n`active`")),
                arguments(
                        Stage.DEACTIVATED,
                        "InfluxDB API token deactivated",
                        List.of(ActionIds.REVOKE, ActionIds.REACTIVATE),
                        List.of(
                                "*Status*\n`inactive`",
                                ":pause_button: *Deactivated* by <@" + APPROVER + "> " + decided,
                                "Verified: InfluxDB shows it inactive and refuses it.",
                                "Reversible: *Reactivate* makes it work again; *Revoke* deletes it for good.")),
                arguments(
                        Stage.KEPT_DEACTIVATED,
                        "InfluxDB API token deactivated",
                        List.of(ActionIds.REVOKE, ActionIds.REACTIVATE),
                        List.of(
                                "*Status*\n`inactive`",
                                "*Deactivated* by <@" + APPROVER + "> " + decided,
                                "The request expired at <!date^" + EXPIRES_AT.getEpochSecond() + "^",
                                "the token *stays deactivated*",
                                "Approvers can still *Reactivate* or *Revoke* it.")),
                arguments(
                        Stage.DEACTIVATING,
                        "Revoke InfluxDB API token?",
                        List.of(),
                        List.of(":hourglass: Deactivating now: approved by <@" + APPROVER + ">.")),
                arguments(
                        Stage.REACTIVATING,
                        "InfluxDB API token deactivated",
                        List.of(),
                        List.of(
                                "*Status*\n`inactive`",
                                ":hourglass: Reactivating now: approved by <@" + APPROVER + ">.")),
                arguments(
                        Stage.REVOKING,
                        "Revoke InfluxDB API token?",
                        List.of(),
                        List.of(":hourglass: Revoking now: approved by <@" + APPROVER + ">.")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("stages")
    void eachStageSaysWhereItStandsAndOffersItsButtons(
            Stage stage, String heading, List<String> buttons, List<String> says) {
        JsonArray blocks = json(RequestMessages.request(inStage(stage)));

        assertThat(blocksOfType(blocks, "header"))
                .singleElement()
                .satisfies(header -> assertThat(
                                header.getAsJsonObject("text").get("text").getAsString())
                        .isEqualTo(heading));
        assertThat(buttonIds(blocks)).containsExactlyElementsOf(buttons);
        assertThat(String.join("\n", mrkdwnTexts(blocks))).contains(says.toArray(String[]::new));
    }

    @Test
    void aDeactivationThatCouldNotBeReadBackDoesNotClaimToBeVerified() {
        String text = requestText(inStage(
                Stage.DEACTIVATED,
                false,
                new RequestView.Progress(1, List.of()),
                new RequestView.Progress(1, List.of())));

        assertThat(text)
                .contains("InfluxDB accepted the change; it could not be read back to verify.")
                .doesNotContain("Verified");
    }

    @Test
    void aDeactivatedRequestCountsRevokeApprovalsButNoLongerDeactivateOnes() {
        RequestView deactivated = inStage(
                Stage.KEPT_DEACTIVATED,
                true,
                new RequestView.Progress(3, List.of(APPROVER, "UAPPROVER2", "UAPPROVER3")),
                new RequestView.Progress(2, List.of("UAPPROVER2")));

        assertThat(requestText(deactivated))
                .contains("*Revoke*: 1 of 2 approvals: <@UAPPROVER2>")
                .doesNotContain("*Deactivate*:");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = Stage.class,
            names = {"DEACTIVATING", "REACTIVATING", "REVOKING"})
    void aHeldRequestShowsNoButtonsAndNoCounts(Stage stage) {
        JsonArray blocks = json(RequestMessages.request(inStage(
                stage,
                true,
                new RequestView.Progress(3, List.of(APPROVER)),
                new RequestView.Progress(2, List.of(APPROVER)))));

        assertThat(blocksOfType(blocks, "actions")).isEmpty();
        assertThat(String.join("\n", mrkdwnTexts(blocks))).doesNotContain("approvals");
    }

    @Test
    void aTargetThatCannotDeactivateOffersOnlyRevokeAndCancel() {
        RequestView deleteOnly = new RequestView(
                state("ci-writer", "leaked"),
                token("telegraf", "ci-writer", "my-org", "read buckets (all)"),
                OptionalInt.empty(),
                SEALED,
                Optional.empty(),
                new RequestView.Progress(2, List.of()),
                Optional.empty());

        JsonArray blocks = json(RequestMessages.request(deleteOnly));

        assertThat(buttonIds(blocks)).containsExactly(ActionIds.REVOKE, ActionIds.CANCEL);
        assertThat(String.join("\n", mrkdwnTexts(blocks))).doesNotContain("*Deactivate*");
    }

    @Test
    void theFallbackOfADeactivatedRequestSaysItIsDeactivated() {
        assertThat(RequestMessages.requestFallback(inStage(Stage.KEPT_DEACTIVATED)))
                .contains("`" + ID + "` is deactivated", "reactivate or revoke");
        assertThat(RequestMessages.requestFallback(inStage(Stage.OPEN)))
                .contains("Revoke request for InfluxDB token `" + ID + "` from <@" + REQUESTER + ">");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversized")
    void deactivatedHeldAndCountedMessagesFromHugeTextStayWithinSlackLimits(String name, String text) {
        List<String> approvers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            approvers.add("U" + i + text);
        }
        for (Stage stage : List.of(
                Stage.OPEN,
                Stage.DEACTIVATED,
                Stage.KEPT_DEACTIVATED,
                Stage.DEACTIVATING,
                Stage.REACTIVATING,
                Stage.REVOKING)) {
            RequestView view = new RequestView(
                    hostileRequest(text, stage),
                    new TokenSummary(text, text, text, text, text, text, CREATED, null, CREATED),
                    OptionalInt.of(3),
                    SEALED,
                    Optional.of(new RequestView.Progress(5, approvers)),
                    new RequestView.Progress(5, approvers),
                    deactivation(stage, "U" + text, true));

            JsonArray blocks = json(RequestMessages.request(view));

            BlockKitLimits.assertWithinLimits(blocks);
            assertThat(String.join("\n", mrkdwnTexts(blocks)))
                    .as(stage.name())
                    .contains("*Expires* <!date^" + EXPIRES_AT.getEpochSecond() + "^");
            String fallback = RequestMessages.requestFallback(view);
            assertThat(fallback).hasSizeLessThan(BlockKitLimits.MESSAGE_TEXT);
            BlockKitLimits.assertWellFormed(fallback);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversized")
    void requestsOnEveryKindOfTargetFromHugeTextStayWithinSlackLimits(String name, String text) {
        for (TargetKind kind : TargetKind.values()) {
            RequestView view = new RequestView(
                    hostileRequest(text, Stage.OPEN),
                    new TokenSummary(text, text, text, text, text, text, CREATED, kind, CREATED),
                    OptionalInt.empty(),
                    SEALED,
                    kind.canDeactivate() ? Optional.of(new RequestView.Progress(1, List.of())) : Optional.empty(),
                    new RequestView.Progress(1, List.of()),
                    Optional.empty());

            JsonArray blocks = json(RequestMessages.request(view));

            BlockKitLimits.assertWithinLimits(blocks);
            String shown = String.join("\n", mrkdwnTexts(blocks));
            assertThat(shown).as(kind.name()).contains("*Target*", kind.label(), "*Token expires*");
            assertThat(shown.contains("*User*")).as(kind.name()).isEqualTo(kind.hasUsers());
            assertThat(blocks.toString().contains(ActionIds.DEACTIVATE))
                    .as(kind.name())
                    .isEqualTo(kind.canDeactivate());
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversized")
    void recordsOfEveryStageChangeFromHugeTextStayWithinSlackLimits(String name, String text) {
        List<String> plain = new ArrayList<>();
        for (AuditOutcome outcome : List.of(
                AuditOutcome.DEACTIVATED,
                AuditOutcome.REACTIVATED,
                AuditOutcome.KEPT_DEACTIVATED,
                AuditOutcome.REVOKED,
                AuditOutcome.ALREADY_GONE,
                AuditOutcome.CANCELLED,
                AuditOutcome.EXPIRED,
                AuditOutcome.FAILED)) {
            plain.add(RequestMessages.record(
                    hostileRequest(text, Stage.DEACTIVATED),
                    new DecisionRecord(AuditEvent.DEACTIVATE, "U" + text, outcome, "verified", 200, DECIDED_AT)));
        }
        plain.add(RequestMessages.notApplied(
                hostileRequest(text, Stage.OPEN),
                new DecisionRecord(AuditEvent.DEACTIVATE, "U" + text, AuditOutcome.FAILED, null, 0, DECIDED_AT)));
        plain.add(RequestMessages.notApplied(
                hostileRequest(text, Stage.DEACTIVATED),
                new DecisionRecord(AuditEvent.REACTIVATE, "U" + text, AuditOutcome.FAILED, null, 0, DECIDED_AT)));
        for (String record : plain) {
            assertThat(record).hasSizeLessThan(4_000).endsWith(". Request `a1b2c3d4e5f6a7b8c9d0e1f2`.");
            BlockKitLimits.assertWellFormed(record);
        }
        RevocationRequest reactivated = hostileRequest(text, Stage.REACTIVATED);
        BlockKitLimits.assertWithinLimits(json(RequestMessages.closed(reactivated)));
        BlockKitLimits.assertWellFormed(RequestMessages.closedFallback(reactivated));
    }

    static Stream<Arguments> records() {
        return Stream.of(
                arguments(
                        AuditEvent.DEACTIVATE,
                        AuditOutcome.DEACTIVATED,
                        APPROVER,
                        "verified",
                        List.of(
                                ":pause_button: Audit: InfluxDB token `" + ID
                                        + "` (user `ci-writer`) on `default` deactivated" + " (reversible) by <@"
                                        + APPROVER + ">, requested by <@" + REQUESTER + ">",
                                "Verified: InfluxDB shows it inactive.")),
                arguments(
                        AuditEvent.DEACTIVATE,
                        AuditOutcome.DEACTIVATED,
                        REQUESTER,
                        "not_read_back",
                        List.of("deactivated (reversible) by <@" + REQUESTER + ">, requested by <@" + REQUESTER + ">")),
                arguments(
                        AuditEvent.REACTIVATE,
                        AuditOutcome.REACTIVATED,
                        APPROVER,
                        "verified",
                        List.of("reactivated by <@" + APPROVER + ">", "Verified: InfluxDB shows it active.")),
                arguments(
                        AuditEvent.EXPIRE,
                        AuditOutcome.KEPT_DEACTIVATED,
                        null,
                        null,
                        List.of("request for InfluxDB token `" + ID
                                + "` (user `ci-writer`) on `default` expired; the token stays"
                                + " deactivated, and approvers can still reactivate or revoke it, requested by")));
    }

    @ParameterizedTest(name = "[{index}] {1} by {2}")
    @MethodSource("records")
    void eachStageChangeHasItsChannelRecord(
            AuditEvent event, AuditOutcome outcome, String actor, String why, List<String> says) {
        String record = RequestMessages.record(
                request(REQUESTER, "ci-writer", "leaked", Stage.DEACTIVATED, APPROVER, true),
                new DecisionRecord(event, actor, outcome, why, 200, DECIDED_AT));

        assertThat(record)
                .contains(says.toArray(String[]::new))
                .contains("in <#" + CHANNEL + ">", "<!date^" + DECIDED_AT.getEpochSecond() + "^", "Reason: `leaked`");
        if (!"verified".equals(why)) {
            assertThat(record).doesNotContain("Verified");
        }
        if (actor == null) {
            assertThat(record.replace("requested by <@", "")).doesNotContain(" by <@");
        }
    }

    @Test
    void aStatusChangeThatDidNotTakeEffectSaysWhichAndWhereTheTokenStands() {
        String deactivation = RequestMessages.notApplied(
                request(REQUESTER, "ci-writer", "leaked", Stage.OPEN, APPROVER, false),
                new DecisionRecord(AuditEvent.DEACTIVATE, APPROVER, AuditOutcome.FAILED, null, 0, DECIDED_AT));
        String reactivation = RequestMessages.notApplied(
                request(REQUESTER, "ci-writer", "leaked", Stage.DEACTIVATED, "UAPPROVER2", false),
                new DecisionRecord(AuditEvent.REACTIVATE, "UAPPROVER2", AuditOutcome.FAILED, null, 0, DECIDED_AT));

        assertThat(deactivation)
                .contains("still active: the deactivation approved by <@" + APPROVER + "> did not take effect");
        assertThat(reactivation)
                .contains("still deactivated: the reactivation approved by <@UAPPROVER2> did not take effect");
    }

    @Test
    void aReactivatedRequestClosesWithWhoAndWhetherItWasVerified() {
        String verified = RequestMessages.closedSummary(
                request(REQUESTER, "ci-writer", "leaked", Stage.REACTIVATED, APPROVER, true));
        String unverified = RequestMessages.closedSummary(
                request(REQUESTER, "ci-writer", "leaked", Stage.REACTIVATED, APPROVER, false));

        assertThat(verified)
                .contains(
                        "*reactivated* by <@" + APPROVER + ">",
                        "it works again",
                        "Verified: InfluxDB shows it active.");
        assertThat(unverified).contains("could not be read back to verify").doesNotContain("Verified");
    }

    private static String requestText(RequestView found) {
        return String.join("\n", mrkdwnTexts(json(RequestMessages.request(found))));
    }

    private static JsonArray json(List<LayoutBlock> blocks) {
        return JsonParser.parseString(GsonFactory.createSnakeCase().toJson(blocks))
                .getAsJsonArray();
    }

    private static List<JsonObject> objects(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .toList();
    }

    private static List<JsonObject> blocksOfType(JsonArray blocks, String type) {
        return objects(blocks).stream()
                .filter(block -> block.get("type").getAsString().equals(type))
                .toList();
    }

    private static JsonObject button(JsonArray blocks, String actionId) {
        return blocksOfType(blocks, "actions").stream()
                .flatMap(block -> objects(block.getAsJsonArray("elements")).stream())
                .filter(element -> element.get("type").getAsString().equals("button"))
                .filter(element -> element.get("action_id").getAsString().equals(actionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + actionId + " in " + blocks));
    }

    /** Every mrkdwn text in the blocks, as Slack will read it: with JSON's own escapes undone. */
    private static List<String> mrkdwnTexts(JsonElement element) {
        List<String> texts = new ArrayList<>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> texts.addAll(mrkdwnTexts(child)));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("type") && object.get("type").getAsString().equals("mrkdwn")) {
                texts.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(entry -> texts.addAll(mrkdwnTexts(entry.getValue())));
        }
        return texts;
    }
}
