package dev.revoketokenbot.influx;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * InfluxDB's reachability as a detail of readiness, never its cause: when InfluxDB is down the bot
 * must stay in service to tell responders so. This check is therefore always UP.
 */
@Readiness
@ApplicationScoped
public class InfluxHealthCheck implements HealthCheck {

    private final InfluxReachability reachability;

    InfluxHealthCheck(InfluxReachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("influxdb").up();
        response.withData(
                "reachable", reachability.reachable().map(String::valueOf).orElse("unknown"));
        reachability.observedAt().ifPresent(at -> response.withData("observed_at", at.toString()));
        return response.build();
    }
}
