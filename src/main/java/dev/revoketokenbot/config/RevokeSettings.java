package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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
     * Distinct approvers a Deactivate needs ({@code REVOKE_DEACTIVATE_APPROVALS}); 0 is break-glass:
     * the requester may deactivate their own request at once.
     */
    @WithDefault("1")
    int deactivateApprovals();

    /** Distinct approvers a Revoke (delete) needs, 1 to 5 ({@code REVOKE_DELETE_APPROVALS}). */
    @WithDefault("1")
    int deleteApprovals();

    /**
     * The InfluxDB target a command without {@code --target} uses ({@code REVOKE_DEFAULT_TARGET}).
     * Unset: the only target, or the one named {@code default}; with several and neither, a command
     * must name its target.
     */
    Optional<String> defaultTarget();

    /**
     * HMAC key for the request state carried in button values ({@code REVOKE_STATE_KEY}). By
     * default derived from the signing secret; every replica must use the same one.
     */
    Optional<String> stateKey();

    /** Where the embedded ledger keeps its file when no shared ledger is set ({@code REVOKE_DATA_DIR}). */
    @WithDefault("./data")
    Path dataDir();

    /**
     * Whether this is the run that trains Java's AOT cache ({@code -Drevoke.training=true}): the bot
     * starts on placeholder settings ({@link TrainingSettings}) and exits once it is fully started.
     */
    @WithDefault("false")
    boolean training();

    /** The request ledger: every request, its stage and every decision taken on it. */
    Ledger ledger();

    /** Channel records and message updates waiting for Slack to take them. */
    Outbox outbox();

    /** A PostgreSQL ledger shared by replicas; unset, the embedded one under {@link #dataDir()}. */
    interface Ledger {

        /** JDBC URL ({@code REVOKE_LEDGER_URL}), e.g. {@code jdbc:postgresql://db:5432/revoke}. */
        Optional<String> url();

        /** The database user ({@code REVOKE_LEDGER_USERNAME}). */
        Optional<String> username();

        /** The database password ({@code REVOKE_LEDGER_PASSWORD}); a secret. */
        Optional<String> password();

        /**
         * How long a click holds a request while it deletes and re-reads the token. A replica that
         * dies holding one lets it go after this; the bot then asks InfluxDB what happened.
         */
        @WithDefault("2M")
        Duration claimLease();

        /** How often each replica looks for requests to settle: outcomes to check, requests to expire. */
        @WithDefault("5S")
        Duration settleEvery();

        /** True when replicas share a PostgreSQL ledger. */
        default boolean shared() {
            return url().filter(u -> !u.isBlank()).isPresent();
        }
    }

    /** Retries of channel records and message updates until Slack takes them. */
    interface Outbox {

        /** How often each replica looks for deliveries that are due. */
        @WithDefault("2S")
        Duration pollEvery();

        /** The wait after a first failed delivery; it doubles with each failure. */
        @WithDefault("2S")
        Duration firstRetry();

        /** The longest wait between two tries, unless Slack's {@code Retry-After} asks for more. */
        @WithDefault("1M")
        Duration maxRetry();

        /** After this long undelivered, a delivery is given up and logged. */
        @WithDefault("24H")
        Duration giveUpAfter();
    }
}
