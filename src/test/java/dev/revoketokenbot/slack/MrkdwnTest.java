package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping, invisible characters, code spans and cuts: everything untrusted passes through here. */
class MrkdwnTest {

    private static final String MARKER = "\uFFFD";

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
                arguments("line breaks of every kind keep it on one line", "a\nb\r\nc\u2028d\u2029e", "`a b  c d e`"),
                arguments("empty text keeps the span valid", "", "` `"),
                arguments("null keeps the span valid", null, "` `"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("codeSpans")
    void codeSpansAreEscapedAndClosed(String name, String raw, String expected) {
        assertThat(Mrkdwn.code(raw)).isEqualTo(expected);
    }

    static Stream<Arguments> invisible() {
        return Stream.of(
                arguments("U+202A left-to-right embedding", "\u202A"),
                arguments("U+202B right-to-left embedding", "\u202B"),
                arguments("U+202C pop directional formatting", "\u202C"),
                arguments("U+202D left-to-right override", "\u202D"),
                arguments("U+202E right-to-left override", "\u202E"),
                arguments("U+2066 left-to-right isolate", "\u2066"),
                arguments("U+2067 right-to-left isolate", "\u2067"),
                arguments("U+2068 first strong isolate", "\u2068"),
                arguments("U+2069 pop directional isolate", "\u2069"),
                arguments("U+200E left-to-right mark", "\u200E"),
                arguments("U+200F right-to-left mark", "\u200F"),
                arguments("U+061C arabic letter mark", "\u061C"),
                arguments("U+200B zero width space", "\u200B"),
                arguments("U+200C zero width non-joiner", "\u200C"),
                arguments("U+200D zero width joiner", "\u200D"),
                arguments("U+2060 word joiner", "\u2060"),
                arguments("U+FEFF zero width no-break space", "\uFEFF"),
                arguments("U+E0041 tag latin capital A, invisible", new String(Character.toChars(0xE0041))),
                arguments("U+0007 bell, a control character", "\u0007"),
                arguments("a lone surrogate", "\uD800"));
    }

    @ParameterizedTest(name = "[{index}] {0} becomes a visible marker")
    @MethodSource("invisible")
    void invisibleAndDirectionCharactersBecomeAVisibleMarker(String name, String character) {
        assertThat(Mrkdwn.escape("a" + character + "b")).isEqualTo("a" + MARKER + "b");
        assertThat(Mrkdwn.code("a" + character + "b")).isEqualTo("`a" + MARKER + "b`");
    }

    @Test
    void reversedTextReadsInTheOrderItWasWritten() {
        assertThat(Mrkdwn.code("invoice\u202Egpj.exe")).isEqualTo("`invoice" + MARKER + "gpj.exe`");
    }

    @ParameterizedTest(name = "[{index}] {0} is left alone")
    @ValueSource(strings = {"café", "日本語", "עברית ومعها العربية", "\uD83D\uDD25 fire", "tab\there", "two\nlines"})
    void visibleTextIsLeftAlone(String text) {
        assertThat(Mrkdwn.escape(text)).isEqualTo(text);
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
