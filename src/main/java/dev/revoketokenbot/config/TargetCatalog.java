package dev.revoketokenbot.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The InfluxDB targets as the bot knows them: each name, kind, URL and credentials, and which one a
 * command without {@code --target} uses. {@link #problems} says what is wrong with them, naming the
 * variable to set, never a value; the bot does not start until there are none.
 */
@ApplicationScoped
public class TargetCatalog {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Target> targets;
    private final Optional<Target> defaultTarget;

    TargetCatalog(InfluxSettings influx, RevokeSettings revoke) {
        this.targets = usable(influx);
        this.defaultTarget = defaultName(influx, revoke).map(targets::get);
    }

    /** One InfluxDB target. Its {@code toString} leaves the token out. */
    public record Target(String name, TargetKind kind, URI url, String token, String accountId, String clusterId) {

        @Override
        public String toString() {
            return name + " (" + kind + ", " + url + ")";
        }
    }

    /** Every target, by name. */
    public List<Target> all() {
        return List.copyOf(targets.values());
    }

    /** The target of that name; names are matched lower-case, with {@code -} read as {@code _}. */
    public Optional<Target> named(String name) {
        return Optional.ofNullable(targets.get(normalised(name)));
    }

    /** The target a command without {@code --target} uses, when there is one. */
    public Optional<Target> defaultTarget() {
        return defaultTarget;
    }

    /** The names of every target, in order. */
    public List<String> names() {
        return List.copyOf(targets.keySet());
    }

    static String normalised(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Every problem with the targets, each naming what to set; empty when they are usable. */
    public static List<String> problems(InfluxSettings influx, RevokeSettings revoke) {
        List<String> problems = new ArrayList<>();
        boolean legacy = influx.url().isPresent() || influx.token().isPresent();
        if (influx.url().isPresent() != influx.token().isPresent()) {
            problems.add(
                    influx.url().isPresent()
                            ? "INFLUX_URL (influx.url) is set without INFLUX_TOKEN (influx.token): set both"
                            : "INFLUX_TOKEN (influx.token) is set without INFLUX_URL (influx.url): set both");
        }
        influx.url()
                .filter(url -> !isHttpUrl(url))
                .ifPresent(
                        url -> problems.add(
                                "INFLUX_URL (influx.url) is not an http(s) URL such as https://us-east-1-1.aws.cloud2.influxdata.com"));
        if (!legacy && influx.targets().isEmpty()) {
            problems.add("no InfluxDB target: set INFLUX_URL and INFLUX_TOKEN, or INFLUX_TARGETS_<NAME>_URL,"
                    + " INFLUX_TARGETS_<NAME>_TOKEN and INFLUX_TARGETS_<NAME>_KIND (v2, v3, dedicated, clustered)");
        }
        for (Map.Entry<String, InfluxSettings.Target> entry : influx.targets().entrySet()) {
            problems.addAll(problems(entry.getKey(), entry.getValue(), legacy));
        }
        revoke.defaultTarget().filter(name -> !name.isBlank()).ifPresent(name -> {
            boolean known = (legacy && normalised(name).equals(InfluxSettings.DEFAULT_TARGET))
                    || influx.targets().containsKey(normalised(name));
            if (!known) {
                problems.add("REVOKE_DEFAULT_TARGET (revoke.default-target) names no target: set it to one of "
                        + String.join(", ", allNames(influx)));
            }
        });
        return problems;
    }

    private static List<String> problems(String name, InfluxSettings.Target target, boolean legacy) {
        String variable = "INFLUX_TARGETS_" + name.toUpperCase(Locale.ROOT) + "_";
        if (!NAME.matcher(name).matches()) {
            return List.of("InfluxDB target names are 1 to 40 lower-case letters, digits and _: rename target "
                    + (name.length() > 40 ? name.substring(0, 40) + "…" : name));
        }
        List<String> problems = new ArrayList<>();
        if (legacy && name.equals(InfluxSettings.DEFAULT_TARGET)) {
            problems.add("the target default is given twice: by INFLUX_URL and INFLUX_TOKEN, and by " + variable
                    + "*: keep one");
        }
        if (target.url().isEmpty()) {
            problems.add("InfluxDB target " + name + " has no URL: set " + variable + "URL");
        } else if (!isHttpUrl(target.url().get())) {
            problems.add(variable + "URL is not an http(s) URL");
        }
        if (target.token().filter(t -> !t.isBlank()).isEmpty()) {
            problems.add("InfluxDB target " + name + " has no token: set " + variable + "TOKEN");
        }
        if (target.kind().isEmpty()) {
            problems.add("InfluxDB target " + name + " has no kind: set " + variable
                    + "KIND to v2, v3, dedicated or clustered");
        }
        boolean dedicated =
                target.kind().filter(kind -> kind == TargetKind.DEDICATED).isPresent();
        for (var id :
                List.of(Map.entry("ACCOUNT_ID", target.accountId()), Map.entry("CLUSTER_ID", target.clusterId()))) {
            if (dedicated && id.getValue().isEmpty()) {
                problems.add("Cloud Dedicated target " + name + " needs " + variable + id.getKey());
            } else if (dedicated && !UUID.matcher(id.getValue().get()).matches()) {
                problems.add(variable + id.getKey() + " is not a UUID");
            } else if (!dedicated && id.getValue().isPresent()) {
                problems.add(variable + id.getKey() + " is for Cloud Dedicated targets only: remove it, or set "
                        + variable + "KIND to dedicated");
            }
        }
        return problems;
    }

    private static Map<String, Target> usable(InfluxSettings influx) {
        Map<String, Target> targets = new TreeMap<>(Comparator.naturalOrder());
        if (influx.url().filter(TargetCatalog::isHttpUrl).isPresent()
                && influx.token().isPresent()) {
            targets.put(
                    InfluxSettings.DEFAULT_TARGET,
                    new Target(
                            InfluxSettings.DEFAULT_TARGET,
                            TargetKind.V2,
                            URI.create(influx.url().get().strip()),
                            influx.token().get(),
                            null,
                            null));
        }
        influx.targets().forEach((name, target) -> {
            if (target.url().filter(TargetCatalog::isHttpUrl).isPresent()
                    && target.token().isPresent()
                    && target.kind().isPresent()) {
                targets.putIfAbsent(
                        name,
                        new Target(
                                name,
                                target.kind().get(),
                                URI.create(target.url().get().strip()),
                                target.token().get(),
                                target.accountId().orElse(null),
                                target.clusterId().orElse(null)));
            }
        });
        return targets;
    }

    private static Optional<String> defaultName(InfluxSettings influx, RevokeSettings revoke) {
        Optional<String> configured =
                revoke.defaultTarget().filter(name -> !name.isBlank()).map(TargetCatalog::normalised);
        if (configured.isPresent()) {
            return configured;
        }
        List<String> names = allNames(influx);
        if (names.size() == 1) {
            return Optional.of(names.get(0));
        }
        return names.contains(InfluxSettings.DEFAULT_TARGET)
                ? Optional.of(InfluxSettings.DEFAULT_TARGET)
                : Optional.empty();
    }

    private static List<String> allNames(InfluxSettings influx) {
        List<String> names = new ArrayList<>(influx.targets().keySet());
        if (influx.url().isPresent() && !names.contains(InfluxSettings.DEFAULT_TARGET)) {
            names.add(InfluxSettings.DEFAULT_TARGET);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
