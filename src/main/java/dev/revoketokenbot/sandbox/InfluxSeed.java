package dev.revoketokenbot.sandbox;

import dev.revoketokenbot.sandbox.StoredAuthorization.Permission;
import dev.revoketokenbot.sandbox.StoredAuthorization.Resource;
import java.time.Instant;
import java.util.List;

/**
 * The InfluxDB the sandbox starts with (and starts over with): the bot's operator token, and six
 * authorizations of three users over two organizations, one of them inactive. IDs are 16 hex
 * characters, as InfluxDB's are; every token value is fake.
 */
final class InfluxSeed {

    /** The token the bot sends ({@code Authorization: Token ...}); any other is refused with 401. */
    static final String OPERATOR_TOKEN = "sandbox-influx-operator-token";

    private static final Org PROD = new Org("5876b32f6bbbaf02", "acme-prod");
    private static final Org STAGING = new Org("7a2c41e9d05f3b18", "acme-staging");
    private static final User CI = new User("0a17f5ac71900053", "ci-writer");
    private static final User GRAFANA = new User("0b28e6bd82a11064", "grafana");
    private static final User DANA = new User("0c39f7ce93b22175", "dana");

    private record Org(String id, String name) {}

    private record User(String id, String name) {}

    private InfluxSeed() {}

    static List<StoredAuthorization> authorizations() {
        return List.of(
                authorization(
                        "07c2e91fa4d3b065",
                        "CI pipeline: writes build metrics",
                        CI,
                        PROD,
                        StoredAuthorization.ACTIVE,
                        "2025-03-04T09:12:44Z",
                        write(PROD, "buckets", "1f3a5c7e9b2d4f60", "ci-metrics")),
                authorization(
                        "0e4a8b71c95d2f13",
                        "CI pipeline (staging)",
                        CI,
                        STAGING,
                        StoredAuthorization.ACTIVE,
                        "2025-03-04T09:15:02Z",
                        write(STAGING, "buckets", "2e4b6d8f0a1c3e50", "ci-metrics")),
                authorization(
                        "09f1d6c3b2a87e40",
                        "Grafana dashboards, read-only",
                        GRAFANA,
                        PROD,
                        StoredAuthorization.ACTIVE,
                        "2024-11-20T16:40:31Z",
                        read(PROD, "buckets"),
                        read(PROD, "dashboards")),
                authorization(
                        "0c37a5e9d8f41b26",
                        "Grafana staging (retired)",
                        GRAFANA,
                        STAGING,
                        StoredAuthorization.INACTIVE,
                        "2024-06-02T08:05:19Z",
                        read(STAGING, "buckets")),
                authorization(
                        "05e8b2d7a1c96f34",
                        "dana's laptop: all access",
                        DANA,
                        PROD,
                        StoredAuthorization.ACTIVE,
                        "2025-05-18T21:03:57Z",
                        read(PROD, "buckets"),
                        write(PROD, "buckets", null, null),
                        read(PROD, "authorizations"),
                        write(PROD, "authorizations", null, null)),
                authorization(
                        "0a9d4c1e7b3f5820",
                        "debugging the ingest pipeline",
                        DANA,
                        STAGING,
                        StoredAuthorization.ACTIVE,
                        "2025-06-30T13:27:08Z",
                        write(STAGING, "buckets", "3f5c7e9a1b2d4068", "ingest")));
    }

    private static StoredAuthorization authorization(
            String id, String description, User user, Org org, String status, String created, Permission... granted) {
        Instant at = Instant.parse(created);
        return new StoredAuthorization(
                id,
                "sandbox-fake-token-" + id + "-not-a-secret==",
                status,
                description,
                org.id(),
                org.name(),
                user.id(),
                user.name(),
                List.of(granted),
                at,
                at);
    }

    private static Permission read(Org org, String type) {
        return new Permission("read", new Resource(type, null, null, org.id(), org.name()));
    }

    private static Permission write(Org org, String type, String id, String name) {
        return new Permission("write", new Resource(type, id, name, org.id(), org.name()));
    }
}
