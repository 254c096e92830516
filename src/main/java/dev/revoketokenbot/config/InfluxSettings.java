package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The InfluxDB targets whose tokens the bot revokes, and how it calls them. {@code INFLUX_URL} and
 * {@code INFLUX_TOKEN} are the v2 target {@code default}; {@code INFLUX_TARGETS_<NAME>_*} add named
 * targets of any kind ({@link InfluxTargetsFromEnvironment} maps those names).
 */
@ConfigMapping(prefix = "influx")
public interface InfluxSettings {

    /** The name {@code INFLUX_URL} and {@code INFLUX_TOKEN} give their target. */
    String DEFAULT_TARGET = "default";

    /** Base URL of the target {@code default} ({@code INFLUX_URL}), e.g. {@code https://us-east-1-1.aws.cloud2.influxdata.com}. */
    Optional<String> url();

    /** A token of the target {@code default} allowed to read and write authorizations ({@code INFLUX_TOKEN}). */
    Optional<String> token();

    /** Named targets ({@code INFLUX_TARGETS_<NAME>_URL}, {@code _TOKEN}, {@code _KIND}, ...), by lower-case name. */
    Map<String, Target> targets();

    /** One named InfluxDB. */
    interface Target {

        /** Base URL: the server for {@code v2} and {@code v3}, the Management API's host for the others. */
        Optional<String> url();

        /** The token the bot calls it with: an operator or admin token, or a management token. */
        Optional<String> token();

        /** What kind of InfluxDB it is ({@code v2}, {@code v3}, {@code dedicated}, {@code clustered}). */
        Optional<TargetKind> kind();

        /** Cloud Dedicated only: the account's ID. */
        Optional<String> accountId();

        /** Cloud Dedicated only: the cluster's ID. */
        Optional<String> clusterId();
    }

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

    /** How long connecting to a target may take ({@code INFLUX_CONNECT_TIMEOUT}). */
    @WithDefault("2S")
    Duration connectTimeout();

    /** How long a target may take to answer ({@code INFLUX_READ_TIMEOUT}). */
    @WithDefault("5S")
    Duration readTimeout();
}
