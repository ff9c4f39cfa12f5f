package dev.fraiseql.core.execution;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


/** The executor on a connection lent by an outer transaction it does not own, as a transaction manager lends it. */
class ManagedConnectionTest {

    private static final ExecutorSettings RETRYING = ExecutorSettings.DEFAULT.withRetry(
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)));

    private static TestDatabase db;
    private static HikariDataSource pool;

    private Connection outer;
    private LendingSource source;
    private QueryExecutor executor;

    @BeforeAll
    static void createSchema() throws Exception {
        db = new TestDatabase("exec_managed");
        db.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)",
                "CREATE SEQUENCE calls",
                // Counts its calls in a sequence, which no rollback undoes, then fails as a serialization failure.
                "CREATE FUNCTION conflict() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('calls'); "
                        + "RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$");
        pool = db.pool(2, 0);
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @BeforeEach
    void beginOuterTransaction() throws Exception {
        db.execute("TRUNCATE note", "ALTER SEQUENCE calls RESTART");
        outer = pool.getConnection();
        outer.setAutoCommit(false);
        source = new LendingSource(outer);
        executor = new QueryExecutor(pool, RETRYING, source);
    }

    @AfterEach
    void endOuterTransaction() throws Exception {
        outer.rollback();
        outer.setAutoCommit(true);
        outer.setReadOnly(false);
        outer.close();
    }

    @Test
    void aWriteJoinsTheOuterTransactionAndIsUndoneByItsRollback() throws Exception {
        int count = executor.inTransaction(Map.of(), tx -> tx.update(SqlStatement.of(
                "INSERT INTO note VALUES (1, 'joined')")));

        assertThat(count).isEqualTo(1);
        assertThat(outer.getAutoCommit()).isFalse();
        assertThat(outer.isClosed()).isFalse();
        assertThat(queryOuter("SELECT count(*) FROM note")).isEqualTo("1");
        assertThat(db.count("SELECT count(*) FROM note")).isZero();
        outer.rollback();
        assertThat(db.count("SELECT count(*) FROM note")).isZero();
        assertThat(source.lent).isEqualTo(1);
        assertThat(source.released).isEqualTo(1);
    }

    @Test
    void aWriteJoinsTheOuterTransactionAndIsKeptByItsCommit() throws Exception {
        executor.inTransaction(Map.of(), tx -> tx.update(SqlStatement.of("INSERT INTO note VALUES (1, 'joined')")));

        outer.commit();

        assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(1);
    }

    @Test
    void aReadSeesWhatTheOuterTransactionWroteBeforeItCommits() throws Exception {
        executeOuter("INSERT INTO note VALUES (7, 'uncommitted')");
        List<String> rows = new ArrayList<>();

        long count = executor.read(Map.of(), SqlStatement.of("SELECT body FROM note"),
                bytes -> rows.add(new String(bytes, StandardCharsets.UTF_8)));

        assertThat(count).isEqualTo(1);
        assertThat(rows).containsExactly("uncommitted");
    }

    @Test
    void localSettingsOfAReadInAReadOnlyOuterTransactionLastUntilTheOuterTransactionEnds() throws Exception {
        outer.setReadOnly(true);
        List<String> rows = new ArrayList<>();

        executor.read(Map.of("app.tenant_id", "7"), SqlStatement.of("SELECT current_setting('app.tenant_id')"),
                bytes -> rows.add(new String(bytes, StandardCharsets.UTF_8)));

        assertThat(rows).containsExactly("7");
        assertThat(queryOuter("SELECT current_setting('app.tenant_id') || ' ' || current_setting('transaction_read_only')"))
                .isEqualTo("7 on");
        outer.commit();
        assertThat(queryOuter("SELECT coalesce(current_setting('app.tenant_id', true), '')")).isEmpty();
    }

    @Test
    void aWriteInAReadOnlyOuterTransactionIsReportedAsPostgresRefusesIt() throws Exception {
        outer.setReadOnly(true);

        DatabaseException failure = catchThrowableOfType(DatabaseException.class, () -> executor.inTransaction(
                Map.of(), tx -> tx.update(SqlStatement.of("INSERT INTO note VALUES (1, 'refused')"))));

        assertThat(failure.sqlState()).isEqualTo("25006");
        assertThat(failure.attempts()).isEqualTo(1);
    }

    @Test
    void aTransientFailureInsideTheOuterTransactionIsReportedOnceAndLeavesTheRollbackToItsOwner() throws Exception {
        DatabaseException failure = catchThrowableOfType(DatabaseException.class, () -> executor.inTransaction(
                Map.of(), tx -> tx.query(SqlStatement.of("SELECT conflict()"), rs -> rs.next())));

        assertThat(failure.kind()).isEqualTo(ErrorKind.TRANSACTION_ROLLBACK);
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(db.count("SELECT last_value FROM calls")).isEqualTo(1);
        assertThat(outer.isClosed()).isFalse();
        assertThat(outer.getAutoCommit()).isFalse();
        assertThatThrownBy(() -> queryOuter("SELECT 1")).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
        assertThat(source.released).isEqualTo(1);
    }

    @Test
    void theSameFailureOnThePlainSourceIsRetriedInTransactionsOfItsOwn() throws Exception {
        QueryExecutor plain = new QueryExecutor(pool, RETRYING);

        DatabaseException failure = catchThrowableOfType(DatabaseException.class, () -> plain.inTransaction(
                Map.of(), tx -> tx.query(SqlStatement.of("SELECT conflict()"), rs -> rs.next())));

        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(db.count("SELECT last_value FROM calls")).isEqualTo(4);
    }

    @Test
    void aConnectionTheSourceDoesNotManageGetsATransactionOfItsOwnAndIsReleased() throws Exception {
        source.managed = false;
        try (Connection other = pool.getConnection()) {
            source.connection = other;

            executor.inTransaction(Map.of(), tx -> tx.update(SqlStatement.of("INSERT INTO note VALUES (1, 'own')")));

            assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(1);
            assertThat(other.getAutoCommit()).isTrue();
            assertThat(source.released).isEqualTo(1);
        }
    }

    private String queryOuter(String sql) throws SQLException {
        try (Statement s = outer.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void executeOuter(String sql) throws SQLException {
        try (Statement s = outer.createStatement()) {
            s.execute(sql);
        }
    }

    /** Lends one connection, the way a transaction manager lends the connection bound to its transaction. */
    private static final class LendingSource implements ConnectionSource {

        Connection connection;
        boolean managed = true;
        int lent;
        int released;

        LendingSource(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection get() {
            lent++;
            return connection;
        }

        @Override
        public void release(Connection c) {
            assertThat(c).isSameAs(connection);
            released++;
        }

        @Override
        public boolean isManaged(Connection c) {
            return managed;
        }
    }
}
