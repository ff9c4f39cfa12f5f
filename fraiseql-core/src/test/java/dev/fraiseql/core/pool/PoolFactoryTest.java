package dev.fraiseql.core.pool;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.config.SslMode;
import dev.fraiseql.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


class PoolFactoryTest {

    private static TestPostgres server;
    private static String database;

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.shared();
        database = server.createDatabase("pool_factory");
    }

    private static DbSettings.Builder settings() {
        return DbSettings.builder().url(server.postgresUrl(database)).minIdle(0).maxConnections(4);
    }

    private static String queryText(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void everySettingReachesHikariAndPgjdbc() {
        DbSettings s = settings().url(server.postgresUrl(database) + "?connect_timeout=7")
                .applicationName("library-api").maxConnections(9).minIdle(3)
                .connectionTimeout(Duration.ofMillis(2500)).idleTimeout(Duration.ofMinutes(2))
                .maxLifetime(Duration.ofMinutes(20)).queryTimeout(Duration.ofMillis(1500)).statementCacheSize(42)
                .sslMode(SslMode.DISABLE).build();
        try (HikariDataSource pool = PoolFactory.create(s)) {
            assertThat(pool.getPoolName()).isEqualTo("fraiseql");
            assertThat(pool.getJdbcUrl()).isEqualTo(server.jdbcUrl(database));
            assertThat(pool.getUsername()).isEqualTo(server.user());
            assertThat(pool.getMaximumPoolSize()).isEqualTo(9);
            assertThat(pool.getMinimumIdle()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
            assertThat(pool.getValidationTimeout()).isEqualTo(2500);
            assertThat(pool.getIdleTimeout()).isEqualTo(120_000);
            assertThat(pool.getMaxLifetime()).isEqualTo(1_200_000);
            assertThat(pool.getInitializationFailTimeout()).isEqualTo(-1);
            assertThat(pool.getDataSource()).isNull();
            Properties expected = new Properties();
            expected.setProperty("ApplicationName", "library-api");
            expected.setProperty("preparedStatementCacheQueries", "42");
            expected.setProperty("options", "-c statement_timeout=1500");
            expected.setProperty("sslmode", "disable");
            expected.setProperty("connectTimeout", "7");
            assertThat(pool.getDataSourceProperties()).isEqualTo(expected);
        }
    }

    @Test
    void showStatementTimeoutReflectsQueryTimeout() throws SQLException {
        try (HikariDataSource pool = PoolFactory.create(settings().queryTimeout(Duration.ofMillis(1500)).build())) {
            assertThat(queryText(pool, "SHOW statement_timeout")).isEqualTo("1500ms");
        }
        try (HikariDataSource pool = PoolFactory.create(settings().queryTimeout(Duration.ZERO).build())) {
            assertThat(queryText(pool, "SHOW statement_timeout")).isEqualTo("0");
        }
    }

    @Test
    void theServerCancelsAStatementLongerThanQueryTimeout() {
        try (HikariDataSource pool = PoolFactory.create(settings().queryTimeout(Duration.ofMillis(200)).build())) {
            assertThatThrownBy(() -> queryText(pool, "SELECT pg_sleep(2)::text"))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("ERROR: canceling statement due to statement timeout");
        }
    }

    @Test
    void optionsInTheUrlAreKeptBesideTheStatementTimeout() throws SQLException {
        DbSettings s = settings().url(server.postgresUrl(database) + "?options=-c%20search_path%3Dpg_catalog")
                .queryTimeout(Duration.ofSeconds(3)).build();
        try (HikariDataSource pool = PoolFactory.create(s)) {
            assertThat(queryText(pool, "SHOW statement_timeout")).isEqualTo("3s");
            assertThat(queryText(pool, "SHOW search_path")).isEqualTo("pg_catalog");
        }
    }

    @Test
    void applicationNameIsVisibleInPgStatActivity() throws SQLException {
        try (HikariDataSource pool = PoolFactory.create(settings().applicationName("library-api").build());
                Connection held = pool.getConnection();
                Connection observer = server.connect(database);
                PreparedStatement q = observer.prepareStatement(
                        "SELECT application_name FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            q.setString(1, database);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).isNotEmpty().containsOnly("library-api");
        }
    }

    @Test
    void theStatementCacheKeepsServerPreparedStatementsOnlyWhenEnabled() throws SQLException {
        assertThat(serverPreparedAfterTenExecutions(100)).isEqualTo(1);
        assertThat(serverPreparedAfterTenExecutions(0)).isEqualTo(0);
    }

    private static int serverPreparedAfterTenExecutions(int cacheSize) throws SQLException {
        try (HikariDataSource pool = PoolFactory.create(settings().maxConnections(1).statementCacheSize(cacheSize).build());
                Connection c = pool.getConnection()) {
            for (int i = 0; i < 10; i++) {
                try (PreparedStatement p = c.prepareStatement("SELECT ?::int + 1")) {
                    p.setInt(1, i);
                    p.executeQuery().close();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void sslModeReachesTheDriver() {
        // The embedded server has no TLS, so "require" can only fail, and only if pgjdbc received it.
        DbSettings s = settings().sslMode(SslMode.REQUIRE).connectionTimeout(Duration.ofSeconds(1)).build();
        try (HikariDataSource pool = PoolFactory.create(s)) {
            assertThatThrownBy(pool::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .cause().hasMessage("The server does not support SSL.");
        }
    }

    @Test
    void anExhaustedPoolFailsAfterTheConnectionTimeoutNamingThePoolState() throws SQLException {
        DbSettings s = settings().maxConnections(2).connectionTimeout(Duration.ofMillis(500)).build();
        try (HikariDataSource pool = PoolFactory.create(s); Connection a = pool.getConnection();
                Connection b = pool.getConnection()) {
            long start = System.nanoTime();
            assertThatThrownBy(pool::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageStartingWith("fraiseql - Connection is not available, request timed out after ")
                    .hasMessageEndingWith("ms (total=2, active=2, idle=0, waiting=0)");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).isBetween(450L, 5_000L);
        }
    }

    @Test
    void thePoolRecoversByItselfAfterTheServerRestarts() throws Exception {
        assumeTrue(server.isEmbedded(), "only the embedded server can be restarted");
        try (HikariDataSource pool = PoolFactory.create(settings().minIdle(2).build())) {
            assertThat(queryText(pool, "SELECT 'before'")).isEqualTo("before");
            server.restart();
            // Any real restart outlasts HikariCP's 500 ms alive-bypass window, so checkout validation sees the
            // dead connections and replaces them; the embedded server can restart faster than that.
            Thread.sleep(600);
            assertThat(queryText(pool, "SELECT 'after'")).isEqualTo("after");
            assertThat(queryText(pool, "SELECT 'again'")).isEqualTo("again");
        }
    }

    @Test
    void aConnectionUsedJustBeforeARestartFailsAtMostOnceWithATransientStateAndIsReplaced() throws SQLException {
        assumeTrue(server.isEmbedded(), "only the embedded server can be restarted");
        try (HikariDataSource pool = PoolFactory.create(settings().maxConnections(1).build())) {
            assertThat(queryText(pool, "SELECT 'before'")).isEqualTo("before");
            server.restart();
            try {
                assertThat(queryText(pool, "SELECT 'first'")).isEqualTo("first");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(e.getMessage()).matches("57P01|08.*");
            }
            assertThat(queryText(pool, "SELECT 'second'")).isEqualTo("second");
        }
    }

    @Test
    void aDatabaseDownAtStartUpFailsQueriesClearlyUntilItIsBack() throws SQLException {
        assumeTrue(server.isEmbedded(), "only the embedded server can be stopped");
        DbSettings s = settings().connectionTimeout(Duration.ofSeconds(1)).build();
        server.stopServer();
        HikariDataSource pool;
        try {
            pool = PoolFactory.create(s);
            try {
                assertThatThrownBy(pool::getConnection)
                        .isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageStartingWith("fraiseql - Connection is not available, request timed out after ")
                        .hasMessageEndingWith("ms (total=0, active=0, idle=0, waiting=0)")
                        .cause().hasMessageContaining("Connection to " + server.host() + ":" + server.port()
                                + " refused");
            } catch (AssertionError | RuntimeException e) {
                pool.close();
                throw e;
            }
        } finally {
            server.startServer();
        }
        try (pool) {
            assertThat(queryText(pool, "SELECT 'back'")).isEqualTo("back");
        }
    }

    @Test
    void passwordsStayOutOfTheConfigurationText() {
        DbSettings s = settings().url("postgresql://app:topsecret@127.0.0.1:1/x").build();
        assertThat(s.toString()).doesNotContain("topsecret");
        assertThat(PoolFactory.config(s).toString()).doesNotContain("topsecret");
    }
}
