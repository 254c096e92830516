package dev.revoketokenbot.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads {@code INFLUX_TARGETS_<NAME>_URL}, {@code _TOKEN}, {@code _KIND}, {@code _ACCOUNT_ID} and
 * {@code _CLUSTER_ID} as {@code influx.targets.<name>.*}, the name lower-cased. SmallRye Config maps
 * such variables into a map by itself only when the name has no underscore ({@code EU_WEST} would be
 * dropped without a word), so the names are split here, on the field names the bot knows.
 */
public class InfluxTargetsFromEnvironment implements ConfigSourceFactory {

    private static final Pattern VARIABLE =
            Pattern.compile("INFLUX_TARGETS_([A-Z0-9_]+?)_(URL|TOKEN|KIND|ACCOUNT_ID|CLUSTER_ID)");

    /** Below application.properties (250) and the environment itself (300). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (TrainingSettings.isTraining(context)) {
            // A training run knows one InfluxDB, a closed port (TrainingSettings).
            return List.of();
        }
        Map<String, String> properties = new HashMap<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            Matcher variable = VARIABLE.matcher(name);
            ConfigValue value = variable.matches() ? context.getValue(name) : null;
            if (value != null && value.getValue() != null) {
                properties.put(property(variable.group(1), variable.group(2)), value.getValue());
            }
        }
        return List.of(new PropertiesConfigSource(properties, "revoke-token-bot InfluxDB targets", ORDINAL));
    }

    /** {@code EU_WEST}, {@code ACCOUNT_ID} -> {@code influx.targets.eu_west.account-id}. */
    static String property(String target, String field) {
        return "influx.targets." + target.toLowerCase(Locale.ROOT) + "."
                + field.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
