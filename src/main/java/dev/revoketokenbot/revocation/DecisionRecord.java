package dev.revoketokenbot.revocation;

import java.time.Instant;

/**
 * One decision, as the ledger stores it and the audit line repeats it.
 *
 * @param reason why, in the bot's own words (a refusal's or a failure's code), or null
 * @param influxStatus InfluxDB's HTTP status for this step, 0 when InfluxDB was not asked
 */
public record DecisionRecord(
        AuditEvent event, String actor, AuditOutcome outcome, String reason, int influxStatus, Instant at) {}
