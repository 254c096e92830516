package dev.revoketokenbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bolt's signature generator, the same signature ({@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} under the signing secret) for less. Bolt 1.48.0 looks the HMAC
 * up, keys it and formats each of its 32 bytes with {@code String.format} on every request: about
 * 13 KB of garbage per request, the largest share of an ack's own ({@code src/bench/BENCHMARKS.md}).
 * Here the keyed HMAC is made once and copied per request (the JDK's can be). {@link
 * SignatureVerifier} compares.
 */
final class SignatureGenerator extends SlackSignature.Generator {

    private static final HexFormat HEX = HexFormat.of();

    private final Mac keyed;

    SignatureGenerator(String signingSecret) {
        super(signingSecret);
        try {
            keyed = Mac.getInstance(SlackSignature.ALGORITHM);
            keyed.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), SlackSignature.ALGORITHM));
        } catch (GeneralSecurityException e) {
            // Never the secret: the provider's own words at most.
            throw new IllegalStateException("HMAC-SHA256 is not available for Slack signatures", e);
        }
    }

    @Override
    public String generate(String slackRequestTimestamp, String requestBody) {
        if (slackRequestTimestamp == null) {
            return null;
        }
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return super.generate(slackRequestTimestamp, requestBody); // a provider that cannot copy: Bolt's way
        }
        byte[] hmac = mac.doFinal(("v0:" + slackRequestTimestamp + ":" + requestBody).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HEX.formatHex(hmac);
    }
}
