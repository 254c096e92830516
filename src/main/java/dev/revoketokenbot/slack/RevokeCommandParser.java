package dev.revoketokenbot.slack;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.revocation.TokenId;
import dev.revoketokenbot.revocation.TokenQuery;
import java.util.Optional;

/**
 * The {@code /revoke-token} grammar: one token, as {@code <id>}, {@code --user <name>} or {@code
 * user:<name>} (v2 targets), or {@code name:<token-name>} (InfluxDB 3); optionally {@code --target
 * <name>} or {@code target:<name>} anywhere before the reason; then optionally {@code --reason
 * <text...>}. {@code targets} lists the targets; {@code help} or nothing gives usage. Never throws:
 * anything else is a usage answer saying what was wrong.
 */
final class RevokeCommandParser {

    static final int MAX_REASON_LENGTH = 300;
    static final int MAX_USER_LENGTH = 100;

    private RevokeCommandParser() {}

    /** What the words ask for, before they are checked against the target. */
    private static final class Asked {
        String target;
        String id;
        String user;
        String name;
        int tokens;
    }

    static ParsedCommand parse(String text, CommandTargets targets) {
        String remaining = text == null ? "" : text.strip();
        if (remaining.isEmpty() || remaining.equalsIgnoreCase("help")) {
            return new ParsedCommand.Usage("");
        }
        if (remaining.equalsIgnoreCase("targets")) {
            return new ParsedCommand.ListTargets();
        }
        Asked asked = new Asked();
        String reason = "";
        while (!remaining.isEmpty()) {
            String word = firstWord(remaining);
            String rest = remaining.substring(word.length()).strip();
            if (word.equals("--reason")) {
                if (rest.isEmpty()) {
                    return new ParsedCommand.Usage("`--reason` needs some text after it.");
                }
                if (rest.length() > MAX_REASON_LENGTH) {
                    return new ParsedCommand.Usage("The reason is limited to " + MAX_REASON_LENGTH + " characters.");
                }
                if (rest.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                    return new ParsedCommand.Usage("The reason may not contain control characters.");
                }
                reason = rest;
                break;
            }
            String value;
            if (word.equals("--user") || word.equals("--target") || word.equals("--name")) {
                if (rest.isEmpty() || rest.startsWith("--")) {
                    return new ParsedCommand.Usage(
                            switch (word) {
                                case "--user" -> "`--user` needs an InfluxDB user name after it.";
                                case "--name" -> "`--name` needs an InfluxDB 3 token name after it.";
                                default -> "`--target` needs a target name after it: " + targets.listed() + ".";
                            });
                }
                value = firstWord(rest);
                rest = rest.substring(value.length()).strip();
            } else {
                value = null;
            }
            Optional<String> problem;
            if (word.equals("--target") || word.startsWith("target:")) {
                problem = target(asked, value != null ? value : word.substring("target:".length()), targets);
            } else if (word.equals("--user") || word.startsWith("user:")) {
                String user = value != null ? value : word.substring("user:".length());
                if (user.isEmpty()) {
                    return new ParsedCommand.Usage("`user:` needs an InfluxDB user name, as in `user:alice`.");
                }
                asked.user = user;
                asked.tokens++;
                problem = Optional.empty();
            } else if (word.equals("--name") || word.startsWith("name:")) {
                String name = value != null ? value : word.substring("name:".length());
                if (name.isEmpty()) {
                    return new ParsedCommand.Usage("`name:` needs an InfluxDB 3 token name, as in `name:ci-writer`.");
                }
                asked.name = name;
                asked.tokens++;
                problem = Optional.empty();
            } else if (word.startsWith("-")) {
                return new ParsedCommand.Usage("Unknown option `" + shorten(word) + "`.");
            } else {
                asked.id = word;
                asked.tokens++;
                problem = Optional.empty();
            }
            if (problem.isPresent()) {
                return new ParsedCommand.Usage(problem.get());
            }
            if (asked.tokens > 1) {
                return new ParsedCommand.Usage("Give one token per request: one ID, one user or one token name.");
            }
            remaining = rest;
        }
        return lookup(asked, reason, targets);
    }

    private static Optional<String> target(Asked asked, String typed, CommandTargets targets) {
        if (typed.isEmpty()) {
            return Optional.of("`target:` needs a target name, as in `target:staging`: " + targets.listed() + ".");
        }
        if (asked.target != null) {
            return Optional.of("Give one target per request.");
        }
        Optional<String> target = targets.named(typed);
        if (target.isEmpty()) {
            return Optional.of(
                    "There is no InfluxDB target `" + shorten(typed) + "`. Targets: " + targets.listed() + ".");
        }
        asked.target = target.get();
        return Optional.empty();
    }

    private static ParsedCommand lookup(Asked asked, String reason, CommandTargets targets) {
        if (asked.tokens == 0) {
            return new ParsedCommand.Usage("Say which token: an authorization ID, or `--user &lt;name&gt;`"
                    + " (`name:&lt;token-name&gt;` on InfluxDB 3 targets).");
        }
        Optional<String> targetName = Optional.ofNullable(asked.target).or(targets::defaultName);
        if (targetName.isEmpty()) {
            return new ParsedCommand.Usage(
                    "Say which InfluxDB target: `--target &lt;name&gt;`, one of " + targets.listed() + ".");
        }
        String target = targetName.get();
        TargetKind kind = targets.kindOf(target);
        String on = "target " + Mrkdwn.code(target) + " (" + kind.label() + ")";
        if (asked.user != null) {
            if (!kind.hasUsers()) {
                return new ParsedCommand.Usage("`--user` has no meaning on " + on + ": its tokens belong to no user."
                        + " Give " + shape(kind) + ".");
            }
            if (asked.user.length() > MAX_USER_LENGTH || asked.user.chars().anyMatch(Character::isISOControl)) {
                return new ParsedCommand.Usage("That is not an InfluxDB user name.");
            }
            return new ParsedCommand.Lookup(new TokenQuery.ByUser(target, asked.user), reason);
        }
        if (asked.name != null && !kind.namesTokens()) {
            return new ParsedCommand.Usage("Tokens have no names on " + on + ": give " + shape(kind) + ".");
        }
        if (asked.id != null && kind.namesTokens()) {
            return new ParsedCommand.Usage("`" + shorten(asked.id) + "` is not how " + on + " names tokens: give "
                    + shape(kind) + ", as in `name:ci-writer`.");
        }
        String raw = asked.name != null ? asked.name : asked.id;
        Optional<TokenId> id = TokenId.parse(kind, raw);
        if (id.isEmpty()) {
            return new ParsedCommand.Usage(invalid(raw, kind, on));
        }
        return new ParsedCommand.Lookup(new TokenQuery.ById(target, id.get()), reason);
    }

    /** The shape a kind's tokens are given in, in words, with an example (escaped for mrkdwn). */
    static String shape(TargetKind kind) {
        return switch (kind) {
            case V2 -> "an authorization ID: 16 hexadecimal characters, like `0a1b2c3d4e5f6789`";
            case DEDICATED, CLUSTERED -> "a token ID: a UUID, like `7f9c2b4e-1d3a-4e5f-9a8b-0c1d2e3f4a5b`";
            case V3 -> "a token name, given as `name:&lt;token-name&gt;`";
        };
    }

    private static String invalid(String raw, TargetKind kind, String on) {
        return switch (kind) {
            case V2 ->
                "`" + shorten(raw) + "` is not an InfluxDB authorization ID: IDs are 16 hexadecimal characters,"
                        + " like `0a1b2c3d4e5f6789`.";
            case V3 ->
                "That is not an InfluxDB 3 token name: names are 1 to " + TokenId.MAX_NAME_LENGTH
                        + " characters, without blanks or control characters.";
            case DEDICATED, CLUSTERED ->
                "`" + shorten(raw) + "` is not a token ID of " + on + ", which expects " + shape(kind) + ".";
        };
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** Echoes at most a short, escaped prefix of what the user typed. */
    private static String shorten(String word) {
        String cut = word.codePointCount(0, word.length()) > 40
                ? word.substring(0, word.offsetByCodePoints(0, 40)) + "…"
                : word;
        return Mrkdwn.escape(cut.replace("`", "'"));
    }
}
