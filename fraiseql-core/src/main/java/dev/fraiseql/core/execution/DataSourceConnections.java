package dev.fraiseql.core.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** The plain source: every unit of work gets its own pooled connection and runs its own transaction. */
final class DataSourceConnections implements ConnectionSource {

    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Connection get() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean isManaged(Connection connection) {
        return false;
    }
}
