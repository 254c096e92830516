package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.InfluxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each target's reachability as a detail of readiness, never its cause: when InfluxDB is down the
 * bot must stay in service to tell responders so. This check is therefore always UP. Per target:
 * {@code <name>.kind}, {@code <name>.reachable} (true, false, unknown) and {@code <name>.observed_at};
 * {@code reachable} and {@code observed_at} alone are the target {@code default}'s.
 */
@Readiness
@ApplicationScoped
public class InfluxHealthCheck implements HealthCheck {

    private final InfluxTargets targets;

    InfluxHealthCheck(InfluxTargets targets) {
        this.targets = targets;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("influxdb").up();
        for (InfluxTargets.Connected target : targets.all()) {
            String name = target.tokens().target();
            InfluxReachability reachability = target.reachability();
            String reachable = reachability.reachable().map(String::valueOf).orElse("unknown");
            response.withData(name + ".kind", target.tokens().kind().name().toLowerCase(java.util.Locale.ROOT));
            response.withData(name + ".reachable", reachable);
            reachability.observedAt().ifPresent(at -> response.withData(name + ".observed_at", at.toString()));
            if (name.equals(InfluxSettings.DEFAULT_TARGET)) {
                response.withData("reachable", reachable);
                reachability.observedAt().ifPresent(at -> response.withData("observed_at", at.toString()));
            }
        }
        return response.build();
    }
}
