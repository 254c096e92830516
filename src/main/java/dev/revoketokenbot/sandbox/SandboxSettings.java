package dev.revoketokenbot.sandbox;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Converters;
import io.smallrye.config.PropertiesConfigSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches sandbox mode on, through configuration only: in dev mode when no Slack and no InfluxDB
 * setting is given, or wherever {@code REVOKE_SANDBOX=true}. It then supplies the bot's settings,
 * pointing at the stand-ins this process serves under {@code /sandbox}; the bot starts as it always
 * does, and nothing in it knows. Beside any real Slack or InfluxDB setting, {@code REVOKE_SANDBOX=true}
 * refuses to start, naming the settings (never their values).
 */
public class SandboxSettings implements ConfigSourceFactory {

    static final String SWITCH = "revoke.sandbox";

    /** What a real install sets: sandbox mode supplies all of these itself, and starts beside none. */
    static final List<String> REAL_SETTINGS = List.of(
            "slack.signing-secret",
            "slack.bot-token",
            "slack.app-token",
            "slack.api-url",
            "influx.url",
            "influx.token");

    /**
     * Above application.properties (250), whose profile settings the sandbox replaces; below the
     * environment (300), so that other settings given there (REVOKE_REQUEST_TTL, say) still apply.
     */
    private static final int ORDINAL = 275;

    /** The ordinal of the values Quarkus carries from static init to runtime configuration. */
    private static final int CARRIED_OVER = 0;

    /** The ledger of a sandbox lives and dies with the process, like its InfluxDB: nothing is written to disk. */
    static final String LEDGER_URL = "jdbc:h2:mem:revoke-sandbox;DB_CLOSE_DELAY=-1";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> real = new ArrayList<>(REAL_SETTINGS.stream()
                .filter(name -> isGiven(context.getValue(name)))
                .toList());
        realTargets(context).ifPresent(real::add);
        ConfigValue asked = context.getValue(SWITCH);
        boolean on = isSet(asked)
                ? Converters.getImplicitConverter(Boolean.class)
                        .convert(asked.getValue().trim())
                : context.getProfiles().contains("dev") && real.isEmpty();
        if (!on) {
            return List.of();
        }
        if (!real.isEmpty()) {
            throw new IllegalStateException(besideRealSettings(real));
        }
        String port = context.getProfiles().contains("test") ? "quarkus.http.test-port" : "quarkus.http.port";
        ConfigValue portValue = context.getValue(port);
        if (isSet(portValue) && portValue.getValue().trim().equals("0")) {
            throw new IllegalStateException(onAnyPort(port));
        }
        return List.of(new PropertiesConfigSource(settings(port), "revoke-token-bot sandbox", ORDINAL));
    }

    /** The bot's settings in the sandbox; the HTTP port is read from {@code portProperty} when the bot starts. */
    static Map<String, String> settings(String portProperty) {
        String here = "http://localhost:${" + portProperty + "}";
        return Map.ofEntries(
                Map.entry(SWITCH, "true"),
                Map.entry("revoke.sandbox-url", here + "/sandbox"),
                Map.entry("slack.signing-secret", SandboxWorkspace.SIGNING_SECRET),
                Map.entry("slack.bot-token", SandboxWorkspace.BOT_TOKEN),
                Map.entry("slack.api-url", here + SlackWebApiResource.PATH + "/"),
                Map.entry("influx.url", here + InMemoryInfluxResource.BASE),
                Map.entry("influx.token", InfluxSeed.OPERATOR_TOKEN),
                Map.entry("revoke.approvers", SandboxWorkspace.APPROVER.id()),
                Map.entry("revoke.approver-groups", SandboxWorkspace.APPROVER_GROUP),
                Map.entry("quarkus.datasource.embedded.jdbc.url", LEDGER_URL));
    }

    /** Named InfluxDB targets ({@code INFLUX_TARGETS_<NAME>_*}) are real settings too. */
    private static Optional<String> realTargets(ConfigSourceContext context) {
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            boolean target = name.startsWith("INFLUX_TARGETS_") || name.startsWith("influx.targets.");
            if (target && isGiven(context.getValue(name))) {
                return Optional.of("influx.targets.*");
            }
        }
        return Optional.empty();
    }

    static String besideRealSettings(List<String> real) {
        return "revoke-token-bot: sandbox mode (REVOKE_SANDBOX=true) plays Slack and InfluxDB itself and never"
                + " runs beside real settings, but these are set: "
                + real.stream().map(SandboxSettings::named).collect(Collectors.joining(", "))
                + ". Unset them to try the sandbox, or unset REVOKE_SANDBOX to run the bot for real.";
    }

    static String onAnyPort(String portProperty) {
        return "revoke-token-bot: sandbox mode needs to know its HTTP port, because the bot reaches its stand-ins"
                + " on it: set " + named(portProperty) + " to a free port rather than 0.";
    }

    /** A setting as the README names it: its environment variable, then its property. */
    private static String named(String property) {
        if (property.equals("influx.targets.*")) {
            return "INFLUX_TARGETS_<NAME>_* (influx.targets.*)";
        }
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + " (" + property + ")";
    }

    /**
     * Set by someone: not blank, and not only carried over by Quarkus from its static-init
     * configuration ("Runtime Values", ordinal 0), which holds what this factory supplied then.
     */
    private static boolean isGiven(ConfigValue value) {
        return isSet(value) && value.getConfigSourceOrdinal() > CARRIED_OVER;
    }

    private static boolean isSet(ConfigValue value) {
        return value.getValue() != null && !value.getValue().isBlank();
    }
}
