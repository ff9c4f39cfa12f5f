package dev.fraiseql.core.execution;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The executor's cost per streamed row against a plain JDBC loop doing the same work (one pooled
 * connection, read-only transaction, cursor with the same fetch size, {@code getBytes(1)} per row).
 *
 * <p>Run: {@code benchmarks/run.sh jmh StreamBenchmark}
 * (see docs/errors.md); uses {@code FRAISEQL_TEST_DATABASE_URL} or the embedded server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamBenchmark {

    /** Rows per statement. */
    @Param({"10", "1000"})
    public int rows;

    private HikariDataSource pool;
    private QueryExecutor executor;
    private SqlStatement statement;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        TestPostgres server = TestPostgres.shared();
        String db = server.createDatabase("bench_stream");
        try (Connection c = server.connect(db); Statement s = c.createStatement()) {
            // About 330 bytes of JSON per row, shaped like a book with a nested author and reviews.
            s.execute("CREATE TABLE tv_book AS SELECT g AS id, jsonb_build_object('id', g, 'title', 'Title ' || g, "
                    + "'isbn', lpad(g::text, 13, '9'), 'publishedOn', date '2000-01-01' + g, "
                    + "'author', jsonb_build_object('id', g % 97, 'name', 'Author ' || (g % 97)), "
                    + "'reviews', jsonb_build_array(jsonb_build_object('stars', g % 5, 'text', 'Good read'), "
                    + "jsonb_build_object('stars', (g + 1) % 5, 'text', 'Would read again'))) AS data "
                    + "FROM generate_series(1, 10000) g");
            s.execute("ALTER TABLE tv_book ADD PRIMARY KEY (id)");
            s.execute("ANALYZE tv_book");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(db));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        executor = new QueryExecutor(pool, ExecutorSettings.DEFAULT);
        statement = new SqlStatement("SELECT data FROM tv_book WHERE id <= ? ORDER BY id", List.of(rows));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public long executorStream(Blackhole bh) {
        return executorStream((RowHandler) bh::consume);
    }

    @Benchmark
    public long plainJdbc(Blackhole bh) throws SQLException {
        return plainJdbc((RowHandler) bh::consume);
    }

    long executorStream(RowHandler sink) {
        return executor.stream(statement, sink);
    }

    /** What the executor does for one read, written out by hand; the handler is the same interface call. */
    long plainJdbc(RowHandler sink) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement(statement.text())) {
                ps.setFetchSize(ExecutorSettings.DEFAULT_FETCH_SIZE);
                ps.setInt(1, rows);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            sink.row(rs.getBytes(1));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        n++;
                    }
                }
            }
            c.commit();
            c.setReadOnly(false);
            c.setAutoCommit(true);
            return n;
        }
    }
}
