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
            "default",
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

    /** {@link #STATE} in another stage. */
    private static RevocationRequest in(Stage stage) {
        return new RevocationRequest(
                STATE.id(),
                STATE.target(),
                STATE.tokenId(),
                STATE.owner(),
                STATE.requester(),
                STATE.channel(),
                STATE.reason(),
                STATE.messageTs(),
                STATE.expiresAt(),
                stage,
                stage == Stage.OPEN ? null : "UAPPROVER2",
                stage == Stage.OPEN ? null : EXPIRES_AT.minusSeconds(300),
                true,
                3);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {9}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                               | intent     | stage            | actor      | approval     | clicked in | self ok | break-glass | s left | decision
            an approver deactivates                              | DEACTIVATE | OPEN             | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | ALLOW
            a non-approver deactivates                           | DEACTIVATE | OPEN             | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   | false       |     60 | NOT_APPROVER
            the requester deactivates without break-glass        | DEACTIVATE | OPEN             | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | false       |     60 | NOT_APPROVER
            an approver deactivates their own request            | DEACTIVATE | OPEN             | UREQUESTER | APPROVER     | CINCIDENT  | false   | false       |     60 | SELF_APPROVAL
            ... unless self-approval is allowed                  | DEACTIVATE | OPEN             | UREQUESTER | APPROVER     | CINCIDENT  | true    | false       |     60 | ALLOW
            deactivate with unreadable groups                    | DEACTIVATE | OPEN             | UBYSTANDER | UNKNOWN      | CINCIDENT  | false   | false       |     60 | APPROVER_CHECK_FAILED
            break-glass: the requester deactivates alone         | DEACTIVATE | OPEN             | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | true        |     60 | ALLOW
            break-glass: an approver deactivates                 | DEACTIVATE | OPEN             | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | true        |     60 | ALLOW
            break-glass: a bystander deactivates                 | DEACTIVATE | OPEN             | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   | true        |     60 | NOT_REQUESTER_OR_APPROVER
            break-glass: a bystander while groups are unreadable | DEACTIVATE | OPEN             | UBYSTANDER | UNKNOWN      | CINCIDENT  | false   | true        |     60 | APPROVER_CHECK_FAILED
            break-glass: the requester still cannot revoke       | REVOKE     | OPEN             | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | true        |     60 | NOT_APPROVER
            break-glass: the requester cannot reactivate         | REACTIVATE | DEACTIVATED      | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | true        |     60 | NOT_APPROVER
            break-glass: no deactivating after expiry            | DEACTIVATE | OPEN             | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | true        |    -60 | EXPIRED
            deactivate after expiry                              | DEACTIVATE | OPEN             | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |      0 | EXPIRED
            deactivate from another channel                      | DEACTIVATE | OPEN             | UAPPROVER1 | APPROVER     | COTHER     | false   | true        |     60 | WRONG_CHANNEL
            deactivate a deactivated token                       | DEACTIVATE | DEACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            deactivate a kept-deactivated token                  | DEACTIVATE | KEPT_DEACTIVATED | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | NOT_IN_THIS_STAGE
            an approver reactivates                              | REACTIVATE | DEACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | ALLOW
            a bystander reactivates                              | REACTIVATE | DEACTIVATED      | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   | false       |     60 | NOT_APPROVER
            reactivate while groups are unreadable               | REACTIVATE | DEACTIVATED      | UBYSTANDER | UNKNOWN      | CINCIDENT  | false   | false       |     60 | APPROVER_CHECK_FAILED
            the requester-approver reactivates                   | REACTIVATE | DEACTIVATED      | UREQUESTER | APPROVER     | CINCIDENT  | false   | false       |     60 | SELF_APPROVAL
            reactivate past expiry, not yet settled              | REACTIVATE | DEACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | ALLOW
            reactivate after expiry kept it deactivated          | REACTIVATE | KEPT_DEACTIVATED | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | ALLOW
            reactivate an open request                           | REACTIVATE | OPEN             | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            reactivate from another channel                      | REACTIVATE | DEACTIVATED      | UAPPROVER1 | APPROVER     | COTHER     | false   | false       |     60 | WRONG_CHANNEL
            revoke a deactivated token                           | REVOKE     | DEACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | ALLOW
            revoke a deactivated token past expiry               | REVOKE     | DEACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | ALLOW
            revoke after expiry kept it deactivated              | REVOKE     | KEPT_DEACTIVATED | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | ALLOW
            a bystander revokes a kept-deactivated token         | REVOKE     | KEPT_DEACTIVATED | UBYSTANDER | NOT_APPROVER | CINCIDENT  | false   | false       |    -60 | NOT_APPROVER
            the requester revokes a kept-deactivated token       | REVOKE     | KEPT_DEACTIVATED | UREQUESTER | APPROVER     | CINCIDENT  | false   | false       |    -60 | SELF_APPROVAL
            cancel a deactivated request                         | CANCEL     | DEACTIVATED      | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            cancel a kept-deactivated request                    | CANCEL     | KEPT_DEACTIVATED | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |    -60 | NOT_IN_THIS_STAGE
            revoke while a revoke holds it                       | REVOKE     | REVOKING         | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            deactivate while a deactivation holds it             | DEACTIVATE | DEACTIVATING     | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            revoke while a reactivation holds it                 | REVOKE     | REACTIVATING     | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            reactivate while a reactivation holds it             | REACTIVATE | REACTIVATING     | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            cancel while a deactivation holds it                 | CANCEL     | DEACTIVATING     | UREQUESTER | NOT_APPROVER | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            revoke a reactivated request                         | REVOKE     | REACTIVATED      | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            reactivate a revoked request                         | REACTIVATE | REVOKED          | UAPPROVER1 | APPROVER     | CINCIDENT  | false   | false       |     60 | NOT_IN_THIS_STAGE
            """)
    void decidesEachIntentInEachStage(
            String name,
            Intent intent,
            Stage stage,
            String actor,
            Approval approval,
            String clickChannel,
            boolean selfApprovalAllowed,
            boolean requesterMayDeactivate,
            long secondsToExpiry,
            Decision expected) {
        Instant now = EXPIRES_AT.minusSeconds(secondsToExpiry);

        assertThat(RevocationPolicy.decide(
                        intent,
                        in(stage),
                        actor,
                        clickChannel,
                        () -> approval,
                        new RevocationPolicy.Rules(selfApprovalAllowed, requesterMayDeactivate),
                        now))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theRequesterDeactivatingUnderBreakGlassNeedsNoApprovalLookup() {
        assertThat(RevocationPolicy.decide(
                        Intent.DEACTIVATE,
                        STATE,
                        STATE.requester(),
                        STATE.channel(),
                        () -> {
                            throw new AssertionError("approval must not be looked up");
                        },
                        new RevocationPolicy.Rules(false, true),
                        STATE.expiresAt().minusSeconds(60)))
                .isEqualTo(Decision.ALLOW);
    }

    @org.junit.jupiter.api.Test
    void aButtonThatDoesNotApplyNeedsNoApprovalLookup() {
        assertThat(RevocationPolicy.decide(
                        Intent.REACTIVATE,
                        STATE,
                        "UAPPROVER1",
                        STATE.channel(),
                        () -> {
                            throw new AssertionError("approval must not be looked up");
                        },
                        new RevocationPolicy.Rules(false, false),
                        STATE.expiresAt().minusSeconds(60)))
                .isEqualTo(Decision.NOT_IN_THIS_STAGE);
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
