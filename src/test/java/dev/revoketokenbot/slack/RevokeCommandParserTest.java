package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.TokenId;
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
    private static final TokenQuery BY_ID = new TokenQuery.ById("default", new TokenId(TargetKind.V2, ID));
    private static final TokenQuery ALICE = new TokenQuery.ByUser("default", "alice");
    private static final CommandTargets ONE_TARGET = CommandTargets.only("default", TargetKind.V2);
    private static final String LONGEST_REASON = "r".repeat(RevokeCommandParser.MAX_REASON_LENGTH);

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "help", "HELP", "  help  "})
    void nothingOrHelpGivesPlainUsage(String text) {
        assertThat(RevokeCommandParser.parse(text, ONE_TARGET)).isEqualTo(new ParsedCommand.Usage(""));
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
        assertThat(RevokeCommandParser.parse(text, ONE_TARGET)).isEqualTo(expected);
    }

    static Stream<Arguments> usageProblems() {
        return Stream.of(
                arguments("--user without a value", "--user", "`--user` needs an InfluxDB user name"),
                arguments("--user then another option", "--user --reason x", "`--user` needs an InfluxDB user name"),
                arguments("user: without a name", "user:", "`user:` needs an InfluxDB user name"),
                arguments("an unknown flag", "--force " + ID, "Unknown option `--force`"),
                arguments("an unknown flag after the ID", ID + " -f", "Unknown option `-f`"),
                arguments("two IDs", ID + " 1111111111111111", "Give one token per request"),
                arguments("an ID and a user", ID + " --user alice", "Give one token per request"),
                arguments("two users", "--user alice user:bob", "Give one token per request"),
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

    /** prod (v2, the default), edge (InfluxDB 3), cloud (Cloud Dedicated), onprem (Clustered). */
    private static final CommandTargets FOUR = new CommandTargets(
            java.util.Map.of(
                    "prod", TargetKind.V2,
                    "edge", TargetKind.V3,
                    "cloud", TargetKind.DEDICATED,
                    "onprem", TargetKind.CLUSTERED),
            java.util.Optional.of("prod"));

    private static final String UUID = "7f9c2b4e-1d3a-4e5f-9a8b-0c1d2e3f4a5b";

    static Stream<Arguments> targetLookups() {
        return Stream.of(
                arguments("no --target: the default", ID, new TokenQuery.ById("prod", new TokenId(TargetKind.V2, ID))),
                arguments(
                        "--target before the ID",
                        "--target prod " + ID,
                        new TokenQuery.ById("prod", new TokenId(TargetKind.V2, ID))),
                arguments("target: after the user", "--user alice target:PROD", new TokenQuery.ByUser("prod", "alice")),
                arguments(
                        "an InfluxDB 3 token by name",
                        "--target edge name:ci-writer",
                        new TokenQuery.ById("edge", new TokenId(TargetKind.V3, "ci-writer"))),
                arguments(
                        "--name keeps the name's case",
                        "target:edge --name CI_Writer.2",
                        new TokenQuery.ById("edge", new TokenId(TargetKind.V3, "CI_Writer.2"))),
                arguments(
                        "a Cloud Dedicated UUID, lower-cased",
                        "--target cloud " + UUID.toUpperCase(java.util.Locale.ROOT),
                        new TokenQuery.ById("cloud", new TokenId(TargetKind.DEDICATED, UUID))),
                arguments(
                        "a Clustered UUID",
                        UUID + " --target onprem",
                        new TokenQuery.ById("onprem", new TokenId(TargetKind.CLUSTERED, UUID))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("targetLookups")
    void parsesTheTargetAnywhereBeforeTheReason(String name, String text, TokenQuery expected) {
        assertThat(RevokeCommandParser.parse(text + " --reason leaked", FOUR))
                .isEqualTo(new ParsedCommand.Lookup(expected, "leaked"));
    }

    static Stream<Arguments> targetProblems() {
        return Stream.of(
                arguments(
                        "an unknown target lists the known ones",
                        "--target staging " + ID,
                        "There is no InfluxDB target `staging`. Targets: `cloud` (Cloud Dedicated), `edge` (InfluxDB 3),"
                                + " `onprem` (Clustered), `prod` (InfluxDB v2)."),
                arguments("--target without a name", "--target", "`--target` needs a target name after it: `cloud`"),
                arguments("two targets", "--target prod target:edge " + ID, "Give one target per request."),
                arguments(
                        "a v2 ID on InfluxDB 3",
                        "--target edge " + ID,
                        "is not how target `edge` (InfluxDB 3) names tokens: give a token name, given as"
                                + " `name:<token-name>`"),
                arguments(
                        "a v2 ID on Cloud Dedicated",
                        "--target cloud " + ID,
                        "is not a token ID of target `cloud` (Cloud Dedicated), which expects a token ID: a UUID"),
                arguments(
                        "a UUID on a v2 target",
                        UUID,
                        "is not an InfluxDB authorization ID: IDs are 16 hexadecimal characters"),
                arguments(
                        "--user on InfluxDB 3",
                        "--target edge --user alice",
                        "`--user` has no meaning on target `edge` (InfluxDB 3): its tokens belong to no user."),
                arguments(
                        "--user on Clustered",
                        "--target onprem user:alice",
                        "`--user` has no meaning on target `onprem` (Clustered)"),
                arguments(
                        "a name on a v2 target",
                        "name:ci-writer",
                        "Tokens have no names on target `prod` (InfluxDB v2): give an authorization ID"),
                arguments("name: without a name", "--target edge name:", "`name:` needs an InfluxDB 3 token name"),
                arguments(
                        "a name too long",
                        "--target edge name:" + "n".repeat(TokenId.MAX_NAME_LENGTH + 1),
                        "That is not an InfluxDB 3 token name"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("targetProblems")
    void answersTargetProblemsNamingTheShapeExpected(String name, String text, String problem) {
        ParsedCommand parsed = RevokeCommandParser.parse(text, FOUR);
        assertThat(parsed).isInstanceOf(ParsedCommand.Usage.class);
        assertThat(((ParsedCommand.Usage) parsed).problem().replace("&lt;", "<").replace("&gt;", ">"))
                .contains(problem);
    }

    @Test
    void withSeveralTargetsAndNoDefaultACommandMustNameOne() {
        CommandTargets noDefault = new CommandTargets(FOUR.kinds(), java.util.Optional.empty());

        ParsedCommand parsed = RevokeCommandParser.parse(ID, noDefault);

        assertThat(((ParsedCommand.Usage) parsed).problem())
                .contains("Say which InfluxDB target: `--target &lt;name&gt;`, one of `cloud` (Cloud Dedicated)");
        assertThat(RevokeCommandParser.parse("--target prod " + ID, noDefault))
                .isInstanceOf(ParsedCommand.Lookup.class);
    }

    @Test
    void targetsListsTheTargets() {
        assertThat(RevokeCommandParser.parse(" Targets ", FOUR)).isEqualTo(new ParsedCommand.ListTargets());
        assertThat(ReplyTexts.targets(FOUR))
                .isEqualTo("*InfluxDB targets*: `cloud` (Cloud Dedicated), `edge` (InfluxDB 3), `onprem` (Clustered),"
                        + " `prod` (InfluxDB v2). Without `--target`, `prod` is used.");
    }

    private static ParsedCommand lookup(TokenQuery target, String reason) {
        return new ParsedCommand.Lookup(target, reason);
    }

    private static TokenQuery user(String name) {
        return new TokenQuery.ByUser("default", name);
    }

    /** The problem of the usage answer {@code text} must get; fails if it parses as anything else. */
    private static String usageProblem(String text) {
        ParsedCommand parsed = RevokeCommandParser.parse(text, ONE_TARGET);
        assertThat(parsed).isInstanceOf(ParsedCommand.Usage.class);
        return ((ParsedCommand.Usage) parsed).problem();
    }
}
