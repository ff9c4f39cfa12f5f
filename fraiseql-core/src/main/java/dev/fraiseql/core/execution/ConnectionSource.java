package dev.fraiseql.core.execution;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where a {@link QueryExecutor} takes its connections and gives them back, so that a transaction run by someone else
 * (such as a framework's transaction manager) can lend the executor its connection.
 *
 * <p>A connection for which {@link #isManaged} answers {@code true} belongs to that outer transaction: the executor
 * runs its statements on it as they come, applies local settings with {@code set_config(name, value, true)} so they
 * end with the outer transaction, and neither commits, rolls back, changes autocommit or read-only, closes it nor
 * retries a failure (a failed statement has aborted the outer transaction, so only its owner can decide what
 * happens next).
 */
public interface ConnectionSource {

    /** A connection of the data source for one unit of work; given back through {@link #release}. */
    Connection get() throws SQLException;

    /** Gives back a connection {@link #get} returned, once the unit of work is over. */
    void release(Connection connection) throws SQLException;

    /**
     * Whether the connection belongs to a transaction someone else runs and ends; {@code false} for a connection
     * the executor may run its own transaction on.
     */
    boolean isManaged(Connection connection) throws SQLException;

    /** The source that takes every connection straight from the data source and closes it afterwards. */
    static ConnectionSource of(DataSource dataSource) {
        return new DataSourceConnections(dataSource);
    }
}
