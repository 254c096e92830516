package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The approval policy. The defaults are the safe choice. */
@ConfigMapping(prefix = "revoke")
public interface RevokeSettings {

    /** Slack user IDs allowed to approve ({@code REVOKE_APPROVERS}). */
    Optional<Set<String>> approvers();

    /** Slack user-group IDs whose members may approve ({@code REVOKE_APPROVER_GROUPS}). */
    Optional<Set<String>> approverGroups();

    /** Channel IDs the command works in ({@code REVOKE_ALLOWED_CHANNELS}); empty means any. */
    Optional<Set<String>> allowedChannels();

    /** Where audit messages go ({@code REVOKE_AUDIT_CHANNEL}); by default the request's channel. */
    Optional<String> auditChannel();

    /** How long a request can be approved ({@code REVOKE_REQUEST_TTL}). */
    @WithDefault("15M")
    Duration requestTtl();

    /** Whether a requester may approve their own request ({@code REVOKE_SELF_APPROVAL}). */
    @WithDefault("false")
    boolean selfApproval();

    /**
     * HMAC key for the request state carried in button values ({@code REVOKE_STATE_KEY}). By
     * default derived from the signing secret; every replica must use the same one.
     */
    Optional<String> stateKey();
}
