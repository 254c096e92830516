package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revoketokenbot.revocation.ClickOutcome;
import dev.revoketokenbot.revocation.Decision;
import dev.revoketokenbot.revocation.Delivery;
import dev.revoketokenbot.revocation.DeliveryKind;
import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What the clicker hears about a request that was already closed, or still held. */
class ClickRepliesTest {

    private static final Instant DECIDED_AT = Instant.parse("2024-05-01T12:05:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2024-05-01T12:15:00Z");

    private static RevocationRequest request(Stage stage, String actor) {
        return new RevocationRequest(
                "a1b2c3d4e5f6a7b8c9d0e1f2",
                "default",
                "0a1b2c3d4e5f6789",
                "ci-writer",
                "UREQUESTER",
                "CINCIDENT",
                "",
                "1700000000.000100",
                EXPIRES_AT,
                stage,
                actor,
                actor == null ? null : DECIDED_AT,
                true,
                3);
    }

    @ParameterizedTest(name = "[{index}] {0} by {1}")
    @CsvSource(nullValues = "-", textBlock = """
            REVOKED,    UAPPROVER1, is already revoked by <@UAPPROVER1> at <!date^
            REVOKED,    -,          is already revoked; nothing more to do
            GONE,       UAPPROVER1, it was gone from InfluxDB when by <@UAPPROVER1> approved
            CANCELLED,  UREQUESTER, was already cancelled by <@UREQUESTER> at
            CANCELLED,  -,          was already cancelled; nothing was changed
            EXPIRED,    -,          This request expired at <!date^
            NOT_POSTED, UREQUESTER, never reached the channel
            """)
    void aClosedRequestSaysWhatHappenedByWhomAndWhen(Stage stage, String actor, String says) {
        assertThat(ClickReplies.reply(new ClickOutcome.AlreadyClosed(request(stage, actor))))
                .contains(says);
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"OPEN", "REVOKING"})
    void aRequestThatIsNotClosedIsNoAnswerForAClosedOne(Stage stage) {
        assertThatThrownBy(() -> ClickReplies.reply(new ClickOutcome.AlreadyClosed(request(stage, "U1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"REVOKED", "CANCELLED", "EXPIRED", "GONE"})
    void aChangeTheMessageShowsNeedsAWordOnlyWhenItDoesNotSayItAll(Stage stage) {
        String reply = ClickReplies.reply(new ClickOutcome.Changed(request(stage, "UAPPROVER1"), List.of()));

        switch (stage) {
            case EXPIRED -> assertThat(reply).contains("expired", "nothing was changed");
            case GONE -> assertThat(reply).contains("already revoked", "nothing more was done");
            default -> assertThat(reply).isEqualTo("Done.");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Decision.class,
            names = {"ALLOW", "EXPIRED"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyRefusalHasItsOwnWords(Decision decision) {
        assertThat(ClickReplies.reply(new ClickOutcome.Refused(decision)))
                .isNotBlank()
                .doesNotContain("null");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            held,        already being handled
            unconfirmed, can't tell yet whether it is revoked
            ledger,      request ledger is unavailable
            unknown,     no record of this request
            tampered,    integrity check
            """)
    void theOtherOutcomesAreSaidPlainly(String outcome, String says) {
        RevocationRequest held = request(Stage.REVOKING, "UAPPROVER1");
        ClickOutcome result = switch (outcome) {
            case "held" -> new ClickOutcome.InProgress(held);
            case "unconfirmed" -> new ClickOutcome.Unconfirmed(held);
            case "ledger" -> new ClickOutcome.LedgerDown();
            case "unknown" -> new ClickOutcome.UnknownRequest();
            default -> new ClickOutcome.Tampered();
        };

        assertThat(ClickReplies.reply(result)).contains(says);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} of {2}")
    @CsvSource(textBlock = """
            REVOKE,     1, 2, Your approval to revoke token `0a1b2c3d4e5f6789` is counted: 1 of 2. Nothing changes until 2 approvers agree.
            DEACTIVATE, 2, 3, Your approval to deactivate token `0a1b2c3d4e5f6789` is counted: 2 of 3. Nothing changes until 3 approvers agree.
            """)
    void anApprovalShortOfTheQuorumSaysHowFarItGot(Intent intent, int approvals, int needed, String says) {
        List<String> approvers =
                List.of("UAPPROVER1", "UAPPROVER2", "UAPPROVER3").subList(0, approvals);

        assertThat(ClickReplies.reply(
                        new ClickOutcome.Approved(request(Stage.OPEN, null), intent, approvers, needed, List.of())))
                .isEqualTo(says);
    }

    @ParameterizedTest
    @EnumSource(
            value = Intent.class,
            names = {"REVOKE", "DEACTIVATE"})
    void aSecondApprovalBySomeoneWhoApprovedCountsOnceAndTheySayTheyKnow(Intent intent) {
        String reply = ClickReplies.reply(
                new ClickOutcome.AlreadyApproved(request(Stage.OPEN, null), intent, List.of("UAPPROVER1"), 2));

        assertThat(reply)
                .isEqualTo("You already approved to " + intent.name().toLowerCase(java.util.Locale.ROOT)
                        + " this token, and an approval counts once: 1 of 2 so far. Another approver must click.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEACTIVATING | already being handled: <@UAPPROVER1> approved deactivating token `0a1b2c3d4e5f6789`, and I am checking with InfluxDB
            REACTIVATING | already being handled: <@UAPPROVER1> approved reactivating token `0a1b2c3d4e5f6789`, and I am checking with InfluxDB
            REVOKING     | already being handled: <@UAPPROVER1> approved it and I am deleting token `0a1b2c3d4e5f6789`
            OPEN         | kept changing while I decided your click (other approvers were acting), so your click did nothing
            DEACTIVATED  | kept changing while I decided your click
            """)
    void aRequestInProgressSaysWhoIsActingOrThatItKeptChanging(Stage stage, String says) {
        assertThat(ClickReplies.reply(new ClickOutcome.InProgress(request(stage, "UAPPROVER1"))))
                .contains(says);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEACTIVATING | did not confirm the deactivation of token `0a1b2c3d4e5f6789` and could not be read back, so I can't tell yet whether it is deactivated
            REACTIVATING | did not confirm the reactivation of token `0a1b2c3d4e5f6789` and could not be read back, so I can't tell yet whether it is active again
            REVOKING     | did not confirm the delete of token `0a1b2c3d4e5f6789` and could not be read back, so I can't tell yet whether it is revoked
            """)
    void anUnconfirmedStatusChangeSaysWhichChangeIsInDoubt(Stage stage, String says) {
        assertThat(ClickReplies.reply(new ClickOutcome.Unconfirmed(request(stage, "UAPPROVER1"))))
                .contains(says, "do not assume it is", "post the outcome in this channel");
    }

    @Test
    void aReactivatedRequestSaysItIsClosedAndHowToStartAgain() {
        assertThat(ClickReplies.reply(new ClickOutcome.AlreadyClosed(request(Stage.REACTIVATED, "UAPPROVER1"))))
                .contains(
                        "Token `0a1b2c3d4e5f6789` was already reactivated by <@UAPPROVER1> at <!date^",
                        "this request is closed",
                        "`/revoke-token`");
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"DEACTIVATED", "KEPT_DEACTIVATED", "REACTIVATED"})
    void aStatusChangeTheMessageShowsNeedsNoWord(Stage stage) {
        assertThat(ClickReplies.afterChange(request(stage, "UAPPROVER1"), List.of()))
                .isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEACTIVATED  | The token is deactivated, but Slack did not let me update the request message
            REACTIVATED  | The token is active again, but Slack did not let me update the request message
            """)
    void aStatusChangeSlackDidNotShowIsSaidToTheClicker(Stage stage, String says) {
        RevocationRequest request = request(stage, "UAPPROVER1");
        Delivery update = new Delivery(1, DeliveryKind.UPDATE_REQUEST, "CINCIDENT", request, null, 0, DECIDED_AT);

        assertThat(ClickReplies.afterChange(request, List.of(new OutboxDelivery.NotYet(update, "ratelimited", false))))
                .hasValueSatisfying(text -> assertThat(text).contains(says, "`ratelimited`", "keep trying"));
    }
}
