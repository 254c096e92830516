package dev.revoketokenbot.slack;

import dev.revoketokenbot.config.TargetCatalog;
import dev.revoketokenbot.config.TargetKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The InfluxDB targets as a command sees them: each name with its kind, and the one used without
 * {@code --target}. Names are matched lower-case, with {@code -} read as {@code _}.
 */
record CommandTargets(Map<String, TargetKind> kinds, Optional<String> defaultName) {

    CommandTargets {
        kinds = Map.copyOf(new LinkedHashMap<>(kinds));
    }

    static CommandTargets of(TargetCatalog catalog) {
        Map<String, TargetKind> kinds = new LinkedHashMap<>();
        catalog.all().forEach(target -> kinds.put(target.name(), target.kind()));
        return new CommandTargets(kinds, catalog.defaultTarget().map(TargetCatalog.Target::name));
    }

    /** One target, which is the default. */
    static CommandTargets only(String name, TargetKind kind) {
        return new CommandTargets(Map.of(name, kind), Optional.of(name));
    }

    Optional<String> named(String typed) {
        String name = typed.toLowerCase(Locale.ROOT).replace('-', '_');
        return kinds.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    TargetKind kindOf(String name) {
        return kinds.get(name);
    }

    /** "`default` (InfluxDB v2), `edge` (InfluxDB 3)", in name order. */
    String listed() {
        return kinds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Mrkdwn.code(e.getKey()) + " (" + e.getValue().label() + ")")
                .collect(Collectors.joining(", "));
    }
}
