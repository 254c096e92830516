package dev.revoketokenbot.revocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.config.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals {@link RequestState} into a button value ({@code payload.signature}, both base64url) with
 * HMAC-SHA256, and opens only values whose signature verifies. The key is {@code revoke.state-key},
 * or one derived from the signing secret, so every replica sharing the config shares the key.
 */
@ApplicationScoped
public class StateSigner {

    /** Slack allows 2000 characters in a button value; anything longer is not ours. */
    static final int MAX_VALUE_LENGTH = 2000;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;

    @Inject
    StateSigner(RevokeSettings revoke, SlackSettings slack) {
        this(keyBytes(revoke, slack));
    }

    StateSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String seal(RequestState state) {
        try {
            String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(Wire.of(state)));
            return payload + "." + ENCODER.encodeToString(mac(payload));
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise request state", e);
        }
    }

    /** The state in {@code value}, or empty when it is malformed or its signature does not verify. */
    public Optional<RequestState> open(String value) {
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        try {
            // Compare the encoded text, not decoded bytes: a lenient decoder accepts several spellings of one MAC.
            byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
            byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(given, expected)) {
                return Optional.empty();
            }
            return Optional.of(
                    JSON.readValue(DECODER.decode(payload), Wire.class).toState());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] keyBytes(RevokeSettings revoke, SlackSettings slack) {
        Optional<String> explicit = revoke.stateKey().filter(k -> !k.isBlank());
        if (explicit.isPresent()) {
            return explicit.get().getBytes(StandardCharsets.UTF_8);
        }
        // A key of its own, derived so that the signing secret itself never signs our state.
        String secret = slack.signingSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "set REVOKE_STATE_KEY (revoke.state-key) or SLACK_SIGNING_SECRET (slack.signing-secret)"));
        StateSigner derivation = new StateSigner(secret.getBytes(StandardCharsets.UTF_8));
        return derivation.mac("revoke-token-bot/request-state/v1");
    }

    /** The wire form: short names keep the button value small. */
    record Wire(
            @JsonProperty("n") String requestId,
            @JsonProperty("a") String authorizationId,
            @JsonProperty("o") String owner,
            @JsonProperty("r") String requester,
            @JsonProperty("c") String channel,
            @JsonProperty("m") String reason,
            @JsonProperty("e") long expiresAt) {

        static Wire of(RequestState s) {
            return new Wire(
                    s.requestId(),
                    s.authorizationId(),
                    s.owner(),
                    s.requester(),
                    s.channel(),
                    s.reason(),
                    s.expiresAt().getEpochSecond());
        }

        RequestState toState() {
            return new RequestState(
                    requestId, authorizationId, owner, requester, channel, reason, Instant.ofEpochSecond(expiresAt));
        }
    }
}
