package dev.fraiseql.core.execution;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.sql.SqlStatement;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Temporary stand-in until the execution layer lands. */
public final class QueryExecutor {

    private final DataSource dataSource;

    public QueryExecutor(DataSource dataSource, ExecutorSettings settings) {
        this.dataSource = dataSource;
    }

    public long stream(SqlStatement statement, RowHandler handler) {
        try (Connection c = dataSource.getConnection()) {
            return stream(c, statement, handler);
        } catch (SQLException e) {
            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
        }
    }

    public <T> T query(SqlStatement statement, ResultSetReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, statement);
                ResultSet rs = ps.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
        }
    }

    public <T> T inTransaction(Map<String, String> localSettings, TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Map.Entry<String, String> e : localSettings.entrySet()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, true)")) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue());
                        ps.execute();
                    }
                }
                T result = work.run(new Transaction() {
                    @Override
                    public long stream(SqlStatement s, RowHandler h) {
                        try {
                            return QueryExecutor.stream(c, s, h);
                        } catch (SQLException e) {
                            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
                        }
                    }

                    @Override
                    public <R> R query(SqlStatement s, ResultSetReader<R> r) {
                        try (PreparedStatement ps = prepare(c, s); ResultSet rs = ps.executeQuery()) {
                            return r.read(rs);
                        } catch (SQLException e) {
                            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
                        }
                    }

                    @Override
                    public int update(SqlStatement s) {
                        try (PreparedStatement ps = prepare(c, s)) {
                            return ps.executeUpdate();
                        } catch (SQLException e) {
                            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
                        }
                    }
                });
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(ErrorKind.INTERNAL, e.getMessage(), e);
        }
    }

    private static long stream(Connection c, SqlStatement statement, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            long n = 0;
            while (rs.next()) {
                handler.row(rs.getBytes(1));
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, SqlStatement statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.text());
        int i = 1;
        for (Object p : statement.parameters()) {
            ps.setObject(i++, p == SqlStatement.NullParameter.INSTANCE ? null : p);
        }
        return ps;
    }
}
