package dev.revoketokenbot.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link WireMockStubs} with an InfluxDB target of every kind, each on the InfluxDB stub (their
 * paths do not overlap, and the contract is chosen by path): {@code default} (v2, from {@code
 * influx.url}), {@code edge} (InfluxDB 3), {@code cloud} (Cloud Dedicated) and {@code onprem}
 * (Clustered). Each has a token of its own, so a test can see which one a request carried.
 */
public class TargetsStubs extends WireMockStubs {

    public static final String EDGE_TOKEN = "test-edge-admin-token";
    public static final String CLOUD_TOKEN = "test-cloud-management-token";
    public static final String ONPREM_TOKEN = "test-onprem-management-token";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = stubs().influx().baseUrl();
        config.putAll(Map.of(
                "influx.targets.edge.url",
                url,
                "influx.targets.edge.kind",
                "v3",
                "influx.targets.edge.token",
                EDGE_TOKEN,
                "influx.targets.cloud.url",
                url,
                "influx.targets.cloud.kind",
                "dedicated",
                "influx.targets.cloud.token",
                CLOUD_TOKEN,
                "influx.targets.cloud.account-id",
                InfluxBodies3.ACCOUNT_ID,
                "influx.targets.cloud.cluster-id",
                InfluxBodies3.CLUSTER_ID,
                "influx.targets.onprem.url",
                url,
                "influx.targets.onprem.kind",
                "clustered"));
        config.put("influx.targets.onprem.token", ONPREM_TOKEN);
        return config;
    }
}
