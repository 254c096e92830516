package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.RevokeSettings;
import dev.revoketokenbot.config.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the request ID a button carries ({@code id.signature}, the signature HMAC-SHA256 in
 * base64url), so that a forged or edited click is refused before the ledger is read. The button
 * holds nothing else: the request's truth is in the ledger. The key is {@code revoke.state-key}, or
 * one derived from the signing secret, so every replica sharing the config shares the key.
 */
@ApplicationScoped
public class ButtonSigner {

    /** Request IDs are the bot's own: lowercase hex. Anything else is not a value we made. */
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{16,64}");

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Inject
    ButtonSigner(RevokeSettings revoke, SlackSettings slack) {
        this(keyBytes(revoke, slack));
    }

    ButtonSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String seal(String requestId) {
        return requestId + "." + ENCODER.encodeToString(mac(requestId));
    }

    /** The request ID in {@code value}, or empty when it is malformed or its signature does not verify. */
    public Optional<String> open(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        String requestId = value.substring(0, dot);
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Optional.empty();
        }
        // Compare the encoded text, not decoded bytes: a lenient decoder accepts several spellings of one MAC.
        byte[] expected = ENCODER.encodeToString(mac(requestId)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(requestId) : Optional.empty();
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
        // A key of its own, derived so that the signing secret itself never signs our buttons.
        String secret = slack.signingSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "set REVOKE_STATE_KEY (revoke.state-key) or SLACK_SIGNING_SECRET (slack.signing-secret)"));
        ButtonSigner derivation = new ButtonSigner(secret.getBytes(StandardCharsets.UTF_8));
        return derivation.mac("revoke-token-bot/request-state/v1");
    }
}
