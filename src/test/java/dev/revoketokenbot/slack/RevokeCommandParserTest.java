package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.revoketokenbot.revocation.AuthorizationId;
import dev.revoketokenbot.revocation.TokenQuery;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code /revoke-token} grammar: what becomes a lookup, and what is answered with usage. */
class RevokeCommandParserTest {

    private static final String ID = "0a1b2c3d4e5f6789";
    private static final TokenQuery BY_ID = new TokenQuery.ById(new AuthorizationId(ID));
    private static final TokenQuery ALICE = new TokenQuery.ByUser("alice");
    private static final String LONGEST_REASON = "r".repeat(RevokeCommandParser.MAX_REASON_LENGTH);

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "help", "HELP", "  help  "})
    void nothingOrHelpGivesPlainUsage(String text) {
        assertThat(RevokeCommandParser.parse(text)).isEqualTo(new ParsedCommand.Usage(""));
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                arguments("an ID", ID, lookup(BY_ID, "")),
                arguments("an upper-case ID is lower-cased", "0A1B2C3D4E5F6789", lookup(BY_ID, "")),
                arguments("surrounding blanks are ignored", "  " + ID + "  ", lookup(BY_ID, "")),
                arguments("--user", "--user alice", lookup(ALICE, "")),
                arguments("user:", "user:alice", lookup(ALICE, "")),
                arguments("a reason after the ID", ID + " --reason leaked in CI", lookup(BY_ID, "leaked in CI")),
                arguments("a reason after --user", "--user alice --reason on #general", lookup(ALICE, "on #general")),
                arguments("a reason after user:", "user:alice --reason on a slide", lookup(ALICE, "on a slide")),
                arguments("the reason keeps dashes as text", ID + " --reason see --user", lookup(BY_ID, "see --user")),
                arguments("a 300-character reason", ID + " --reason " + LONGEST_REASON, lookup(BY_ID, LONGEST_REASON)),
                arguments("a 100-character user name", "user:" + "u".repeat(100), lookup(user("u".repeat(100)), "")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lookups")
    void parsesLookups(String name, String text, ParsedCommand expected) {
        assertThat(RevokeCommandParser.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> usageProblems() {
        return Stream.of(
                arguments("--user without a value", "--user", "`--user` needs an InfluxDB user name"),
                arguments("--user then another option", "--user --reason x", "`--user` needs an InfluxDB user name"),
                arguments("user: without a name", "user:", "`user:` needs an InfluxDB user name"),
                arguments("an unknown flag", "--force " + ID, "Unknown option `--force`"),
                arguments("an unknown flag after the ID", ID + " -f", "Unknown option `-f`"),
                arguments("two IDs", ID + " 1111111111111111", "Give one authorization ID or one user"),
                arguments("an ID and a user", ID + " --user alice", "Give one authorization ID or one user"),
                arguments("two users", "--user alice user:bob", "Give one authorization ID or one user"),
                arguments("--reason with nothing after it", ID + " --reason", "`--reason` needs some text"),
                arguments("--reason with only blanks", ID + " --reason    ", "`--reason` needs some text"),
                arguments("a 301-character reason", ID + " --reason " + "r".repeat(301), "limited to 300 characters"),
                arguments("a reason before the target", "--reason leaked " + ID, "Say which token"),
                arguments("a 101-character user name", "--user " + "u".repeat(101), "not an InfluxDB user name"),
                arguments("a control character in a user", "user:al\u0007ice", "not an InfluxDB user name"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("usageProblems")
    void answersUsageSayingWhatWasWrong(String name, String text, String problem) {
        assertThat(usageProblem(text)).contains(problem);
    }

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                arguments("15 characters", "0a1b2c3d4e5f678"),
                arguments("17 characters", "0a1b2c3d4e5f67890"),
                arguments("a non-hex letter", "0a1b2c3d4e5f678g"),
                arguments("all zeros", "0000000000000000"),
                arguments("a path traversal", "../../etc"),
                arguments("an encoded slash", "%2F.."),
                arguments("a full-width digit", "0a1b2c3d4e5f678\uFF19"),
                arguments("a query string", "?user=x"),
                arguments("an ID with a path suffix", ID + "/.."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidIds")
    void neverLooksUpAnInvalidId(String name, String id) {
        assertThat(usageProblem(id)).contains("is not an InfluxDB authorization ID");
        assertThat(usageProblem(id + " --reason leaked")).contains("is not an InfluxDB authorization ID");
    }

    static Stream<Arguments> echoedInput() {
        return Stream.of(
                arguments("a channel ping as an ID", "<!channel>", "`&lt;!channel&gt;`"),
                arguments("a link as an ID", "<https://evil|click>", "`&lt;https://evil|click&gt;`"),
                arguments("an ampersand in an ID", "a&b", "`a&amp;b`"),
                arguments("a here ping as a flag", "--<!here>", "`--&lt;!here&gt;`"),
                arguments("backticks cannot close the code span", "`<!here>`", "`'&lt;!here&gt;'`"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("echoedInput")
    void escapesWhatItEchoes(String name, String text, String echoed) {
        assertThat(usageProblem(text)).contains(echoed).doesNotContain("<");
    }

    @Test
    void echoesOnlyAShortPrefixOfLongInput() {
        assertThat(usageProblem("x".repeat(40))).contains("`" + "x".repeat(40) + "`");
        assertThat(usageProblem("x".repeat(41)))
                .contains("`" + "x".repeat(40) + "…`")
                .doesNotContain("x".repeat(41));
    }

    private static ParsedCommand lookup(TokenQuery target, String reason) {
        return new ParsedCommand.Lookup(target, reason);
    }

    private static TokenQuery user(String name) {
        return new TokenQuery.ByUser(name);
    }

    /** The problem of the usage answer {@code text} must get; fails if it parses as anything else. */
    private static String usageProblem(String text) {
        ParsedCommand parsed = RevokeCommandParser.parse(text);
        assertThat(parsed).isInstanceOf(ParsedCommand.Usage.class);
        return ((ParsedCommand.Usage) parsed).problem();
    }
}
