package dev.revoketokenbot.revocation;

import dev.revoketokenbot.config.TargetKind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What names a token on a target of some kind, checked for the shape that kind uses: 16 hex
 * characters, not all zeros (v2); a UUID (Cloud Dedicated, Clustered); a token name (InfluxDB 3).
 * Only a value of this type is ever sent to InfluxDB, so raw input never becomes part of a path.
 */
public record TokenId(TargetKind kind, String value) {

    /** The longest InfluxDB 3 token name the bot accepts. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public TokenId {
        if (!isValid(kind, value)) {
            throw new IllegalArgumentException("not a token ID of " + kind);
        }
    }

    /** The ID in {@code raw} for a target of this kind, normalised (lower-case IDs), if it is one. */
    public static Optional<TokenId> parse(TargetKind kind, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = kind.namesTokens() ? raw : raw.toLowerCase(Locale.ROOT);
        return isValid(kind, candidate) ? Optional.of(new TokenId(kind, candidate)) : Optional.empty();
    }

    private static boolean isValid(TargetKind kind, String value) {
        if (value == null || kind == null) {
            return false;
        }
        return switch (kind) {
            case V2 -> HEX16.matcher(value).matches() && !value.equals("0000000000000000");
            case DEDICATED, CLUSTERED -> UUID.matcher(value).matches();
            case V3 ->
                !value.isEmpty()
                        && value.length() <= MAX_NAME_LENGTH
                        && value.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        };
    }

    /**
     * Whether this names InfluxDB 3's operator token, {@code _admin}: InfluxDB refuses to delete it
     * (405); it can only be regenerated.
     */
    public boolean isOperatorToken() {
        return kind == TargetKind.V3 && value.equals("_admin");
    }

    @Override
    public String toString() {
        return value;
    }
}
