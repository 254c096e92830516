package dev.revoketokenbot.influx;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * What the bot's own InfluxDB calls say about InfluxDB: reachable when it last answered (even with
 * an error of ours, like a 404), unreachable when it did not answer or failed with 5xx. Learned from
 * real traffic, so watching it costs InfluxDB nothing. Published as gauge
 * {@code revoke_influx_reachable} (1, 0, or -1 before the first call).
 */
@ApplicationScoped
public class InfluxReachability {

    private volatile Boolean reachable;
    private volatile Instant observedAt;

    InfluxReachability(MeterRegistry registry) {
        Gauge.builder("revoke_influx_reachable", this, r -> r.reachable == null ? -1 : r.reachable ? 1 : 0)
                .description("1 when InfluxDB answered the bot's last call, 0 when it did not, -1 before any call")
                .register(registry);
    }

    void observe(boolean answered, Instant at) {
        reachable = answered;
        observedAt = at;
    }

    /** Empty until the bot has called InfluxDB once. */
    public Optional<Boolean> reachable() {
        return Optional.ofNullable(reachable);
    }

    public Optional<Instant> observedAt() {
        return Optional.ofNullable(observedAt);
    }
}
