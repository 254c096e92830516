package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revoketokenbot.revocation.ClickOutcome;
import dev.revoketokenbot.revocation.Decision;
import dev.revoketokenbot.revocation.RevocationRequest;
import dev.revoketokenbot.revocation.Stage;
import java.time.Instant;
import java.util.List;
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
}
