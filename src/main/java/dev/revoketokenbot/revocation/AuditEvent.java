package dev.revoketokenbot.revocation;

/** What was attempted, as the audit line and the ledger name it. */
public enum AuditEvent {
    REQUEST,
    DEACTIVATE,
    REACTIVATE,
    REVOKE,
    CANCEL,
    EXPIRE
}
