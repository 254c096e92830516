package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bot's verifier gives Bolt's verdict on every request, right or forged. */
class SignatureVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "command=%2Frevoke-token&text=0123456789abcdef&user_id=U1";
    private static final long NOW_SECONDS = 1_700_000_000L;
    private static final String TIMESTAMP = Long.toString(NOW_SECONDS);
    private static final String SIGNED = signed(NOW_SECONDS);

    static Stream<Arguments> requests() {
        String hex = SIGNED.substring("v0=".length());
        return Stream.of(
                Arguments.of("as Slack signed it", TIMESTAMP, BODY, SIGNED, true),
                Arguments.of(
                        "signed 4 minutes ago",
                        Long.toString(NOW_SECONDS - 240),
                        BODY,
                        signed(NOW_SECONDS - 240),
                        true),
                Arguments.of(
                        "the last character off",
                        TIMESTAMP,
                        BODY,
                        SIGNED.substring(0, SIGNED.length() - 1) + flip(SIGNED.charAt(SIGNED.length() - 1)),
                        false),
                Arguments.of(
                        "the first hex character off",
                        TIMESTAMP,
                        BODY,
                        "v0=" + flip(hex.charAt(0)) + hex.substring(1),
                        false),
                Arguments.of("one character short", TIMESTAMP, BODY, SIGNED.substring(0, SIGNED.length() - 1), false),
                Arguments.of("one character long", TIMESTAMP, BODY, SIGNED + "0", false),
                Arguments.of("in capitals", TIMESTAMP, BODY, "v0=" + hex.toUpperCase(Locale.ROOT), false),
                Arguments.of("empty", TIMESTAMP, BODY, "", false),
                Arguments.of("not ASCII", TIMESTAMP, BODY, "v0=" + "é".repeat(64), false),
                Arguments.of("no signature", TIMESTAMP, BODY, null, false),
                Arguments.of("no timestamp", null, BODY, SIGNED, false),
                Arguments.of("another body", TIMESTAMP, BODY + "&x=1", SIGNED, false),
                Arguments.of(
                        "signed 6 minutes ago",
                        Long.toString(NOW_SECONDS - 360),
                        BODY,
                        signed(NOW_SECONDS - 360),
                        false),
                Arguments.of("a timestamp that is not a number", "17000x", BODY, SIGNED, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void givesBoltsVerdict(String what, String timestamp, String body, String signature, boolean valid) {
        SlackSignature.Verifier bolts = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
        SignatureVerifier ours = new SignatureVerifier(new SignatureGenerator(SECRET));
        long now = NOW_SECONDS * 1000;

        assertThat(ours.isValid(timestamp, body, signature, now)).as(what).isEqualTo(valid);
        assertThat(bolts.isValid(timestamp, body, signature, now))
                .as("Bolt's verdict on " + what)
                .isEqualTo(valid);
    }

    private static String signed(long timestampSeconds) {
        return new SlackSignature.Generator(SECRET).generate(Long.toString(timestampSeconds), BODY);
    }

    private static char flip(char hexDigit) {
        return hexDigit == '0' ? '1' : '0';
    }
}
