package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.SlackSignature;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bot's signature generator signs exactly as Bolt's does, from any number of threads. */
class SignatureGeneratorTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "command=%2Frevoke-token&text=0123456789abcdef&user_id=U1",
                "payload=%7B%22type%22%3A%22block_actions%22%7D",
                "{\"type\":\"url_verification\",\"challenge\":\"abc\"}"
            })
    void signsAsBoltDoes(String body) {
        String bolts = new SlackSignature.Generator(SECRET).generate("1531420618", body);

        assertThat(new SignatureGenerator(SECRET).generate("1531420618", body))
                .isEqualTo(bolts)
                .matches("v0=[0-9a-f]{64}");
    }

    /** Slack's own example (api.slack.com, "Verifying requests from Slack"). */
    @Test
    void signsSlacksDocumentedExample() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
                + "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&"
                + "command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F"
                + "397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        assertThat(new SignatureGenerator(SECRET).generate("1531420618", body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void aRequestWithoutATimestampHasNoSignature() {
        assertThat(new SignatureGenerator(SECRET).generate(null, "text=x")).isNull();
    }

    @Test
    void aBlankSecretIsRefusedAsBoltRefusesIt() {
        assertThatThrownBy(() -> new SignatureGenerator(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** One generator serves all of Quarkus's worker threads at once. */
    @Test
    void signsTheSameFromManyThreadsAtOnce() throws Exception {
        SignatureGenerator shared = new SignatureGenerator(SECRET);
        SlackSignature.Generator bolts = new SlackSignature.Generator(SECRET);
        Random random = new Random(7);
        List<String> bodies = IntStream.range(0, 400)
                .mapToObj(i -> "text=" + Long.toHexString(random.nextLong()) + "&n=" + i)
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> signed = bodies.stream()
                    .map(body -> threads.submit(() -> shared.generate("1700000000", body)))
                    .toList();
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(signed.get(i).get()).isEqualTo(bolts.generate("1700000000", bodies.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
