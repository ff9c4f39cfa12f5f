package dev.fraiseql.core.execution;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.LoggerFactory;

/** A fresh database per test class and small HikariCP pools on it, as the FraiseQL pool would build them. */
final class TestDatabase implements AutoCloseable {

    final TestPostgres server = TestPostgres.shared();
    final String name;
    private final java.util.List<HikariDataSource> pools = new java.util.ArrayList<>();

    TestDatabase(String prefix) {
        this.name = server.createDatabase(prefix);
    }

    /** A pool of {@code size} connections whose server-side statement timeout is {@code statementTimeoutMs}. */
    HikariDataSource pool(int size, long statementTimeoutMs) {
        return pool(size, statementTimeoutMs, true);
    }

    HikariDataSource pool(int size, long statementTimeoutMs, boolean autoCommit) {
        return pool(size, statementTimeoutMs, autoCommit, server.user(), server.password());
    }

    /** A pool of one connection logging in as another role, which row-level security policies then apply to. */
    HikariDataSource poolAs(String user, String password) {
        return pool(1, 0, true, user, password);
    }

    private HikariDataSource pool(int size, long statementTimeoutMs, boolean autoCommit, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setAutoCommit(autoCommit);
        config.setJdbcUrl(server.jdbcUrl(name));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(250);
        config.setPoolName("exec-test-" + name + "-" + pools.size());
        if (statementTimeoutMs > 0) {
            config.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeoutMs);
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    Connection connect() throws SQLException {
        return server.connect(name);
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Terminates the backend and waits until it is gone, so the next use of its connection fails. */
    void terminate(int pid) throws SQLException, InterruptedException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
            for (int i = 0; i < 500; i++) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("backend " + pid + " did not terminate");
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }

    /** Captures what the executor logs, to see retries. */
    static final class CapturedLog implements AutoCloseable {

        private final Logger logger;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        CapturedLog(Class<?> source) {
            logger = (Logger) LoggerFactory.getLogger(source);
            appender.start();
            logger.addAppender(appender);
        }

        List<String> warnings() {
            return appender.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
