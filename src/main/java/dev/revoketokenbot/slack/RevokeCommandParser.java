package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.AuthorizationId;
import dev.revoketokenbot.revocation.TokenQuery;
import java.util.Optional;

/**
 * The {@code /revoke-token} grammar: {@code <authorization-id>}, {@code --user <name>} or
 * {@code user:<name>}, then optionally {@code --reason <text...>}; {@code help} or nothing gives
 * usage. Never throws: anything else is a usage answer saying what was wrong.
 */
final class RevokeCommandParser {

    static final int MAX_REASON_LENGTH = 300;
    static final int MAX_USER_LENGTH = 100;

    private RevokeCommandParser() {}

    static ParsedCommand parse(String text) {
        String remaining = text == null ? "" : text.strip();
        if (remaining.isEmpty() || remaining.equalsIgnoreCase("help")) {
            return new ParsedCommand.Usage("");
        }
        TokenQuery target = null;
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
            String user = null;
            if (word.equals("--user")) {
                if (rest.isEmpty() || rest.startsWith("--")) {
                    return new ParsedCommand.Usage("`--user` needs an InfluxDB user name after it.");
                }
                user = firstWord(rest);
                rest = rest.substring(user.length()).strip();
            } else if (word.startsWith("user:")) {
                user = word.substring("user:".length());
                if (user.isEmpty()) {
                    return new ParsedCommand.Usage("`user:` needs an InfluxDB user name, as in `user:alice`.");
                }
            } else if (word.startsWith("-")) {
                return new ParsedCommand.Usage("Unknown option `" + shorten(word) + "`.");
            }
            if (target != null) {
                return new ParsedCommand.Usage("Give one authorization ID or one user per request.");
            }
            if (user != null) {
                if (user.length() > MAX_USER_LENGTH || user.chars().anyMatch(Character::isISOControl)) {
                    return new ParsedCommand.Usage("That is not an InfluxDB user name.");
                }
                target = new TokenQuery.ByUser(user);
            } else {
                Optional<AuthorizationId> id = AuthorizationId.parse(word);
                if (id.isEmpty()) {
                    return new ParsedCommand.Usage("`" + shorten(word) + "` is not an InfluxDB authorization ID:"
                            + " IDs are 16 hexadecimal characters, like `0a1b2c3d4e5f6789`.");
                }
                target = new TokenQuery.ById(id.get());
            }
            remaining = rest;
        }
        if (target == null) {
            return new ParsedCommand.Usage("Say which token: an authorization ID, or `--user &lt;name&gt;`.");
        }
        return new ParsedCommand.Lookup(target, reason);
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
