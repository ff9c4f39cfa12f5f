package dev.fraiseql.core.execution;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.pool.PoolFactory;
import dev.fraiseql.core.pool.SlowStatementLog;
import dev.fraiseql.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


class QueryExecutorTest {

    private static TestDatabase db;
    private static HikariDataSource pool;
    private static QueryExecutor executor;

    @BeforeAll
    static void createSchema() throws Exception {
        db = new TestDatabase("exec_basic");
        db.execute("CREATE TABLE book (id int PRIMARY KEY, data jsonb)",
                "INSERT INTO book VALUES (1, '{\"title\": \"Dune\", \"tags\": [1, 2]}'), "
                        + "(2, '{\"title\": \"l''été \\\"quoted\\\" ✓\"}'), (3, NULL)",
                "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
        // One connection, so a setting that leaked out of a transaction would be seen by the next one.
        pool = db.pool(1, 0);
        executor = new QueryExecutor(pool, ExecutorSettings.DEFAULT.withRetry(
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40))));
    }

    @AfterAll
    static void closePool() {
        db.close();
    }

    @BeforeEach
    void emptyNotes() throws Exception {
        db.execute("TRUNCATE note");
    }

    @Test
    void streamHandsOnTheServersBytesOfColumnOneRowByRow() {
        List<String> rows = new ArrayList<>();

        long count = executor.stream(SqlStatement.of("SELECT data FROM book ORDER BY id"),
                bytes -> rows.add(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8)));

        assertThat(count).isEqualTo(3);
        assertThat(rows).containsExactly("{\"tags\": [1, 2], \"title\": \"Dune\"}",
                "{\"title\": \"l'été \\\"quoted\\\" ✓\"}", null);
    }

    @Test
    void streamBindsParameters() {
        List<String> rows = new ArrayList<>();

        executor.stream(new SqlStatement("SELECT data->>'title' FROM book WHERE id = ANY(?) ORDER BY id",
                List.of(List.of(2, 1))), bytes -> rows.add(new String(bytes, StandardCharsets.UTF_8)));

        assertThat(rows).containsExactly("Dune", "l'été \"quoted\" ✓");
    }

    @Test
    void rowsAreHandedOnInBatchesOfTheFetchSizeAsTheyArrive() {
        // Row 1001 fails on the server: with a cursor the first three batches of 256 have already
        // been handed on; a driver that collected every row first would hand on none.
        List<String> rows = new ArrayList<>();

        DatabaseException e = catchThrowableOfType(() -> executor.stream(SqlStatement.of(
                "SELECT CASE WHEN g <= 1000 THEN g::text ELSE (1 / (g - g))::text END "
                        + "FROM generate_series(1, 2000) g"),
                bytes -> rows.add(new String(bytes, StandardCharsets.UTF_8))), DatabaseException.class);

        assertThat(rows).hasSize(768);
        assertThat(rows.get(767)).isEqualTo("768");
        assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
        assertThat(e.sqlState()).isEqualTo("22012");
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void aHandlerThatCannotWriteStopsTheStreamWithStreamInterrupted() {
        List<byte[]> rows = new ArrayList<>();
        IOException gone = new IOException("client went away");

        DatabaseException e = catchThrowableOfType(() -> executor.stream(
                SqlStatement.of("SELECT g::text FROM generate_series(1, 100000) g"), bytes -> {
                    rows.add(bytes);
                    throw gone;
                }), DatabaseException.class);

        assertThat(rows).hasSize(1);
        assertThat(e.kind()).isEqualTo(ErrorKind.STREAM_INTERRUPTED);
        assertThat(e.code()).isEqualTo("STREAM_INTERRUPTED");
        assertThat(e.clientMessage()).isEqualTo("The result stream was interrupted; no partial result is returned");
        assertThat(e.getCause()).isSameAs(gone);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void queryReturnsWhatTheReaderReads() {
        List<Integer> ids = executor.query(new SqlStatement("SELECT id FROM book WHERE id >= ? ORDER BY id",
                List.of(2)), rs -> {
                    List<Integer> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                    return out;
                });

        assertThat(ids).containsExactly(2, 3);
    }

    @Test
    void readsRunInReadOnlyTransactionsSoARetriedReadCanNeverWrite() {
        DatabaseException e = catchThrowableOfType(() -> executor.query(
                SqlStatement.of("INSERT INTO note VALUES (1, 'x') RETURNING id"), rs -> rs.next()),
                DatabaseException.class);

        assertThat(e.sqlState()).isEqualTo("25006");
        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
    }

    @Test
    void localSettingsAreVisibleInsideTheTransactionAndGoneAfterIt() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("app.tenant_id", "tenant-'42'");
        local.put("app.user_id", "7");

        List<String> inside = executor.inTransaction(local, tx -> tx.query(SqlStatement.of(
                "SELECT current_setting('app.tenant_id'), current_setting('app.user_id')"),
                rs -> {
                    rs.next();
                    return List.of(rs.getString(1), rs.getString(2));
                }));
        String after = executor.query(SqlStatement.of("SELECT current_setting('app.tenant_id', true)"), rs -> {
            rs.next();
            return rs.getString(1);
        });

        assertThat(inside).containsExactly("tenant-'42'", "7");
        assertThat(after).isEmpty();
    }

    @Test
    void readTransactionsCarryLocalSettingsToo() {
        String tenant = executor.inReadTransaction(Map.of("app.tenant_id", "t1"), tx -> tx.query(
                SqlStatement.of("SELECT current_setting('app.tenant_id')"), rs -> {
                    rs.next();
                    return rs.getString(1);
                }));

        assertThat(tenant).isEqualTo("t1");
    }

    @Test
    void aTransactionCommitsItsWrites() throws Exception {
        int inserted = executor.inTransaction(Map.of(), tx -> tx.update(new SqlStatement(
                "INSERT INTO note VALUES (?, ?), (?, ?)", List.of(1, "one", 2, "two"))));

        assertThat(inserted).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(2);
    }

    @Test
    void aFailingTransactionRollsBackAndLeavesTheTableUnchanged() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> executor.inTransaction(Map.of(), tx -> {
            tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "one")));
            throw boom;
        })).isSameAs(boom);

        assertThat(db.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void aFailingStatementRollsBackTheWholeTransactionWithoutRetry() throws Exception {
        int[] runs = {0};

        DatabaseException e = catchThrowableOfType(() -> executor.inTransaction(Map.of(), tx -> {
            runs[0]++;
            tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "one")));
            return tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "duplicate")));
        }), DatabaseException.class);

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(e.clientMessage()).isEqualTo("Internal server error");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(runs[0]).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void rowLevelSecuritySeesTheTenantFromTheLocalSetting() throws Exception {
        db.execute("CREATE TABLE IF NOT EXISTS doc (tenant text, title text)",
                "TRUNCATE doc",
                "INSERT INTO doc VALUES ('a', 'for a'), ('b', 'for b')",
                "ALTER TABLE doc ENABLE ROW LEVEL SECURITY",
                "DO $$ BEGIN CREATE ROLE doc_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT SELECT ON doc TO doc_reader",
                "DROP POLICY IF EXISTS tenant_only ON doc",
                "CREATE POLICY tenant_only ON doc USING (tenant = current_setting('app.tenant_id', true))");
        QueryExecutor asReader = new QueryExecutor(pool, ExecutorSettings.DEFAULT);

        List<String> titles = asReader.inReadTransaction(Map.of("app.tenant_id", "b"), tx -> {
            tx.update(SqlStatement.of("SET LOCAL ROLE doc_reader"));
            List<String> out = new ArrayList<>();
            tx.stream(SqlStatement.of("SELECT title FROM doc ORDER BY title"),
                    bytes -> out.add(new String(bytes, StandardCharsets.UTF_8)));
            return out;
        });

        assertThat(titles).containsExactly("for b");
    }

    @Test
    void aTransactionCannotBeUsedAfterItsWorkReturned() {
        Transaction[] kept = new Transaction[1];
        executor.inTransaction(Map.of(), tx -> kept[0] = tx);

        assertThatThrownBy(() -> kept[0].update(SqlStatement.of("SELECT 1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This transaction has ended; use the Transaction only inside the TransactionWork "
                        + "it was passed to");
    }

    @Test
    void aLocalSettingNameOutsideThePatternIsRejectedBeforeAnyConnectionIsTaken() {
        for (String bad : Arrays.asList("tenant_id", "App.tenant", "app.tenant; DROP TABLE note", "a.b.c", "", null)) {
            Map<String, String> local = new LinkedHashMap<>();
            local.put(bad, "x");
            assertThatThrownBy(() -> executor.inTransaction(local, tx -> 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Local setting name '" + bad + "' is invalid; use a lower-case two-part name such "
                            + "as 'app.tenant_id' (pattern [a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)");
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aNullLocalSettingValueIsRejected() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("app.tenant_id", null);

        assertThatThrownBy(() -> executor.inTransaction(local, tx -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Local setting 'app.tenant_id' has a null value; pass an empty string to leave it unset");
    }

    @Test
    void theConnectionGoesBackToThePoolInItsOriginalState() throws Exception {
        executor.stream(SqlStatement.of("SELECT data FROM book"), bytes -> { });
        executor.inTransaction(Map.of("app.tenant_id", "x"),
                tx -> tx.update(SqlStatement.of("SET LOCAL work_mem = '8MB'")));

        try (Connection c = pool.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
        }
    }

    @Test
    void aPoolWithoutAutocommitWorksTheSame() throws Exception {
        HikariDataSource manual = db.pool(1, 0, false);
        QueryExecutor onManual = new QueryExecutor(manual, ExecutorSettings.DEFAULT);

        onManual.inTransaction(Map.of(), tx -> tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)",
                List.of(5, "five"))));
        long rows = onManual.stream(SqlStatement.of("SELECT body FROM note"), bytes -> { });

        assertThat(rows).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(1);
    }

    @Test
    void aSingleStatementReadOnAPoolWithoutAutocommitRunsInAReadOnlyTransactionAndEndsIt() throws Exception {
        HikariDataSource manual = db.pool(1, 0, false);
        QueryExecutor onManual = new QueryExecutor(manual, ExecutorSettings.DEFAULT);
        List<String> fetched = new ArrayList<>();

        onManual.read(Map.of(), SqlStatement.of("SELECT current_setting('transaction_read_only')"),
                b -> fetched.add(new String(b, StandardCharsets.UTF_8)));
        Integer counted = onManual.readResult(Map.of(), SqlStatement.of("SELECT count(*) FROM book"), rs -> {
            rs.next();
            return rs.getInt(1);
        });

        assertThat(fetched).containsExactly("on");
        assertThat(counted).isEqualTo(3);
        try (Connection c = manual.getConnection()) {
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(db.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                    + " AND datname = current_database()")).isZero();
        }
    }

    @Test
    void aSingleStatementReadRunsOutsideATransactionWhereAStreamUsesAReadOnlyOne() {
        SqlStatement readOnly = SqlStatement.of("SELECT current_setting('transaction_read_only')");
        List<String> fetched = new ArrayList<>();
        List<String> streamed = new ArrayList<>();

        executor.read(Map.of(), readOnly, b -> fetched.add(new String(b, StandardCharsets.UTF_8)));
        executor.stream(readOnly, b -> streamed.add(new String(b, StandardCharsets.UTF_8)));

        assertThat(fetched).containsExactly("off");
        assertThat(streamed).containsExactly("on");
    }

    @Test
    void aSingleStatementReadHandsOnEveryRowAndLeavesTheConnectionAsItWas() throws Exception {
        List<String> rows = new ArrayList<>();
        long count = executor.read(Map.of(), new SqlStatement("SELECT g::text FROM generate_series(1, ?) g", List.of(300)),
                b -> rows.add(new String(b, StandardCharsets.UTF_8)));

        assertThat(count).isEqualTo(300);
        assertThat(rows).hasSize(300).startsWith("1", "2").endsWith("300");
        try (Connection c = pool.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
        }
    }

    @Test
    void aReadWithLocalSettingsRunsInAReadOnlyTransactionThatSeesThem() {
        List<String> rows = new ArrayList<>();

        long count = executor.read(Map.of("app.tenant_id", "t-'1'"), new SqlStatement("SELECT current_setting(?) || ' '"
                + "|| current_setting('transaction_read_only') FROM generate_series(1, 2)", List.of("app.tenant_id")),
                b -> rows.add(new String(b, StandardCharsets.UTF_8)));
        String after = executor.readResult(Map.of(), SqlStatement.of("SELECT current_setting('app.tenant_id', true)"),
                rs -> {
                    rs.next();
                    return rs.getString(1);
                });

        assertThat(count).isEqualTo(2);
        assertThat(rows).containsExactly("t-'1' on", "t-'1' on");
        assertThat(after).isEmpty();
    }

    @Test
    void aReadResultWithLocalSettingsRunsInAReadOnlyTransactionAndWithoutThemInNone() {
        SqlStatement state = SqlStatement.of("SELECT current_setting('transaction_read_only') || ' '"
                + "|| coalesce(current_setting('app.user_id', true), '-')");
        ResultSetReader<String> first = rs -> {
            rs.next();
            return rs.getString(1);
        };

        assertThat(executor.readResult(Map.of("app.user_id", "7"), state, first)).isEqualTo("on 7");
        assertThat(executor.readResult(Map.of(), state, first)).isEqualTo("off ");
    }

    @Test
    void aReadWithLocalSettingsSeesOnlyTheTenantsRowsUnderRowLevelSecurity() throws Exception {
        db.execute("CREATE TABLE IF NOT EXISTS shelf (tenant text, title text)",
                "TRUNCATE shelf",
                "INSERT INTO shelf VALUES ('a', 'for a'), ('b', 'for b')",
                "DO $$ BEGIN CREATE ROLE shelf_reader LOGIN PASSWORD 'reader';"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT SELECT ON shelf TO shelf_reader",
                "ALTER TABLE shelf ENABLE ROW LEVEL SECURITY",
                "DROP POLICY IF EXISTS tenant_only ON shelf",
                "CREATE POLICY tenant_only ON shelf USING (tenant = current_setting('app.tenant_id', true))");
        QueryExecutor asReader = new QueryExecutor(db.poolAs("shelf_reader", "reader"), ExecutorSettings.DEFAULT);
        SqlStatement titles = SqlStatement.of("SELECT title FROM shelf ORDER BY title");
        List<String> forB = new ArrayList<>();
        List<String> forNobody = new ArrayList<>();

        asReader.read(Map.of("app.tenant_id", "b"), titles, b -> forB.add(new String(b, StandardCharsets.UTF_8)));
        asReader.read(Map.of(), titles, b -> forNobody.add(new String(b, StandardCharsets.UTF_8)));
        Long countForA = asReader.readResult(Map.of("app.tenant_id", "a"),
                SqlStatement.of("SELECT count(*) FROM shelf"), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });

        assertThat(forB).containsExactly("for b");
        assertThat(forNobody).isEmpty();
        assertThat(countForA).isEqualTo(1L);
    }

    @Test
    void aReadWithABadLocalSettingNameIsRejectedBeforeAnyConnectionIsTaken() {
        assertThatThrownBy(() -> executor.read(Map.of("tenant", "a"), SqlStatement.of("SELECT 1"), b -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Local setting name 'tenant' is invalid; use a lower-case two-part name such as"
                        + " 'app.tenant_id' (pattern [a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)");
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void slowStatementsAreLoggedWithTheirSqlButNotTheirParameters() {
        QueryExecutor logging = new QueryExecutor(pool, ExecutorSettings.DEFAULT.withPerformanceLog(Duration.ZERO));
        try (TestDatabase.CapturedLog log = new TestDatabase.CapturedLog(SlowStatementLog.class)) {
            logging.query(new SqlStatement("SELECT ?::text", List.of("secret-value")), rs -> rs.next());
            logging.read(Map.of(), new SqlStatement("SELECT ?::text", List.of("secret-value")), b -> { });

            assertThat(logging.timesStatements()).isTrue();
            assertThat(log.warnings()).hasSize(2);
            assertThat(log.warnings().get(0)).matches("Slow SQL statement: \\d+ ms \\(threshold 0 ms\\): SELECT \\?::text");
            assertThat(log.warnings().get(1))
                    .matches("Slow SQL statement: \\d+ ms \\(threshold 0 ms\\), 1 rows: SELECT \\?::text");
            assertThat(String.join("\n", log.warnings())).doesNotContain("secret-value");
        }
    }

    @Test
    void anExecutorOverFraiseqlsTimingPoolWithPerformanceLogOnLogsEachSlowStatementOnce() {
        DbSettings timed = DbSettings.builder().url(db.server.postgresUrl(db.name)).minIdle(0).maxConnections(1)
                .performanceLog(true).performanceThreshold(Duration.ofMillis(50)).build();
        SqlStatement slow = new SqlStatement("SELECT 'slept' FROM pg_sleep(?)", List.of(0.08));
        try (HikariDataSource timingPool = PoolFactory.create(timed);
                TestDatabase.CapturedLog log = new TestDatabase.CapturedLog(SlowStatementLog.class)) {
            for (boolean executorLogs : List.of(true, false)) {
                ExecutorSettings settings = executorLogs ? ExecutorSettings.DEFAULT.withPerformanceLog(Duration.ZERO)
                        : ExecutorSettings.DEFAULT;
                QueryExecutor onTimingPool = new QueryExecutor(timingPool, settings);

                onTimingPool.read(Map.of(), slow, b -> { });
                onTimingPool.read(Map.of("app.tenant_id", "a"), slow, b -> { });
                onTimingPool.readResult(Map.of(), slow, rs -> rs.next());
                onTimingPool.stream(slow, b -> { });
                onTimingPool.inTransaction(Map.of(), tx -> tx.query(slow, rs -> rs.next()));

                assertThat(onTimingPool.timesStatements()).isFalse();
            }

            // Five statements, twice: the pool's line (its threshold, no row count) for each, and nothing else.
            assertThat(log.warnings()).hasSize(10).allSatisfy(line -> assertThat(line)
                    .matches("Slow SQL statement: \\d+ ms \\(threshold 50 ms\\): SELECT 'slept' FROM pg_sleep\\(\\?\\)"));
        }
    }

    @Test
    void anExecutorWithOtherSettingsRunsOnTheSameDataSource() {
        QueryExecutor once = executor.withSettings(ExecutorSettings.DEFAULT.withRetry(RetryPolicy.none()));
        Integer books = once.readResult(Map.of(), SqlStatement.of("SELECT count(*) FROM book"), rs -> {
            rs.next();
            return rs.getInt(1);
        });

        assertThat(books).isEqualTo(3);
        assertThat(once.settings().retry()).isEqualTo(RetryPolicy.none());
        assertThat(executor.settings().retry().maxRetries()).isEqualTo(3);
    }

    @Test
    void anExecutorTimesNothingWhenThePerformanceLogIsOff() {
        assertThat(new QueryExecutor(pool, ExecutorSettings.DEFAULT).timesStatements()).isFalse();
    }

    @Test
    void fastStatementsAreNotLogged() {
        QueryExecutor logging = new QueryExecutor(pool,
                ExecutorSettings.DEFAULT.withPerformanceLog(Duration.ofSeconds(10)));
        try (TestDatabase.CapturedLog log = new TestDatabase.CapturedLog(SlowStatementLog.class)) {
            logging.stream(SqlStatement.of("SELECT data FROM book"), bytes -> { });

            assertThat(log.warnings()).isEmpty();
        }
    }
}
