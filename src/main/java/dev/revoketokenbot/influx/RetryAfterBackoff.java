package dev.revoketokenbot.influx;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;

/** Waits what InfluxDB's {@code Retry-After} asks, up to a cap; otherwise the configured delay. */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long capMillis;
    private long initialDelayMillis;

    RetryAfterBackoff(Duration cap) {
        this.capMillis = cap.toMillis();
    }

    @Override
    public void init(long initialDelayInMillis) {
        this.initialDelayMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        if (cause instanceof InfluxException influx && influx.retryAfter().isPresent()) {
            return Math.min(influx.retryAfter().get().toMillis(), capMillis);
        }
        return initialDelayMillis;
    }
}
