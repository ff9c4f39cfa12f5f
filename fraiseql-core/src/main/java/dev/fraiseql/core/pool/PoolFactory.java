package dev.fraiseql.core.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.fraiseql.core.config.DatabaseUrl;
import dev.fraiseql.core.config.DbSettings;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HikariCP pool that {@link DbSettings} describe. */
public final class PoolFactory {

    /** The pool's name, shown in HikariCP's messages and metrics. */
    public static final String POOL_NAME = "fraiseql";

    private static final Logger log = LoggerFactory.getLogger(PoolFactory.class);
    private static final String DRIVER = "org.postgresql.Driver";
    private static final long HIKARI_VALIDATION_TIMEOUT_MS = 5_000;

    private PoolFactory() {
    }

    /**
     * Validates the settings and starts a pool. The pool does not connect before returning, so a database that
     * is down at start-up makes calls fail (after {@code connection-timeout}) until it is back, instead of
     * failing here. Close the pool when done.
     *
     * @throws dev.fraiseql.core.config.InvalidSettingException if the settings cannot work
     */
    public static HikariDataSource create(DbSettings settings) {
        HikariConfig config = config(settings);
        FraiseqlDataSource dataSource = new FraiseqlDataSource(config);
        if (!settings.poolStatsInterval().isZero()) {
            dataSource.statsLogger(PoolStatsLogger.start(dataSource, settings.poolStatsInterval()));
        }
        log.debug("Started pool {} with {}", POOL_NAME, settings);
        return dataSource;
    }

    /** The HikariCP configuration for the settings, without starting anything. */
    public static HikariConfig config(DbSettings settings) {
        settings.validate();
        DatabaseUrl url = settings.databaseUrl();
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setDriverClassName(DRIVER);
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(settings.minIdle());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(HIKARI_VALIDATION_TIMEOUT_MS, settings.connectionTimeout().toMillis()));
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        // -1: start without a connection, so a database that is down at start-up does not stop the app.
        config.setInitializationFailTimeout(-1);
        Properties properties = driverProperties(settings, url);
        config.setDataSourceProperties(properties);
        if (!settings.testOnCheckout()) {
            log.warn("fraiseql.db.test-on-checkout=false: HikariCP cannot turn checkout validation off per pool;"
                    + " it still validates a connection that was idle for more than 500 ms"
                    + " (JVM-wide system property com.zaxxer.hikari.aliveBypassWindowMs widens that window)");
        }
        SlowStatementLog slowLog = SlowStatementLog.from(settings);
        if (slowLog.enabled()) {
            config.setDataSource(new TimingDataSource(
                    new DriverDataSource(url.jdbcUrl(), DRIVER, properties, url.user(), url.password()), slowLog));
        }
        return config;
    }

    /**
     * Whether statements run on this data source are already timed into a {@link SlowStatementLog} by the pool
     * (a pool from {@link #create} with {@code performance-log} on, or a data source wrapping one), so a caller
     * timing its own statements can skip them and avoid logging each slow statement twice.
     */
    public static boolean timesStatements(DataSource dataSource) {
        HikariDataSource hikari = hikari(dataSource);
        return hikari != null && hikari.getDataSource() instanceof TimingDataSource;
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return hikari;
        }
        // An application may wrap the pool (a proxy for tracing or metrics); the pool inside still times statements.
        try {
            return dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The pgjdbc connection properties: the settings' own, overridden by any parameter written in the URL;
     * an {@code options} parameter in the URL is appended to the statement timeout.
     */
    static Properties driverProperties(DbSettings settings, DatabaseUrl url) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", settings.applicationName());
        properties.setProperty("preparedStatementCacheQueries", Integer.toString(settings.statementCacheSize()));
        if (!settings.queryTimeout().isZero()) {
            properties.setProperty("options", "-c statement_timeout=" + settings.queryTimeout().toMillis());
        }
        properties.setProperty("sslmode", settings.sslMode().value());
        putIfSet(properties, "sslcert", settings.sslCertPath());
        putIfSet(properties, "sslkey", settings.sslKeyPath());
        putIfSet(properties, "sslrootcert", settings.sslRootCertPath());
        for (Map.Entry<String, String> parameter : url.properties().entrySet()) {
            String key = parameter.getKey();
            String value = parameter.getValue();
            if (key.equals("options") && properties.containsKey("options")) {
                value = properties.getProperty("options") + " " + value;
            }
            properties.setProperty(key, value);
        }
        return properties;
    }

    private static void putIfSet(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }
}
