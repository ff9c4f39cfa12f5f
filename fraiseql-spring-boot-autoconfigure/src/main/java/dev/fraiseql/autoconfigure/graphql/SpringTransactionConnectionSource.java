package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.execution.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lends FraiseQL the connection of the Spring-managed transaction active on the data source, so its reads and
 * mutations join that transaction, and a pooled connection of its own everywhere else.
 */
public final class SpringTransactionConnectionSource implements ConnectionSource {

    private final DataSource dataSource;

    /** A source for the data source the application's transaction manager runs its transactions on. */
    public SpringTransactionConnectionSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection get() throws SQLException {
        try {
            return DataSourceUtils.getConnection(dataSource);
        } catch (CannotGetJdbcConnectionException e) {
            // The executor classifies SQLExceptions (pool exhausted, connection refused); give it the original.
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    @Override
    public void release(Connection connection) {
        // Closes a connection of our own; only lowers the reference count of one a transaction or scope holds.
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    @Override
    public boolean isManaged(Connection connection) throws SQLException {
        // A scope without an actual transaction (propagation SUPPORTS) shares an autocommit connection but runs no
        // transaction on it: FraiseQL then runs, commits and retries its own as usual. A connection bound with
        // autocommit off is in someone's transaction even without synchronization, and must never be committed here.
        return DataSourceUtils.isConnectionTransactional(connection, dataSource)
                && (TransactionSynchronizationManager.isActualTransactionActive() || !connection.getAutoCommit());
    }
}
