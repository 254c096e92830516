package dev.revoketokenbot.influx;

/**
 * What kind of InfluxDB a target is, and so which actions its tokens allow. Only the v2 API has a
 * token status: there a token can be deactivated (reversibly) as well as deleted.
 */
public enum TargetKind {
    /** InfluxDB OSS 2.x, Cloud and Cloud Serverless: {@code /api/v2/authorizations}. */
    V2(true);

    private final boolean canDeactivate;

    TargetKind(boolean canDeactivate) {
        this.canDeactivate = canDeactivate;
    }

    /** Whether a token can be deactivated and reactivated, not only deleted. */
    public boolean canDeactivate() {
        return canDeactivate;
    }
}
