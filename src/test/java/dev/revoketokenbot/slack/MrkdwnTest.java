package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping, code spans and cuts: everything untrusted passes through here. */
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

    static Stream<Arguments> cuts() {
        return Stream.of(
                arguments("short text is not cut", "abc", 3, "abc"),
                arguments("plain text ends visibly", "abcdef", 4, "abc…"),
                arguments("a cut code span is closed", "`abcdef`", 6, "`abc…`"),
                arguments("a cut lands before an escape, not inside it", "`&lt;&lt;`", 8, "`&lt;…`"),
                arguments("a cut lands after a whole escape", "`&lt;&lt;&lt;`", 11, "`&lt;&lt;…`"),
                arguments("a mention is kept whole or not at all", "by <@U123> at", 8, "by …"),
                arguments("a date is kept whole or not at all", "at <!date^1^{time}|x> ok", 20, "at …"),
                arguments("a character is not cut in half", "\uD83D\uDD25\uD83D\uDD25", 3, "\uD83D\uDD25…"),
                arguments("a code span after a cut one is dropped", "`ab` and `cd`", 6, "`ab` …"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cuts")
    void cutsAreVisibleAndLeaveTheMrkdwnWhole(String name, String mrkdwn, int max, String expected) {
        assertThat(Mrkdwn.cut(mrkdwn, max)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "`&lt;&lt;&lt;&lt;&amp;&amp;&gt;&gt;x&lt;`",
                "*Reason* `a&amp;b&gt;c` by <@U1> at <!date^1^{date_short_pretty} {time}|2024> `x&lt;y`",
                "`\uD83D\uDD25&lt;\uD83D\uDD25&amp;\uD83D\uDD25`"
            })
    void everyCutFitsAndIsWellFormed(String mrkdwn) {
        for (int max = 3; max <= mrkdwn.length(); max++) {
            String cut = Mrkdwn.cut(mrkdwn, max);

            assertThat(cut.length()).as("cut to %d", max).isLessThanOrEqualTo(max);
            BlockKitLimits.assertWellFormed(cut);
            if (max < mrkdwn.length()) {
                String kept =
                        cut.endsWith("…`") ? cut.substring(0, cut.length() - 2) : cut.substring(0, cut.length() - 1);
                assertThat(cut).as("cut to %d", max).containsPattern("…`?$");
                assertThat(mrkdwn).startsWith(kept);
            } else {
                assertThat(cut).isEqualTo(mrkdwn);
            }
        }
    }

    @Test
    void aBoundedCodeSpanIsEscapedCutAndClosed() {
        String span = Mrkdwn.code("<".repeat(1_000), 50);

        assertThat(span).hasSizeLessThanOrEqualTo(50).startsWith("`&lt;").endsWith("&lt;…`");
        BlockKitLimits.assertWellFormed(span);
        assertThat(Mrkdwn.code("ci-writer", 50)).isEqualTo("`ci-writer`");
    }

    @Test
    void mentionsAreEscapedAndBounded() {
        assertThat(Mrkdwn.user("U0123ABCD")).isEqualTo("<@U0123ABCD>");
        assertThat(Mrkdwn.channel("C0123ABCD")).isEqualTo("<#C0123ABCD>");
        String huge = Mrkdwn.user("<".repeat(10_000));

        assertThat(huge)
                .hasSizeLessThanOrEqualTo(Mrkdwn.MAX_MENTION)
                .startsWith("<@&lt;")
                .endsWith("…>");
        BlockKitLimits.assertWellFormed(huge);
    }
}
