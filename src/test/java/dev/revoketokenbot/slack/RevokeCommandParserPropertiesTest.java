package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.TokenQuery;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the parser over generated input (a seeded generator, so a failure names its seed
 * and replays): it never throws, only well-formed IDs become ID lookups, and user names carry no
 * control characters. Inputs mix hex, flags, path and query syntax, encodings and look-alikes.
 */
class RevokeCommandParserPropertiesTest {

    private static final Pattern INFLUX_ID = Pattern.compile("[0-9a-f]{16}");

    private static final List<String> PIECES = List.of(
            "0a1b2c3d4e5f6789",
            "0A1B2C3D4E5F6789",
            "0000000000000000",
            "0a1b2c3d4e5f678",
            "0a1b2c3d4e5f67890",
            "--user",
            "user:",
            "--reason",
            "--force",
            "help",
            "-",
            "--",
            " ",
            "  ",
            "\t",
            "\n",
            "../",
            "..%2F",
            "%2F",
            "/",
            "?",
            "#",
            "&user=",
            "&",
            "=",
            "<!channel>",
            "<@U1>",
            "*",
            "_",
            "`",
            "\u0000",
            "\u202e",
            "\uff10\uff41",
            "\u0430",
            "\u00e9",
            "\ud83d\udd25",
            "\ud83d",
            "alice",
            "ops bot",
            "0a1b2c3d",
            "4e5f6789");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 42, 20261127})
    void neverThrowsAndOnlyWellFormedIdsOrCleanNamesGetThrough(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String text = generate(random);
            assertThatCode(() -> RevokeCommandParser.parse(text, CommandTargets.only("default", TargetKind.V2)))
                    .as("seed %d input %s", seed, text)
                    .doesNotThrowAnyException();
            ParsedCommand parsed = RevokeCommandParser.parse(text, CommandTargets.only("default", TargetKind.V2));
            if (parsed instanceof ParsedCommand.Lookup lookup) {
                if (lookup.target() instanceof TokenQuery.ById byId) {
                    assertThat(byId.id().value())
                            .as("seed %d input %s", seed, text)
                            .matches(INFLUX_ID)
                            .isNotEqualTo("0000000000000000");
                } else {
                    String user = ((TokenQuery.ByUser) lookup.target()).userName();
                    assertThat(user)
                            .as("seed %d input %s", seed, text)
                            .isNotBlank()
                            .hasSizeLessThanOrEqualTo(100);
                    assertThat(user.chars().noneMatch(Character::isISOControl)).isTrue();
                    assertThat(user).doesNotContainAnyWhitespaces();
                }
                assertThat(lookup.reason().chars().noneMatch(c -> Character.isISOControl(c) && c != '\n'))
                        .isTrue();
            } else {
                String problem = ((ParsedCommand.Usage) parsed).problem();
                assertThat(problem).as("echoed input is escaped").doesNotContain("<!", "<@");
            }
        }
    }

    private static String generate(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(0x3000));
            } else {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
