package dev.fraiseql.core.execution;

import dev.fraiseql.core.sql.SqlStatement;

/**
 * An open transaction handed to {@link TransactionWork}; every method throws a classified
 * {@link dev.fraiseql.core.error.DatabaseException} on failure, and none may be used after the work returns.
 */
public interface Transaction {

    /** Streams column 1 of every row to the handler as rows arrive and returns the number of rows. */
    long stream(SqlStatement statement, RowHandler handler);

    /** Runs a query and returns what the reader makes of its result set. */
    <T> T query(SqlStatement statement, ResultSetReader<T> reader);

    /** Runs an INSERT, UPDATE, DELETE or other statement without a result set and returns the row count. */
    int update(SqlStatement statement);
}
