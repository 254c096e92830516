package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.revocation.RevocationPolicy.Intent;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The approval policy as a table: who may revoke or cancel, from which channel, and until when. */
class RevocationPolicyTest {

    private static final Instant EXPIRES_AT = Instant.parse("2024-05-01T12:15:00Z");

    /** Requested by UREQUESTER in CINCIDENT; the table's actors and channels are read against it. */
    private static final RevocationRequest STATE = new RevocationRequest(
            "a1b2c3d4e5f6a7b8c9d0e1f2",
            "0a1b2c3d4e5f6789",
            "ci-writer",
            "UREQUESTER",
            "CINCIDENT",
            "",
            "1700000000.000100",
            EXPIRES_AT,
            Stage.OPEN,
            null,
            null,
            false,
            0);

    @ParameterizedTest(name = "[{index}] {0} -> {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                              | intent | actor      | approval     | clicked in | self ok | s left | decision
            an approver revokes                                 | REVOKE | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |     60 | ALLOW
            an approver revokes in the last second              | REVOKE | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |      1 | ALLOW
            a non-approver revokes                              | REVOKE | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   |     60 | NOT_APPROVER
            approver groups could not be read                   | REVOKE | UBYSTANDER | UNKNOWN      | CINCIDENT  | false   |     60 | APPROVER_CHECK_FAILED
            an unknown approval denies even with self-approval  | REVOKE | UREQUESTER | UNKNOWN      | CINCIDENT  | true    |     60 | APPROVER_CHECK_FAILED
            the requester approves their own request            | REVOKE | UREQUESTER | APPROVER     | CINCIDENT  | false   |     60 | SELF_APPROVAL
            self-approval when it is allowed                    | REVOKE | UREQUESTER | APPROVER     | CINCIDENT  | true    |     60 | ALLOW
            allowed self-approval still needs an approver       | REVOKE | UREQUESTER | NOT_APPROVER | CINCIDENT  | true    |     60 | NOT_APPROVER
            revoke exactly at expiry                            | REVOKE | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |      0 | EXPIRED
            revoke after expiry                                 | REVOKE | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |    -60 | EXPIRED
            expiry is checked before self-approval              | REVOKE | UREQUESTER | APPROVER     | CINCIDENT  | false   |    -60 | EXPIRED
            an approver clicks from another channel             | REVOKE | UAPPROVER1 | APPROVER     | COTHER     | false   |     60 | WRONG_CHANNEL
            wrong channel wins over expiry and unknown approval | REVOKE | UBYSTANDER | UNKNOWN      | COTHER     | false   |    -60 | WRONG_CHANNEL
            wrong channel wins over self-approval               | REVOKE | UREQUESTER | APPROVER     | COTHER     | false   |     60 | WRONG_CHANNEL
            the requester cancels                               | CANCEL | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   |     60 | ALLOW
            an approver cancels                                 | CANCEL | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |     60 | ALLOW
            a bystander cancels                                 | CANCEL | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   |     60 | NOT_REQUESTER_OR_APPROVER
            a bystander cancels while groups are unreadable     | CANCEL | UBYSTANDER | UNKNOWN      | CINCIDENT  | false   |     60 | APPROVER_CHECK_FAILED
            the requester cancels after expiry                  | CANCEL | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   |    -60 | EXPIRED
            an approver cancels exactly at expiry               | CANCEL | UAPPROVER1 | APPROVER     | CINCIDENT  | false   |      0 | EXPIRED
            the requester cancels from another channel          | CANCEL | UREQUESTER | NOT_APPROVER | COTHER     | false   |     60 | WRONG_CHANNEL
            """)
    void decides(
            String name,
            Intent intent,
            String actor,
            Approval approval,
            String clickChannel,
            boolean selfApprovalAllowed,
            long secondsToExpiry,
            Decision expected) {
        Instant now = EXPIRES_AT.minusSeconds(secondsToExpiry);

        assertThat(RevocationPolicy.decide(
                        intent,
                        STATE,
                        actor,
                        clickChannel,
                        () -> approval,
                        new RevocationPolicy.Rules(selfApprovalAllowed, false),
                        now))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aRequesterCancellingNeedsNoApprovalLookup() {
        Instant now = STATE.expiresAt().minusSeconds(60);
        assertThat(RevocationPolicy.decide(
                        RevocationPolicy.Intent.CANCEL,
                        STATE,
                        STATE.requester(),
                        STATE.channel(),
                        () -> {
                            throw new AssertionError("approval must not be looked up");
                        },
                        new RevocationPolicy.Rules(false, false),
                        now))
                .isEqualTo(Decision.ALLOW);
    }
}
