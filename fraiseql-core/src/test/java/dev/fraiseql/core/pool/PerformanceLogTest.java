package dev.fraiseql.core.pool;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.testsupport.TestPostgres;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class PerformanceLogTest {

    private static String url;

    @BeforeAll
    static void createDatabase() {
        TestPostgres server = TestPostgres.shared();
        url = server.postgresUrl(server.createDatabase("performance_log"));
    }

    private static DbSettings.Builder settings() {
        return DbSettings.builder().url(url).minIdle(0).maxConnections(2);
    }

    @Test
    void statementsRunThroughThePoolAreTimedWhenPerformanceLogIsOn() throws Exception {
        DbSettings s = settings().performanceLog(true).performanceThreshold(Duration.ofMillis(50)).build();
        try (LogCapture log = new LogCapture(SlowStatementLog.class);
                HikariDataSource pool = PoolFactory.create(s);
                Connection c = pool.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_sleep(?)")) {
                p.setDouble(1, 0.12);
                p.executeQuery().close();
            }
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1");
                st.executeQuery("SELECT pg_sleep(0.06)").close();
            }
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).matches("WARN Slow SQL statement: \\d+ ms \\(threshold 50 ms\\): SELECT pg_sleep\\(\\?\\)");
            assertThat(log.lines().get(1)).matches("WARN Slow SQL statement: \\d+ ms \\(threshold 50 ms\\): SELECT pg_sleep\\(0.06\\)");
            assertThat(log.lines().get(0)).doesNotContain("0.12");
            assertThat(PoolFactory.timesStatements(pool)).isTrue();
        }
    }

    @Test
    void aDataSourceWrappingTheTimingPoolIsSeenToTimeStatementsToo() throws Exception {
        DbSettings s = settings().performanceLog(true).build();
        try (HikariDataSource timing = PoolFactory.create(s);
                HikariDataSource plain = PoolFactory.create(settings().build())) {
            assertThat(PoolFactory.timesStatements(new Wrapper(timing))).isTrue();
            assertThat(PoolFactory.timesStatements(new Wrapper(plain))).isFalse();
            assertThat(PoolFactory.timesStatements(new Wrapper(new Wrapper(timing)))).isTrue();
        }
    }

    @Test
    void nothingWrapsTheDriverWhenPerformanceLogIsOff() throws Exception {
        try (LogCapture log = new LogCapture(SlowStatementLog.class);
                HikariDataSource pool = PoolFactory.create(settings().performanceThreshold(Duration.ZERO).build());
                Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT pg_sleep(0.01)").close();
            assertThat(pool.getDataSource()).isNull();
            assertThat(PoolFactory.timesStatements(pool)).isFalse();
            assertThat(c.unwrap(Connection.class).getClass().getName()).isEqualTo("org.postgresql.jdbc.PgConnection");
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void poolStatisticsAreLoggedEveryIntervalUntilThePoolCloses() throws Exception {
        DbSettings s = settings().minIdle(1).poolStatsInterval(Duration.ofMillis(200)).build();
        try (LogCapture log = new LogCapture(PoolStatsLogger.class)) {
            HikariDataSource pool = PoolFactory.create(s);
            try (Connection c = pool.getConnection()) {
                // Wait for two lines logged while the connection is held, however slow the machine.
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (log.lines().stream().filter(line -> line.contains(" active=1, ")).count() < 2
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            pool.close();
            int logged = log.lines().size();
            assertThat(logged).isGreaterThanOrEqualTo(2);
            // A line logged before the first connection was made may show it waiting.
            assertThat(log.lines()).allMatch(line -> line.matches(
                    "INFO Pool fraiseql: total=\\d, active=\\d, idle=\\d, waiting=[01], max=2"));
            assertThat(log.lines()).anyMatch(line -> line.contains(" active=1, "));
            Thread.sleep(500);
            assertThat(log.lines()).hasSize(logged);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("fraiseql-stats"));
        }
    }

    /** A data source wrapping another, as tracing or metrics proxies do. */
    private record Wrapper(DataSource target) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(target) ? iface.cast(target) : target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(target) || target.isWrapperFor(iface);
        }
    }
}
