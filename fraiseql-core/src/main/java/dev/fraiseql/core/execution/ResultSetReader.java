package dev.fraiseql.core.execution;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a whole result set into a value; it is positioned before the first row and closed afterwards. */
@FunctionalInterface
public interface ResultSetReader<T> {

    /** Reads the rows it needs and returns the value. */
    T read(ResultSet rs) throws SQLException;
}
