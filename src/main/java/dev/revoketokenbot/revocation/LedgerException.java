package dev.revoketokenbot.revocation;

import java.sql.SQLException;

/**
 * The ledger could not be read or written; nothing of the transaction was kept. Its message names
 * the SQL state only: SQL text and values (reasons, names) stay out of logs.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LedgerException(SQLException cause) {
        super("request ledger unavailable (SQL state " + cause.getSQLState() + ")", null, false, false);
    }
}
