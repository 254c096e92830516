package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The InfluxDB whose authorizations the bot revokes. The REST client's URL and timeouts are
 * wired from these in application.properties ({@code quarkus.rest-client.influx.*}).
 */
@ConfigMapping(prefix = "influx")
public interface InfluxSettings {

    /** Base URL ({@code INFLUX_URL}), e.g. {@code https://us-east-1-1.aws.cloud2.influxdata.com}. */
    String url();

    /** A token allowed to read and delete authorizations ({@code INFLUX_TOKEN}). */
    String token();

    /**
     * How many times a failed call is retried ({@code INFLUX_MAX_RETRIES}) when InfluxDB did not
     * answer, answered 5xx, or asked the bot to slow down (429).
     */
    @WithDefault("2")
    int maxRetries();

    /**
     * The longest {@code Retry-After} the bot honours before retrying ({@code INFLUX_MAX_RETRY_AFTER});
     * a longer one is waited for this long, and if InfluxDB still refuses, the responder is told when
     * to try again.
     */
    @WithDefault("5S")
    Duration maxRetryAfter();
}
