package dev.fraiseql.core.execution;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.RetryPolicy;
import dev.fraiseql.core.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


/** Failures provoked on a real server: timeouts, killed connections, conflicts, missing views, an empty pool. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueryExecutorFaultTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));

    private static TestDatabase db;
    private static HikariDataSource pool;
    private static QueryExecutor executor;
    private TestDatabase.CapturedLog log;

    @BeforeAll
    static void start() throws Exception {
        db = new TestDatabase("exec_fault");
        db.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)",
                "CREATE SEQUENCE flaky_calls",
                "CREATE FUNCTION flaky() RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
                        // nextval is not rolled back, so only the first call ever fails.
                        + "IF nextval('flaky_calls') = 1 THEN "
                        + "RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END IF; "
                        + "RETURN 'ok'; END $$");
        pool = db.pool(2, 1000);
        executor = new QueryExecutor(pool, ExecutorSettings.DEFAULT.withRetry(FAST)
                .withQueryTimeout(Duration.ofMillis(1000)).withFetchSize(10));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void captureLog() throws Exception {
        db.execute("TRUNCATE note");
        log = new TestDatabase.CapturedLog(QueryExecutor.class);
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Test
    void aStatementOverTheTimeoutIsQueryTimeoutAndIsNotRetried() {
        DatabaseException e = catchThrowableOfType(() -> executor.query(
                SqlStatement.of("SELECT pg_sleep(3)"), rs -> rs.next()), DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.QUERY_TIMEOUT);
        assertThat(e.code()).isEqualTo("QUERY_TIMEOUT");
        assertThat(e.sqlState()).isEqualTo("57014");
        assertThat(e.clientMessage()).isEqualTo("Query exceeded the 1s statement timeout");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aReadWhoseConnectionIsKilledIsRetriedAndTheRetryIsLogged() throws Exception {
        String sql = "SELECT 'slept' FROM pg_sleep(0.3)";
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirstBackendRunning(sql));

        String result = executor.query(SqlStatement.of(sql), rs -> {
            rs.next();
            return rs.getString(1);
        });

        killer.get(5, TimeUnit.SECONDS);
        assertThat(result).isEqualTo("slept");
        assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line).startsWith(
                "Database attempt 1 of 4 failed with CONNECTION_FAILED (SQLSTATE 57P01); retrying in 10 ms: "));
    }

    @Test
    void aStreamKilledBeforeItsFirstRowIsRetried() throws Exception {
        String sql = "SELECT g::text FROM pg_sleep(0.3), generate_series(1, 3) g";
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirstBackendRunning(sql));
        List<String> rows = new ArrayList<>();

        long count = executor.stream(SqlStatement.of(sql), b -> rows.add(new String(b, StandardCharsets.UTF_8)));

        killer.get(5, TimeUnit.SECONDS);
        assertThat(count).isEqualTo(3);
        assertThat(rows).containsExactly("1", "2", "3");
        assertThat(log.warnings()).hasSize(1);
    }

    @Test
    void aSingleStatementReadWhoseConnectionIsKilledIsRetried() throws Exception {
        String sql = "SELECT g::text FROM pg_sleep(0.3), generate_series(1, 3) g";
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killFirstBackendRunning(sql));
        List<String> rows = new ArrayList<>();

        long count = executor.read(Map.of(), SqlStatement.of(sql), b -> rows.add(new String(b, StandardCharsets.UTF_8)));

        killer.get(5, TimeUnit.SECONDS);
        assertThat(count).isEqualTo(3);
        assertThat(rows).containsExactly("1", "2", "3");
        assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line).startsWith(
                "Database attempt 1 of 4 failed with CONNECTION_FAILED (SQLSTATE 57P01); retrying in 10 ms: "));
    }

    @Test
    void aStreamKilledAfterItsFirstRowsIsInterruptedAndNotRetried() {
        List<String> rows = new ArrayList<>();

        DatabaseException e = catchThrowableOfType(() -> executor.inReadTransaction(Map.of(), tx -> {
            int pid = tx.query(SqlStatement.of("SELECT pg_backend_pid()"), rs -> {
                rs.next();
                return rs.getInt(1);
            });
            return tx.stream(SqlStatement.of("SELECT g::text FROM generate_series(1, 100000) g"), bytes -> {
                if (rows.isEmpty()) {
                    terminate(pid);
                }
                rows.add(new String(bytes, StandardCharsets.UTF_8));
            });
        }), DatabaseException.class);

        // The first batch (fetch size 10) had arrived before the kill; nothing after it.
        assertThat(rows).hasSize(10);
        assertThat(e.kind()).isEqualTo(ErrorKind.STREAM_INTERRUPTED);
        assertThat(e.code()).isEqualTo("STREAM_INTERRUPTED");
        assertThat(e.clientMessage()).isEqualTo("The result stream was interrupted; no partial result is returned");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aSerializationFailureIsRetriedAndTheTransactionCommitsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        String result = executor.inTransaction(Map.of(), tx -> {
            runs.incrementAndGet();
            tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "once")));
            return tx.query(SqlStatement.of("SELECT flaky()"), rs -> {
                rs.next();
                return rs.getString(1);
            });
        });

        assertThat(result).isEqualTo("ok");
        assertThat(runs).hasValue(2);
        assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(1);
        assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line).isEqualTo(
                "Database attempt 1 of 4 failed with TRANSACTION_ROLLBACK (SQLSTATE 40001); retrying in 10 ms: "
                        + "ERROR: could not serialize access\n  Where: PL/pgSQL function flaky() line 1 at RAISE"));
    }

    @Test
    void aRealSerializationConflictIsRetriedAndTheRetrySeesTheOtherCommit() throws Exception {
        db.execute("CREATE TABLE IF NOT EXISTS duty (doctor text PRIMARY KEY, on_call boolean NOT NULL)",
                "TRUNCATE duty", "INSERT INTO duty VALUES ('a', true), ('b', true)");
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Write skew: each doctor goes off call if two are on call. Under SERIALIZABLE one of the
            // two must fail with 40001; its retry then sees only one doctor left and stays on call.
            List<Future<Integer>> results = new ArrayList<>();
            for (String doctor : List.of("a", "b")) {
                results.add(threads.submit(() -> executor.inTransaction(Map.of(), tx -> {
                    boolean firstRound = runs.incrementAndGet() <= 2;
                    tx.update(SqlStatement.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
                    long onCall = tx.query(SqlStatement.of("SELECT count(*) FROM duty WHERE on_call"), rs -> {
                        rs.next();
                        return rs.getLong(1);
                    });
                    if (firstRound) {
                        await(bothHaveRead);
                    }
                    return onCall < 2 ? 0 : tx.update(new SqlStatement(
                            "UPDATE duty SET on_call = false WHERE doctor = ?", List.of(doctor)));
                })));
            }
            int updated = results.get(0).get(10, TimeUnit.SECONDS) + results.get(1).get(10, TimeUnit.SECONDS);

            assertThat(updated).isEqualTo(1);
            assertThat(runs).hasValue(3);
            assertThat(db.count("SELECT count(*) FROM duty WHERE on_call")).isEqualTo(1);
            assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line).startsWith(
                    "Database attempt 1 of 4 failed with TRANSACTION_ROLLBACK (SQLSTATE 40001); retrying in 10 ms: "
                            + "ERROR: could not serialize access"));
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWriteWhoseConnectionDiesBeforeCommitIsRetried() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        executor.inTransaction(Map.of(), tx -> {
            int run = runs.incrementAndGet();
            tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "first")));
            if (run == 1) {
                terminate(backendPid(tx));
            }
            return tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(2, "second")));
        });

        assertThat(runs).hasValue(2);
        assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(2);
        assertThat(log.warnings()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Database attempt 1 of 4 failed with CONNECTION_FAILED (SQLSTATE 57P01)"));
    }

    @Test
    void aWriteWhoseCommitOutcomeIsUnknownIsNotRetried() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        DatabaseException e = catchThrowableOfType(() -> executor.inTransaction(Map.of(), tx -> {
            runs.incrementAndGet();
            tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(1, "maybe")));
            // The connection dies between the work and its COMMIT: the client cannot know the outcome.
            terminate(backendPid(tx));
            return null;
        }), DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.COMMIT_OUTCOME_UNKNOWN);
        assertThat(e.code()).isEqualTo("COMMIT_OUTCOME_UNKNOWN");
        assertThat(e.clientMessage()).isEqualTo("The connection to the database was lost while the change was being"
                + " committed; it may or may not have been applied: check before trying again");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(runs).hasValue(1);
        assertThat(log.warnings()).isEmpty();
        // The failure surfaced at COMMIT, so the executor could not know; here the server had not committed.
        assertThat(db.count("SELECT count(*) FROM note")).isZero();
    }

    @Test
    void aWriteThatStreamedItsResultAndThenLostItsCommitIsAnUnknownOutcomeNotAnInterruptedStream() throws Exception {
        DatabaseException e = catchThrowableOfType(() -> executor.inTransaction(Map.of(), tx -> {
            tx.stream(new SqlStatement("INSERT INTO note VALUES (?, ?) RETURNING body", List.of(1, "maybe")), b -> { });
            terminate(backendPid(tx));
            return null;
        }), DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.COMMIT_OUTCOME_UNKNOWN);
        assertThat(e.attempts()).isEqualTo(1);
    }

    @Test
    void aSerializationFailureAtCommitIsRetriedEvenAfterTheWorkStreamedRowsAndTheWorkStartsOver() throws Exception {
        // A deferred constraint trigger runs at COMMIT, so its 40001 arrives after the work handed its rows on.
        db.execute("CREATE SEQUENCE IF NOT EXISTS commit_calls",
                "CREATE OR REPLACE FUNCTION fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF nextval('commit_calls') = 1 THEN "
                        + "RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END IF; "
                        + "RETURN NULL; END $$",
                "DROP TRIGGER IF EXISTS note_commit ON note",
                "CREATE CONSTRAINT TRIGGER note_commit AFTER INSERT ON note DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION fail_first_commit()");
        try {
            List<String> seen = new ArrayList<>();
            AtomicInteger runs = new AtomicInteger();

            executor.inTransaction(Map.of(), tx -> {
                runs.incrementAndGet();
                seen.clear();
                return tx.stream(new SqlStatement("INSERT INTO note VALUES (?, ?) RETURNING body", List.of(1, "once")),
                        b -> seen.add(new String(b, StandardCharsets.UTF_8)));
            });

            assertThat(runs).hasValue(2);
            assertThat(seen).containsExactly("once");
            assertThat(db.count("SELECT count(*) FROM note")).isEqualTo(1);
        } finally {
            db.execute("DROP TRIGGER note_commit ON note");
        }
    }

    @Test
    void anUnknownViewIsNotFoundWithoutLeakingSql() {
        DatabaseException e = catchThrowableOfType(() -> executor.stream(
                SqlStatement.of("SELECT data FROM \"v_secret_salaries\" WHERE data->>'x' = 'y'"), b -> { }),
                DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(e.code()).isEqualTo("NOT_FOUND");
        assertThat(e.sqlState()).isEqualTo("42P01");
        assertThat(e.clientMessage()).isEqualTo("The requested resource does not exist");
        assertThat(e.getMessage()).isEqualTo(e.clientMessage());
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.logMessage()).contains("v_secret_salaries");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aValueOfTheWrongFormatIsTypeMismatchWithoutTheValue() {
        DatabaseException e = catchThrowableOfType(() -> executor.query(
                new SqlStatement("SELECT ?::uuid", List.of("not-a-uuid")), rs -> rs.next()), DatabaseException.class);

        assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
        assertThat(e.sqlState()).isEqualTo("22P02");
        assertThat(e.clientMessage()).isEqualTo("A value does not match its expected type or format");
    }

    @Test
    void anExhaustedPoolIsReportedAtOnceSoTheAnswerComesWithinTheConnectionTimeout() throws Exception {
        HikariDataSource tiny = db.pool(1, 0);
        List<Duration> slept = new ArrayList<>();
        QueryExecutor recording = new QueryExecutor(tiny, ExecutorSettings.DEFAULT.withRetry(
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(25))), slept::add);

        DatabaseException e;
        try (Connection held = tiny.getConnection()) {
            e = catchThrowableOfType(() -> recording.query(SqlStatement.of("SELECT 1"), rs -> rs.next()),
                    DatabaseException.class);
        }

        assertThat(slept).isEmpty();
        assertThat(e.kind()).isEqualTo(ErrorKind.POOL_EXHAUSTED);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.clientMessage()).isEqualTo(
                "Service temporarily unavailable: all database connections are busy; try again later");
        assertThat(e.clientMessage()).doesNotContain("exec-test").doesNotContain("total=");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aWriteThatFindsThePoolExhaustedRunsNothingAndIsNotRetried() throws Exception {
        HikariDataSource tiny = db.pool(1, 0);
        AtomicInteger sleeps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        QueryExecutor recording = new QueryExecutor(tiny, ExecutorSettings.DEFAULT.withRetry(FAST),
                d -> sleeps.incrementAndGet());

        DatabaseException e;
        try (Connection held = tiny.getConnection()) {
            e = catchThrowableOfType(() -> recording.inTransaction(Map.of(), tx -> {
                runs.incrementAndGet();
                return tx.update(new SqlStatement("INSERT INTO note VALUES (?, ?)", List.of(9, "never")));
            }), DatabaseException.class);
        }

        assertThat(e.kind()).isEqualTo(ErrorKind.POOL_EXHAUSTED);
        assertThat(runs).hasValue(0);
        assertThat(sleeps).hasValue(0);
        assertThat(db.count("SELECT count(*) FROM note")).isZero();
    }

    private static int backendPid(Transaction tx) {
        return tx.query(SqlStatement.of("SELECT pg_backend_pid()"), rs -> {
            rs.next();
            return rs.getInt(1);
        });
    }

    private static void terminate(int pid) {
        try {
            db.terminate(pid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a backend runs the statement, then terminates it (once). */
    private static void killFirstBackendRunning(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < 1000; i++) {
                try (ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE state = 'active' "
                        + "AND query = '" + sql.replace("'", "''") + "'")) {
                    if (rs.next()) {
                        db.terminate(rs.getInt(1));
                        return;
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no backend ran " + sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
