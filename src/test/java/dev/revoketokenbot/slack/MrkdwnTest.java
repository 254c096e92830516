package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Escaping and code spans: everything untrusted passes through here. */
class MrkdwnTest {

    static Stream<Arguments> escapes() {
        return Stream.of(
                arguments("plain text", "leaked in CI", "leaked in CI"),
                arguments("channel ping", "<!channel>", "&lt;!channel&gt;"),
                arguments("link with label", "<https://evil|click>", "&lt;https://evil|click&gt;"),
                arguments("user mention", "<@U123>", "&lt;@U123&gt;"),
                arguments("ampersand first, so entities are not double-decoded", "&lt;", "&amp;lt;"),
                arguments("null", null, ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("escapes")
    void escapesMrkdwnControlCharacters(String name, String raw, String escaped) {
        assertThat(Mrkdwn.escape(raw)).isEqualTo(escaped);
    }

    static Stream<Arguments> codeSpans() {
        return Stream.of(
                arguments("plain text", "ci-writer", "`ci-writer`"),
                arguments("backticks cannot close the span", "a`<!here>`b", "`a'&lt;!here&gt;'b`"),
                arguments("empty text keeps the span valid", "", "` `"),
                arguments("null keeps the span valid", null, "` `"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("codeSpans")
    void codeSpansAreEscapedAndClosed(String name, String raw, String expected) {
        assertThat(Mrkdwn.code(raw)).isEqualTo(expected);
    }
}
