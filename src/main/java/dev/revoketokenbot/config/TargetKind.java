package dev.revoketokenbot.config;

/**
 * What kind of InfluxDB a target is ({@code INFLUX_TARGETS_<NAME>_KIND}), and so how its tokens are
 * named and which actions they allow.
 */
public enum TargetKind {
    /** InfluxDB OSS 2.x, Cloud and Cloud Serverless: {@code /api/v2/authorizations}. */
    V2("InfluxDB v2", true, true),
    /** InfluxDB 3 Core and Enterprise: tokens by name, {@code system.tokens}, delete by name. */
    V3("InfluxDB 3", false, false),
    /** InfluxDB Cloud Dedicated: database tokens through the Management API, by UUID. */
    DEDICATED("Cloud Dedicated", false, false),
    /** InfluxDB Clustered: database tokens through the Management API, by UUID. */
    CLUSTERED("Clustered", false, false);

    private final String label;
    private final boolean canDeactivate;
    private final boolean hasUsers;

    TargetKind(String label, boolean canDeactivate, boolean hasUsers) {
        this.label = label;
        this.canDeactivate = canDeactivate;
        this.hasUsers = hasUsers;
    }

    /** The product's name, as responders know it. */
    public String label() {
        return label;
    }

    /** Whether a token can be deactivated and reactivated, not only deleted: only the v2 API has a status. */
    public boolean canDeactivate() {
        return canDeactivate;
    }

    /** Whether tokens belong to users, so that {@code --user} can find them: only in the v2 API. */
    public boolean hasUsers() {
        return hasUsers;
    }

    /** Whether a token is named by its name rather than an ID. */
    public boolean namesTokens() {
        return this == V3;
    }
}
