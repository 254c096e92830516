package dev.revoketokenbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bolt's verifier, comparing in constant time. Bolt 1.48.0 compares the expected signature with
 * {@code String.equals}, which returns at the first character that differs, so how long a refusal
 * takes says how much of a forged signature was right. Slack asks for a constant-time comparison
 * ("Verifying requests from Slack"); {@link MessageDigest#isEqual} is one. Everything else is as
 * Bolt decides it: no timestamp or signature, or a timestamp over five minutes old, is refused.
 */
final class SignatureVerifier extends SlackSignature.Verifier {

    private final SlackSignature.Generator generator;

    SignatureVerifier(SlackSignature.Generator generator) {
        super(generator);
        this.generator = generator;
    }

    @Override
    public boolean isValid(String requestTimestamp, String requestBody, String requestSignature, long nowInMillis) {
        if (requestTimestamp == null
                || requestSignature == null
                || !SlackSignature.TimestampVerifier.isValidTimestamp(requestTimestamp, nowInMillis)) {
            return false;
        }
        String expected = generator.generate(requestTimestamp, requestBody);
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), requestSignature.getBytes(StandardCharsets.UTF_8));
    }
}
