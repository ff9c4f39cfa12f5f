package dev.fraiseql.autoconfigure;

import dev.fraiseql.core.config.DatabaseUrl;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.config.SslMode;
import dev.fraiseql.core.error.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code fraiseql.*} configuration properties. */
@ConfigurationProperties("fraiseql")
public class FraiseqlProperties {

    private final Db db = new Db();

    public Db getDb() {
        return this.db;
    }

    /** The {@code fraiseql.db.*} properties: the connection pool, timeouts, TLS, retries and logs. */
    public static class Db {

        /**
         * Database URL: postgresql://user:password@host:port/database?params, postgres://... or
         * jdbc:postgresql://... Falls back to the DATABASE_URL environment variable.
         */
        private String url;

        /**
         * Name shown in pg_stat_activity.application_name. Defaults to spring.application.name, then "fraiseql".
         */
        private String applicationName;

        /** Maximum number of connections in the pool. */
        private int maxConnections = DbSettings.DEFAULT_MAX_CONNECTIONS;

        /** Number of idle connections the pool keeps ready. */
        private int minIdle = DbSettings.DEFAULT_MIN_IDLE;

        /** Maximum time to wait for a connection from the pool before failing (at least 250ms). */
        private Duration connectionTimeout = DbSettings.DEFAULT_CONNECTION_TIMEOUT;

        /** Time after which an idle connection above min-idle is closed; 0 keeps idle connections. */
        private Duration idleTimeout = DbSettings.DEFAULT_IDLE_TIMEOUT;

        /** Age at which a connection is retired and replaced; 0 means no limit. */
        private Duration maxLifetime = DbSettings.DEFAULT_MAX_LIFETIME;

        /**
         * Whether a connection is validated before it is handed out. HikariCP always validates a connection that
         * was idle for more than 500ms, so false only logs a warning.
         */
        private boolean testOnCheckout = true;

        /** Statement timeout enforced by the server (statement_timeout); 0 leaves the server's own setting. */
        private Duration queryTimeout = DbSettings.DEFAULT_QUERY_TIMEOUT;

        /** Number of prepared statements cached per connection (pgjdbc preparedStatementCacheQueries); 0 disables. */
        private int statementCacheSize = DbSettings.DEFAULT_STATEMENT_CACHE_SIZE;

        /** TLS mode: disable, allow, prefer, require, verify-ca or verify-full. */
        private String sslMode = DbSettings.DEFAULT_SSL_MODE.value();

        /** Path of the client certificate file (pgjdbc sslcert). */
        private String sslCertPath;

        /** Path of the client private key file (pgjdbc sslkey). */
        private String sslKeyPath;

        /** Path of the file of trusted certificate authorities (pgjdbc sslrootcert). */
        private String sslRootCertPath;

        /** Number of times a transient failure is retried. */
        private int maxRetries = RetryPolicy.DEFAULT.maxRetries();

        /** First pause between retries, doubled after each retry. */
        private Duration initialBackoff = RetryPolicy.DEFAULT.initialBackoff();

        /** Longest pause between retries. */
        private Duration maxBackoff = RetryPolicy.DEFAULT.maxBackoff();

        /** Whether statements slower than performance-threshold are logged at WARN. */
        private boolean performanceLog = false;

        /** Duration above which a statement is logged as slow when performance-log is on. */
        private Duration performanceThreshold = DbSettings.DEFAULT_PERFORMANCE_THRESHOLD;

        /** Interval at which pool statistics are logged at INFO; 0 turns the log off. */
        private Duration poolStatsInterval = Duration.ZERO;

        /**
         * The core settings these properties describe, not yet validated.
         *
         * @param fallbackApplicationName the name to use when application-name is not set, or {@code null}
         */
        public DbSettings toSettings(String fallbackApplicationName) {
            String name = this.applicationName != null && !this.applicationName.isBlank() ? this.applicationName
                    : fallbackApplicationName;
            return DbSettings.builder()
                    .url(this.url)
                    .applicationName(name)
                    .maxConnections(this.maxConnections)
                    .minIdle(this.minIdle)
                    .connectionTimeout(this.connectionTimeout)
                    .idleTimeout(this.idleTimeout)
                    .maxLifetime(this.maxLifetime)
                    .testOnCheckout(this.testOnCheckout)
                    .queryTimeout(this.queryTimeout)
                    .statementCacheSize(this.statementCacheSize)
                    .sslMode(SslMode.parse(this.sslMode))
                    .sslCertPath(this.sslCertPath)
                    .sslKeyPath(this.sslKeyPath)
                    .sslRootCertPath(this.sslRootCertPath)
                    .maxRetries(this.maxRetries)
                    .initialBackoff(this.initialBackoff)
                    .maxBackoff(this.maxBackoff)
                    .performanceLog(this.performanceLog)
                    .performanceThreshold(this.performanceThreshold)
                    .poolStatsInterval(this.poolStatsInterval)
                    .build();
        }

        public String getUrl() {
            return this.url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getApplicationName() {
            return this.applicationName;
        }

        public void setApplicationName(String applicationName) {
            this.applicationName = applicationName;
        }

        public int getMaxConnections() {
            return this.maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        public int getMinIdle() {
            return this.minIdle;
        }

        public void setMinIdle(int minIdle) {
            this.minIdle = minIdle;
        }

        public Duration getConnectionTimeout() {
            return this.connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public Duration getIdleTimeout() {
            return this.idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getMaxLifetime() {
            return this.maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public boolean isTestOnCheckout() {
            return this.testOnCheckout;
        }

        public void setTestOnCheckout(boolean testOnCheckout) {
            this.testOnCheckout = testOnCheckout;
        }

        public Duration getQueryTimeout() {
            return this.queryTimeout;
        }

        public void setQueryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
        }

        public int getStatementCacheSize() {
            return this.statementCacheSize;
        }

        public void setStatementCacheSize(int statementCacheSize) {
            this.statementCacheSize = statementCacheSize;
        }

        public String getSslMode() {
            return this.sslMode;
        }

        public void setSslMode(String sslMode) {
            this.sslMode = sslMode;
        }

        public String getSslCertPath() {
            return this.sslCertPath;
        }

        public void setSslCertPath(String sslCertPath) {
            this.sslCertPath = sslCertPath;
        }

        public String getSslKeyPath() {
            return this.sslKeyPath;
        }

        public void setSslKeyPath(String sslKeyPath) {
            this.sslKeyPath = sslKeyPath;
        }

        public String getSslRootCertPath() {
            return this.sslRootCertPath;
        }

        public void setSslRootCertPath(String sslRootCertPath) {
            this.sslRootCertPath = sslRootCertPath;
        }

        public int getMaxRetries() {
            return this.maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return this.initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return this.maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public boolean isPerformanceLog() {
            return this.performanceLog;
        }

        public void setPerformanceLog(boolean performanceLog) {
            this.performanceLog = performanceLog;
        }

        public Duration getPerformanceThreshold() {
            return this.performanceThreshold;
        }

        public void setPerformanceThreshold(Duration performanceThreshold) {
            this.performanceThreshold = performanceThreshold;
        }

        public Duration getPoolStatsInterval() {
            return this.poolStatsInterval;
        }

        public void setPoolStatsInterval(Duration poolStatsInterval) {
            this.poolStatsInterval = poolStatsInterval;
        }

        @Override
        public String toString() {
            try {
                return "Db" + toSettings(this.applicationName).toString().substring("DbSettings".length());
            } catch (RuntimeException e) {
                return "Db[url=" + DatabaseUrl.mask(this.url) + ", invalid]";
            }
        }
    }
}
