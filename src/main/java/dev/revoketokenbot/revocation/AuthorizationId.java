package dev.revoketokenbot.revocation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An InfluxDB authorization ID: 16 hex characters, not all zeros. Only a value of this type is
 * ever sent to InfluxDB, so raw input can never become part of a request path.
 */
public record AuthorizationId(String value) {

    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");

    public AuthorizationId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an InfluxDB authorization ID");
        }
    }

    /** The ID in {@code raw}, lower-cased, if it is one. */
    public static Optional<AuthorizationId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = raw.toLowerCase(Locale.ROOT);
        return isValid(candidate) ? Optional.of(new AuthorizationId(candidate)) : Optional.empty();
    }

    private static boolean isValid(String value) {
        return value != null && HEX16.matcher(value).matches() && !value.equals("0000000000000000");
    }

    @Override
    public String toString() {
        return value;
    }
}
