package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;

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
}
