package dev.fraiseql.core.execution;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The statements of one transaction; it may run more than once when the transaction is retried, so it
 * must have no effects outside the database before it returns.
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /** Runs the statements on the transaction and returns the result. */
    T run(Transaction tx) throws SQLException, IOException;
}
