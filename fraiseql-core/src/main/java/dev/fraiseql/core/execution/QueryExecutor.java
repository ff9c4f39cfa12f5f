package dev.fraiseql.core.execution;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorClassifier;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.sql.SqlStatement;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements on pooled connections: reads streamed in read-only transactions, writes in
 * transactions with request-local settings, failures classified and transient ones retried.
 *
 * <p>A {@link #read} or {@link #readResult} without local settings is one autocommit statement; every other unit
 * of work runs in its own transaction (autocommit off), which pgjdbc needs to stream with a cursor
 * ({@link ExecutorSettings#fetchSize()} rows per round trip). What is retried:
 * <ul>
 * <li>reads ({@link #read}, {@link #readResult}, {@link #stream}, {@link #query}, {@link #inReadTransaction}): any
 *     transient failure ({@link ErrorKind#transientFailure()}) while no row has been handed to a {@link RowHandler};
 *     a connection lost after that is {@link ErrorKind#STREAM_INTERRUPTED} and is not retried;</li>
 * <li>writes ({@link #inTransaction}): a transient failure before COMMIT was sent (checkout,
 *     connection loss during the work: PostgreSQL rolls back a transaction whose connection dies),
 *     and a serialization failure or deadlock (40001, 40P01) at any point, since PostgreSQL reports
 *     them only after rolling the whole transaction back, even when the work had already seen rows. A
 *     connection lost while COMMIT is in flight is {@link ErrorKind#COMMIT_OUTCOME_UNKNOWN} and is never
 *     retried.</li>
 * </ul>
 * Statement timeouts (57014) are never retried. The statement timeout itself is the server-side
 * {@code statement_timeout} the pool sets on each connection; the executor adds no client-side timer.
 *
 * <p>When its {@link ConnectionSource} lends a connection of a transaction someone else runs
 * ({@link ConnectionSource#isManaged}), every unit of work joins that transaction instead: no transaction of its own,
 * no commit or rollback, and no retry, since the failed statement has aborted the outer transaction.
 */
public final class QueryExecutor {

    private static final Logger log = LoggerFactory.getLogger(QueryExecutor.class);
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final ConnectionSource connections;
    private final ExecutorSettings settings;
    private final RetryPolicy.Sleeper sleeper;
    private final StatementTimer timer;

    /** An executor on the data source (normally the FraiseQL pool) with the given settings. */
    public QueryExecutor(DataSource dataSource, ExecutorSettings settings) {
        this(dataSource, settings, ConnectionSource.of(dataSource));
    }

    /**
     * An executor taking the data source's connections from the source, such as one that lends the connection of
     * an active framework-managed transaction on that data source.
     */
    public QueryExecutor(DataSource dataSource, ExecutorSettings settings, ConnectionSource connections) {
        this(dataSource, settings, connections, RetryPolicy.Sleeper.THREAD_SLEEP);
    }

    QueryExecutor(DataSource dataSource, ExecutorSettings settings, RetryPolicy.Sleeper sleeper) {
        this(dataSource, settings, ConnectionSource.of(dataSource), sleeper);
    }

    QueryExecutor(DataSource dataSource, ExecutorSettings settings, ConnectionSource connections,
            RetryPolicy.Sleeper sleeper) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.timer = StatementTimer.on(dataSource, settings);
    }

    /** The settings this executor runs with. */
    public ExecutorSettings settings() {
        return settings;
    }

    /**
     * An executor on the same data source with other settings, for work that needs another retry policy or fetch
     * size than the rest.
     */
    public QueryExecutor withSettings(ExecutorSettings settings) {
        return new QueryExecutor(dataSource, settings, connections, sleeper);
    }

    /**
     * Whether this executor times its statements into the slow-statement log itself: the performance log is on in
     * its settings and its data source is not a FraiseQL pool that already times every statement (then the pool
     * logs them, at the pool's threshold).
     */
    public boolean timesStatements() {
        return timer.enabled();
    }

    /**
     * Streams column 1 of every row to the handler as the rows arrive and returns the number of rows.
     *
     * @throws DatabaseException classified; {@link ErrorKind#STREAM_INTERRUPTED} when the connection was
     *     lost after rows had been handed on or the handler threw {@link IOException}
     */
    public long stream(SqlStatement statement, RowHandler handler) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(handler, "handler");
        return run(Mode.READ_ONLY, Map.of(), tx -> tx.stream(statement, handler));
    }

    /**
     * Runs one read whose whole result the caller keeps anyway, hands column 1 of each row to the handler and
     * returns the number of rows.
     *
     * <p>Without local settings it is one autocommit statement: a GraphQL response holds the whole page anyway, so
     * a cursor (which needs a transaction) would only cost a COMMIT round trip, and PostgreSQL's statement snapshot
     * is enough for one statement. With local settings it runs in a read-only transaction, because
     * {@code set_config(name, value, true)} lasts only until the transaction ends and row-level security and
     * {@code current_setting} must see the tenant. Retried on a transient failure while no row has been handed on;
     * without settings the rows reach the handler after the whole result has arrived, so that is always the case.
     * On a pool whose connections have autocommit off, a read without settings runs in a read-only transaction too.
     *
     * @param localSettings custom settings such as {@code app.tenant_id}, as for {@link #inTransaction}; may be empty
     */
    public long read(Map<String, String> localSettings, SqlStatement statement, RowHandler handler) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(handler, "handler");
        return run(readMode(localSettings), localSettings, tx -> tx.stream(statement, handler));
    }

    /**
     * Like {@link #read}, but returns what the reader makes of the whole result set; the reader must start over
     * when a retry calls it again.
     */
    public <T> T readResult(Map<String, String> localSettings, SqlStatement statement, ResultSetReader<T> reader) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(reader, "reader");
        return run(readMode(localSettings), localSettings, tx -> tx.query(statement, reader));
    }

    private static Mode readMode(Map<String, String> localSettings) {
        Objects.requireNonNull(localSettings, "localSettings");
        return localSettings.isEmpty() ? Mode.SINGLE_STATEMENT : Mode.READ_ONLY;
    }

    /** Runs a read and returns what the reader makes of the result set; retried on transient failure. */
    public <T> T query(SqlStatement statement, ResultSetReader<T> reader) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(reader, "reader");
        return run(Mode.READ_ONLY, Map.of(), tx -> tx.query(statement, reader));
    }

    /**
     * Runs the work in a read-write transaction after {@code set_config(name, value, true)} for each
     * local setting, commits, and rolls back on any failure; retried only when it provably did not commit.
     * A retry runs the work again from the start, so the work must drop what an earlier attempt collected.
     *
     * @param localSettings custom settings visible to the work through {@code current_setting(name)},
     *     such as {@code app.tenant_id} for row-level security; names are {@code prefix.name} in lower case
     */
    public <T> T inTransaction(Map<String, String> localSettings, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return run(Mode.READ_WRITE, localSettings, work);
    }

    /**
     * Runs the work in a read-only transaction with the local settings (row-level security needs the
     * tenant on reads too); retried like {@link #query} while no row has been handed on.
     */
    public <T> T inReadTransaction(Map<String, String> localSettings, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return run(Mode.READ_ONLY, localSettings, work);
    }

    /** How an attempt uses its connection. */
    private enum Mode {
        /** A read-only transaction: reads with a cursor or local settings. */
        READ_ONLY,
        /** A read-write transaction, retried only when it provably did not commit. */
        READ_WRITE,
        /** One read statement in autocommit: no transaction, no cursor, one round trip. */
        SINGLE_STATEMENT
    }

    private <T> T run(Mode mode, Map<String, String> localSettings, TransactionWork<T> work) {
        List<String> settingPairs = settingPairs(localSettings);
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            Attempt tx = new Attempt(mode);
            try {
                return tx.execute(settingPairs, work);
            } catch (DatabaseException e) {
                DatabaseException failure = tx.outcome(e);
                if (attempt > policy.maxRetries() || !tx.mayRetry(failure)) {
                    throw failure.withAttempts(attempt);
                }
                Duration backoff = policy.backoff(attempt - 1);
                if (log.isWarnEnabled()) {
                    log.warn("Database attempt {} of {} failed with {} (SQLSTATE {}); retrying in {} ms: {}",
                            attempt, policy.maxRetries() + 1, failure.kind(), failure.sqlState(), backoff.toMillis(),
                            failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage());
                }
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw failure.withAttempts(attempt);
                }
            }
        }
    }

    /**
     * Checks transaction-local settings before they are used, so a caller can reject a bad name when it is
     * configured rather than on every request.
     *
     * @throws IllegalArgumentException naming the setting when its name or value cannot be applied
     */
    public static Map<String, String> checkLocalSettings(Map<String, String> localSettings) {
        settingPairs(localSettings);
        return localSettings;
    }

    private static List<String> settingPairs(Map<String, String> localSettings) {
        Objects.requireNonNull(localSettings, "localSettings");
        if (localSettings.isEmpty()) {
            return List.of();
        }
        List<String> pairs = new ArrayList<>(localSettings.size() * 2);
        for (Map.Entry<String, String> e : localSettings.entrySet()) {
            String name = e.getKey();
            if (name == null || !SETTING_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Local setting name '" + name + "' is invalid; use a lower-case "
                        + "two-part name such as 'app.tenant_id' (pattern [a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("Local setting '" + name
                        + "' has a null value; pass an empty string to leave it unset");
            }
            pairs.add(name);
            pairs.add(e.getValue());
        }
        return pairs;
    }

    private static String setConfigSql(int count) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("set_config(?, ?, true)");
        }
        return sql.toString();
    }

    private DatabaseException classify(SQLException e) {
        return ErrorClassifier.classify(e, settings.queryTimeout());
    }

    /** One attempt: one connection, one transaction, and the {@link Transaction} the work sees. */
    private final class Attempt implements Transaction {

        private final Mode mode;
        private final boolean readOnly;
        private Connection connection;
        private boolean managed;
        private boolean open;
        private boolean commitSent;
        private long rowsHanded;

        Attempt(Mode mode) {
            this.mode = mode;
            this.readOnly = mode != Mode.READ_WRITE;
        }

        <T> T execute(List<String> settingPairs, TransactionWork<T> work) {
            Connection c;
            try {
                c = connections.get();
            } catch (SQLException e) {
                throw classify(e);
            }
            boolean restoreAutoCommit = false;
            boolean restoreReadOnly = false;
            try {
                if (connections.isManaged(c)) {
                    managed = true;
                    return joined(c, settingPairs, work);
                }
                // A pool handing out connections with autocommit off (an application's DataSource) cannot run a
                // statement outside a transaction: read in a read-only transaction instead, and end it.
                if (mode == Mode.SINGLE_STATEMENT && c.getAutoCommit()) {
                    return single(c, work);
                }
            } catch (SQLException e) {
                release(c);
                throw classify(e);
            }
            try {
                if (c.getAutoCommit()) {
                    c.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                if (readOnly && !c.isReadOnly()) {
                    c.setReadOnly(true);
                    restoreReadOnly = true;
                }
                connection = c;
                open = true;
                if (!settingPairs.isEmpty()) {
                    applyLocalSettings(c, settingPairs);
                }
                T result = work.run(this);
                open = false;
                commitSent = true;
                c.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw classify(e);
            } catch (IOException e) {
                rollbackQuietly(c);
                throw new DatabaseException(ErrorKind.STREAM_INTERRUPTED, null, e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                open = false;
                restoreAndRelease(c, restoreReadOnly, restoreAutoCommit);
            }
        }

        /**
         * Runs the work inside the outer transaction that owns the connection. Its read-only flag and autocommit are
         * the owner's (pgjdbc refuses to change read-only inside a transaction, and a read-write outer transaction
         * must see the work's writes), the local settings last until the outer transaction ends, and a failure is
         * only reported: the owner rolls back.
         */
        private <T> T joined(Connection c, List<String> settingPairs, TransactionWork<T> work) {
            try {
                connection = c;
                open = true;
                if (!settingPairs.isEmpty()) {
                    applyLocalSettings(c, settingPairs);
                }
                return work.run(this);
            } catch (SQLException e) {
                throw classify(e);
            } catch (IOException e) {
                throw new DatabaseException(ErrorKind.STREAM_INTERRUPTED, null, e);
            } finally {
                open = false;
                release(c);
            }
        }

        private <T> T single(Connection c, TransactionWork<T> work) {
            // One statement on the connection as it is: what joining an outer transaction does, without settings.
            return joined(c, List.of(), work);
        }

        /**
         * What the failure means for the caller. A read whose connection broke after rows were handed on has sent a
         * partial result. A write's rows stay inside its work until COMMIT returns, so there the question is only
         * whether COMMIT was in flight: then nobody knows whether the change was applied.
         */
        DatabaseException outcome(DatabaseException e) {
            if (e.kind() != ErrorKind.CONNECTION_FAILED) {
                return e;
            }
            if (readOnly && rowsHanded > 0) {
                return new DatabaseException(ErrorKind.STREAM_INTERRUPTED, e.sqlState(), e.getCause());
            }
            if (!readOnly && commitSent) {
                return new DatabaseException(ErrorKind.COMMIT_OUTCOME_UNKNOWN, e.sqlState(), e.getCause());
            }
            return e;
        }

        /**
         * A read is retried while no row has been handed on. A write is rerun from the start when it provably did not
         * commit: the connection broke before COMMIT was sent, or PostgreSQL rolled it back (40001 and 40P01 come
         * after the rollback, at COMMIT too), whatever rows its work had seen.
         */
        boolean mayRetry(DatabaseException failure) {
            // The pool already waited connection-timeout for a free connection: waiting again under the same load
            // would hold the request several times that long and add to the load; the client is told at once.
            if (!failure.kind().transientFailure() || failure.kind() == ErrorKind.POOL_EXHAUSTED) {
                return false;
            }
            // A failed statement aborts the outer transaction (25P02 for everything after it), and a serialization
            // failure there has rolled back the owner's work too: rerunning only this part could never succeed.
            if (managed) {
                return false;
            }
            if (readOnly) {
                return rowsHanded == 0;
            }
            return failure.kind() == ErrorKind.TRANSACTION_ROLLBACK || !commitSent;
        }

        @Override
        public long stream(SqlStatement statement, RowHandler handler) {
            checkOpen();
            long start = timer.start();
            long rows = 0;
            try (PreparedStatement ps = connection.prepareStatement(statement.text())) {
                ps.setFetchSize(settings.fetchSize());
                ParameterBinder.bind(ps, statement.parameters());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] bytes = rs.getBytes(1);
                        // Counted before the handler runs: a half-written row is already handed on.
                        rowsHanded++;
                        handler.row(bytes);
                        rows++;
                    }
                }
            } catch (SQLException e) {
                throw classify(e);
            } catch (IOException e) {
                throw new DatabaseException(ErrorKind.STREAM_INTERRUPTED, null, e);
            }
            timer.stop(start, statement.text(), rows);
            return rows;
        }

        @Override
        public <T> T query(SqlStatement statement, ResultSetReader<T> reader) {
            checkOpen();
            long start = timer.start();
            try (PreparedStatement ps = connection.prepareStatement(statement.text())) {
                ps.setFetchSize(settings.fetchSize());
                ParameterBinder.bind(ps, statement.parameters());
                T result;
                try (ResultSet rs = ps.executeQuery()) {
                    result = reader.read(rs);
                }
                timer.stop(start, statement.text(), -1);
                return result;
            } catch (SQLException e) {
                throw classify(e);
            }
        }

        @Override
        public int update(SqlStatement statement) {
            checkOpen();
            long start = timer.start();
            try (PreparedStatement ps = connection.prepareStatement(statement.text())) {
                ParameterBinder.bind(ps, statement.parameters());
                int count = ps.executeUpdate();
                timer.stop(start, statement.text(), count);
                return count;
            } catch (SQLException e) {
                throw classify(e);
            }
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("This transaction has ended; use the Transaction only inside "
                        + "the TransactionWork it was passed to");
            }
        }

        private void applyLocalSettings(Connection c, List<String> pairs) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(setConfigSql(pairs.size() / 2))) {
                for (int i = 0; i < pairs.size(); i++) {
                    ps.setString(i + 1, pairs.get(i));
                }
                ps.executeQuery().close();
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The connection is usually broken when this fails; the pool discards it on close.
            log.debug("Rollback failed", e);
        }
    }

    private void release(Connection c) {
        try {
            connections.release(c);
        } catch (SQLException e) {
            log.debug("Giving back the connection failed", e);
        }
    }

    private void restoreAndRelease(Connection c, boolean readOnly, boolean autoCommit) {
        try {
            if (readOnly) {
                c.setReadOnly(false);
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            log.debug("Could not restore the connection's read-only and autocommit state", e);
        }
        release(c);
    }
}
