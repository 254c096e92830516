package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sealing request state into button values: round trip, and refusal of anything not sealed by us. */
class StateSignerTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static final String NONCE = "a1b2c3d4e5f6a7b8c9d0e1f2";
    private static final String ID = "0a1b2c3d4e5f6789";
    private static final Instant EXPIRES_AT = Instant.parse("2024-05-01T12:15:00Z");

    private final StateSigner signer = new StateSigner(bytes("test-state-key-0123456789abcdef"));

    private static RequestState state(String reason) {
        return new RequestState(NONCE, ID, "ci-writer", "UREQUESTER", "CINCIDENT", reason, EXPIRES_AT);
    }

    @Test
    void opensWhatItSealed() {
        RequestState original = state("leaked in a CI log");

        assertThat(signer.open(signer.seal(original))).contains(original);
    }

    @Test
    void keepsExpiryToTheSecond() {
        Instant expiresAt = Instant.parse("2024-05-01T12:15:07.987654321Z");
        RequestState original = new RequestState(NONCE, ID, "", "U1", "C1", "", expiresAt);

        RequestState opened = signer.open(signer.seal(original)).orElseThrow();

        assertThat(opened.expiresAt()).isEqualTo(Instant.parse("2024-05-01T12:15:07Z"));
        assertThat(opened)
                .usingRecursiveComparison()
                .ignoringFields("expiresAt")
                .isEqualTo(original);
    }

    @Test
    void doesNotOpenWhatAnotherKeySealed() {
        StateSigner other = new StateSigner(bytes("another-key-entirely-0123456789"));

        assertThat(signer.open(other.seal(state("leaked")))).isEmpty();
        assertThat(other.open(signer.seal(state("leaked")))).isEmpty();
    }

    @Test
    void doesNotOpenAValueWithAnyCharacterChanged() {
        String sealed = signer.seal(state("leaked in a CI log"));
        List<Integer> stillOpened = new ArrayList<>();

        for (int i = 0; i < sealed.length(); i++) {
            // The sextet's high bit is a data bit in every position, the signature's last one included.
            if (sealed.charAt(i) != '.'
                    && signer.open(withBitsFlipped(sealed, i, 0b100000)).isPresent()) {
                stillOpened.add(i);
            }
        }

        assertThat(stillOpened)
                .as("positions whose change still opened, in a value of %d", sealed.length())
                .isEmpty();
    }

    @Test
    void doesNotOpenASignatureWithOnlyItsUnusedBitsChanged() {
        String sealed = signer.seal(state("leaked"));

        // 32 signature bytes take 43 characters; the last one carries 4 data bits and 2 unused bits.
        assertThat(signer.open(withBitsFlipped(sealed, sealed.length() - 1, 0b000001)))
                .isEmpty();
    }

    @Test
    void doesNotOpenAValueCutShort() {
        String sealed = signer.seal(state("leaked"));

        assertThat(signer.open(sealed.substring(0, sealed.length() - 1))).isEmpty();
        assertThat(signer.open(sealed.substring(0, sealed.indexOf('.') + 1))).isEmpty();
        assertThat(signer.open(sealed.substring(sealed.indexOf('.')))).isEmpty();
    }

    @Test
    void doesNotOpenMalformedValues() {
        String sealed = signer.seal(state("leaked"));
        String payload = sealed.substring(0, sealed.indexOf('.'));
        String signature = sealed.substring(sealed.indexOf('.') + 1);

        assertThat(signer.open(payload + signature)).as("no dot").isEmpty();
        assertThat(signer.open(payload + "." + signature + ".")).as("two dots").isEmpty();
        assertThat(signer.open(payload + ".." + signature))
                .as("two dots together")
                .isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {".", "a.", ".a", "a.b", "!!!.###", "e30.e30"})
    void doesNotOpenJunk(String value) {
        assertThat(signer.open(value)).isEmpty();
    }

    @Test
    void doesNotOpenAValueOverTwoThousandCharactersEvenWhenSigned() {
        String sealed = signer.seal(state("x".repeat(3000)));

        assertThat(sealed.length()).isGreaterThan(StateSigner.MAX_VALUE_LENGTH);
        assertThat(signer.open(sealed)).isEmpty();
    }

    @Test
    void sealsTheLongestReasonWithinSlacksButtonValueLimit() {
        // Three UTF-8 bytes per character is the most a 300-character reason can cost outside control characters.
        String owner = "u".repeat(100);
        RequestState longest = new RequestState(
                NONCE, ID, owner, "U0123456789ABCDEF", "C0123456789ABCDEF", "漏".repeat(300), EXPIRES_AT);

        String sealed = signer.seal(longest);

        assertThat(sealed).hasSizeLessThan(StateSigner.MAX_VALUE_LENGTH);
        assertThat(signer.open(sealed)).contains(longest);
    }

    @Test
    void sealsEmojiReasonsWithinTheLimitAndIntact() {
        String unit = "🔑🚨 leaked <!channel> & \"quoted\" ";
        String reason = unit.repeat(300 / unit.length());
        RequestState emoji = state(reason + "x".repeat(300 - reason.length()));
        assertThat(emoji.reason()).hasSize(300);

        String sealed = signer.seal(emoji);

        assertThat(sealed).hasSizeLessThan(StateSigner.MAX_VALUE_LENGTH);
        assertThat(signer.open(sealed)).contains(emoji);
    }

    @Test
    void sealedValueIsPlainBase64UrlWithOneDot() {
        String sealed = signer.seal(state("<!channel> & \"quotes\" <https://evil|click>"));

        assertThat(sealed).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").doesNotContain("<", "&", "\"");
    }

    /** {@code value} with the base64url character at {@code index} changed by XOR-ing its sextet with {@code bits}. */
    private static String withBitsFlipped(String value, int index, int bits) {
        char changed = BASE64URL.charAt(BASE64URL.indexOf(value.charAt(index)) ^ bits);
        return value.substring(0, index) + changed + value.substring(index + 1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
