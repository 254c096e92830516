package dev.revoketokenbot.influx;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;

/**
 * What the bot's own calls to one target say about it: reachable when it last answered (even with
 * an error of ours, like a 404), unreachable when it did not answer or failed with 5xx. Learned from
 * real traffic, so watching it costs InfluxDB nothing. Published as gauge {@code
 * revoke_influx_reachable{target}} (1, 0, or -1 before the first call).
 */
public final class InfluxReachability {

    private volatile Boolean reachable;
    private volatile Instant observedAt;

    InfluxReachability(String target, MeterRegistry registry) {
        Gauge.builder("revoke_influx_reachable", this, r -> r.reachable == null ? -1 : r.reachable ? 1 : 0)
                .description("1 when the InfluxDB target answered the bot's last call, 0 when it did not,"
                        + " -1 before any call")
                .tag("target", target)
                .register(registry);
    }

    void observe(boolean answered, Instant at) {
        reachable = answered;
        observedAt = at;
    }

    /** Empty until the bot has called the target once. */
    public Optional<Boolean> reachable() {
        return Optional.ofNullable(reachable);
    }

    public Optional<Instant> observedAt() {
        return Optional.ofNullable(observedAt);
    }
}
