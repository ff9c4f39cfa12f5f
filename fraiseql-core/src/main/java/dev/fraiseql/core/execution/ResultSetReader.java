package dev.fraiseql.core.execution;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Temporary stand-in until the execution layer lands. */
public interface ResultSetReader<T> {
    T read(ResultSet rs) throws SQLException;
}
