package dev.fraiseql.core.execution;

import dev.fraiseql.core.sql.SqlStatement;

/** Temporary stand-in until the execution layer lands. */
public interface Transaction {
    long stream(SqlStatement statement, RowHandler handler);

    <T> T query(SqlStatement statement, ResultSetReader<T> reader);

    int update(SqlStatement statement);
}
