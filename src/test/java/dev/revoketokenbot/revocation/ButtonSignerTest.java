package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Signing request IDs into button values: round trip, and refusal of anything not signed by us. */
class ButtonSignerTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String REQUEST_ID = "a1b2c3d4e5f6a7b8c9d0e1f2";

    private final ButtonSigner signer = new ButtonSigner(bytes("test-state-key-0123456789abcdef"));

    @Test
    void opensWhatItSealed() {
        assertThat(signer.open(signer.seal(REQUEST_ID))).contains(REQUEST_ID);
    }

    @Test
    void theValueCarriesTheRequestIdAndNothingElse() {
        String sealed = signer.seal(REQUEST_ID);

        assertThat(sealed).startsWith(REQUEST_ID + ".").hasSize(REQUEST_ID.length() + 1 + 43);
    }

    @Test
    void doesNotOpenWhatAnotherKeySealed() {
        ButtonSigner other = new ButtonSigner(bytes("another-key-entirely-0123456789"));

        assertThat(signer.open(other.seal(REQUEST_ID))).isEmpty();
        assertThat(other.open(signer.seal(REQUEST_ID))).isEmpty();
    }

    @Test
    void doesNotOpenAValueWithAnyCharacterChanged() {
        String sealed = signer.seal(REQUEST_ID);
        int dot = sealed.indexOf('.');
        List<Integer> stillOpened = new ArrayList<>();

        for (int i = 0; i < sealed.length(); i++) {
            if (i == dot) {
                continue;
            }
            // In the ID, another hex digit; in the signature, the sextet's high bit (a data bit everywhere).
            String changed = i < dot ? withHexDigitChanged(sealed, i) : withBitsFlipped(sealed, i, 0b100000);
            if (signer.open(changed).isPresent()) {
                stillOpened.add(i);
            }
        }

        assertThat(stillOpened)
                .as("positions whose change still opened, in a value of %d", sealed.length())
                .isEmpty();
    }

    @Test
    void doesNotOpenASignatureWithOnlyItsUnusedBitsChanged() {
        String sealed = signer.seal(REQUEST_ID);

        // 32 signature bytes take 43 characters; the last one carries 4 data bits and 2 unused bits.
        assertThat(signer.open(withBitsFlipped(sealed, sealed.length() - 1, 0b000001)))
                .isEmpty();
    }

    @Test
    void doesNotOpenAValueCutShort() {
        String sealed = signer.seal(REQUEST_ID);

        assertThat(signer.open(sealed.substring(0, sealed.length() - 1))).isEmpty();
        assertThat(signer.open(sealed.substring(0, sealed.indexOf('.') + 1))).isEmpty();
        assertThat(signer.open(sealed.substring(sealed.indexOf('.')))).isEmpty();
        assertThat(signer.open(sealed.substring(1))).isEmpty();
    }

    @Test
    void doesNotOpenMalformedValues() {
        String sealed = signer.seal(REQUEST_ID);
        String signature = sealed.substring(sealed.indexOf('.') + 1);

        assertThat(signer.open(REQUEST_ID + signature)).as("no dot").isEmpty();
        assertThat(signer.open(REQUEST_ID + "." + signature + "."))
                .as("two dots")
                .isEmpty();
        assertThat(signer.open(REQUEST_ID + ".." + signature))
                .as("two dots together")
                .isEmpty();
    }

    @Test
    void refusesIdsThatAreNotOursEvenWhenSigned() {
        for (String id : List.of("A1B2C3D4E5F6A7B8", "short", "x".repeat(24), "a".repeat(65), "a1b2c3d4e5f6a7b8 ")) {
            assertThat(signer.open(signer.seal(id))).as(id).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {".", "a.", ".a", "a.b", "!!!.###", "e30.e30"})
    void doesNotOpenJunk(String value) {
        assertThat(signer.open(value)).isEmpty();
    }

    /** {@code value} with the base64url character at {@code index} changed by XOR-ing its sextet with {@code bits}. */
    private static String withBitsFlipped(String value, int index, int bits) {
        char changed = BASE64URL.charAt(BASE64URL.indexOf(value.charAt(index)) ^ bits);
        return value.substring(0, index) + changed + value.substring(index + 1);
    }

    private static String withHexDigitChanged(String value, int index) {
        char changed = value.charAt(index) == 'f'
                ? '0'
                : (char) Character.forDigit(Character.digit(value.charAt(index), 16) + 1, 16);
        return value.substring(0, index) + changed + value.substring(index + 1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
