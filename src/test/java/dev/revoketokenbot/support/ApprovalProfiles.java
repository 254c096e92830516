package dev.revoketokenbot.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The approval settings the quorum flows run under. Each profile restarts Quarkus, so there are
 * two: between them, Revoke needs two and three approvers, Deactivate three and none (break-glass).
 * The test profile's approvers are UAPPROVER1, UAPPROVER2 and the group member UGROUPMEMBER: three.
 */
public final class ApprovalProfiles {

    private ApprovalProfiles() {}

    /** {@code REVOKE_DELETE_APPROVALS=2}, {@code REVOKE_DEACTIVATE_APPROVALS=3}. */
    public static class TwoToRevokeThreeToDeactivate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("revoke.delete-approvals", "2", "revoke.deactivate-approvals", "3");
        }
    }

    /**
     * {@code REVOKE_DELETE_APPROVALS=3}, {@code REVOKE_DEACTIVATE_APPROVALS=0}: break-glass, the
     * requester may deactivate their own request at once.
     */
    public static class ThreeToRevokeBreakGlass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("revoke.delete-approvals", "3", "revoke.deactivate-approvals", "0");
        }
    }
}
