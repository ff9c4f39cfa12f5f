package dev.fraiseql.core.config;

import dev.fraiseql.core.error.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every {@code fraiseql.db.*} setting of the pool and the executor, immutable.
 *
 * <p>Checked twice, as HikariCP does: the constructor rejects values that can never work (a negative
 * timeout, zero connections), and {@link #validate()} rejects a missing or malformed URL and settings that
 * contradict each other. Both throw {@link InvalidSettingException} naming the {@code fraiseql.db.*} property,
 * the value and the fix. {@link #toString()} masks the password.
 *
 * @param url the database URL ({@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql:}), or
 *     {@code null} until {@link #validate()} demands it
 * @param applicationName the name PostgreSQL shows in {@code pg_stat_activity.application_name}
 * @param maxConnections the most connections the pool opens
 * @param minIdle the idle connections the pool keeps ready
 * @param connectionTimeout how long a caller waits for a connection before failing
 * @param idleTimeout how long a connection above {@code minIdle} may sit idle; zero keeps it
 * @param maxLifetime the age at which a connection is retired; zero means no limit
 * @param testOnCheckout whether a connection is checked before it is handed out
 * @param queryTimeout the server-enforced {@code statement_timeout}; zero leaves the server's setting
 * @param statementCacheSize prepared statements cached per connection; zero turns the cache off
 * @param sslMode the TLS mode
 * @param sslCertPath the client certificate file, or {@code null}
 * @param sslKeyPath the client key file, or {@code null}
 * @param sslRootCertPath the file of trusted authorities that sign the server certificate, or {@code null}
 * @param maxRetries how often a transient failure is retried
 * @param initialBackoff the first pause between retries, doubled each time
 * @param maxBackoff the longest pause between retries
 * @param performanceLog whether statements slower than {@code performanceThreshold} are logged
 * @param performanceThreshold the duration above which a statement is logged as slow
 * @param poolStatsInterval how often pool statistics are logged; zero turns it off
 */
public record DbSettings(
        String url,
        String applicationName,
        int maxConnections,
        int minIdle,
        Duration connectionTimeout,
        Duration idleTimeout,
        Duration maxLifetime,
        boolean testOnCheckout,
        Duration queryTimeout,
        int statementCacheSize,
        SslMode sslMode,
        String sslCertPath,
        String sslKeyPath,
        String sslRootCertPath,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        boolean performanceLog,
        Duration performanceThreshold,
        Duration poolStatsInterval) {

    /** The prefix of every property, used in messages. */
    public static final String PREFIX = "fraiseql.db.";
    /** The application name used when none is configured. */
    public static final String DEFAULT_APPLICATION_NAME = "fraiseql";

    /** Connections in the pool at most, unless configured otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    /** Idle connections kept ready, unless configured otherwise. */
    public static final int DEFAULT_MIN_IDLE = 2;
    /** How long a caller waits for a connection, unless configured otherwise. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    /** How long an idle connection above the minimum is kept, unless configured otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** Age at which a connection is replaced, unless configured otherwise. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    /** The server-side statement timeout, unless configured otherwise. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** Prepared statements cached per connection, unless configured otherwise. */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 100;
    /** The TLS mode, unless configured otherwise. */
    public static final SslMode DEFAULT_SSL_MODE = SslMode.PREFER;
    /** Duration above which a statement counts as slow, unless configured otherwise. */
    public static final Duration DEFAULT_PERFORMANCE_THRESHOLD = Duration.ofMillis(100);

    private static final Duration HIKARI_MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    private static final Duration HIKARI_MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HIKARI_MIN_MAX_LIFETIME = Duration.ofSeconds(30);

    public DbSettings {
        url = blankToNull(url);
        applicationName = blankToNull(applicationName) == null ? DEFAULT_APPLICATION_NAME : applicationName;
        sslCertPath = blankToNull(sslCertPath);
        sslKeyPath = blankToNull(sslKeyPath);
        sslRootCertPath = blankToNull(sslRootCertPath);
        atLeast("max-connections", maxConnections, 1, "Set it to the most connections the pool may open (default 20).");
        atLeast("min-idle", minIdle, 0, "Set it to the idle connections to keep ready, 0 or more (default 2).");
        atLeast("statement-cache-size", statementCacheSize, 0,
                "Set it to 0 to turn the prepared-statement cache off, or to the statements to cache per connection (default 100).");
        atLeast("max-retries", maxRetries, 0, "Set it to 0 to turn retries off, or to the retries wanted (default 3).");
        duration("connection-timeout", connectionTimeout, "30s");
        if (connectionTimeout.compareTo(HIKARI_MIN_CONNECTION_TIMEOUT) < 0) {
            throw new InvalidSettingException(PREFIX + "connection-timeout", Durations.format(connectionTimeout),
                    "must be at least 250ms (HikariCP's minimum)", "Set it to 250ms or more (default 30s).");
        }
        duration("idle-timeout", idleTimeout, "10m");
        zeroOrAtLeast("idle-timeout", idleTimeout, HIKARI_MIN_IDLE_TIMEOUT, "0 (keep idle connections)", "10m");
        duration("max-lifetime", maxLifetime, "30m");
        zeroOrAtLeast("max-lifetime", maxLifetime, HIKARI_MIN_MAX_LIFETIME, "0 (no limit)", "30m");
        duration("query-timeout", queryTimeout, "30s");
        duration("initial-backoff", initialBackoff, "100ms");
        duration("max-backoff", maxBackoff, "5s");
        duration("performance-threshold", performanceThreshold, "100ms");
        duration("pool-stats-interval", poolStatsInterval, "0, which is off");
        if (sslMode == null) {
            throw new InvalidSettingException(PREFIX + "ssl-mode", null, "no SSL mode is set",
                    "Use one of " + SslMode.allowedValues() + " (default prefer).");
        }
    }

    /** A builder holding the documented defaults and no URL. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The defaults overlaid with {@code DATABASE_URL} and the {@code RUST_DB_*} variables found in the map
     * (usually {@link System#getenv()}); milliseconds and seconds are converted to durations.
     */
    public static DbSettings fromEnvironment(Map<String, String> environment) {
        return builder().properties(DbEnvironment.toProperties(environment)).build();
    }

    /**
     * Checks what the constructor cannot: that a URL is set and parses, and that no two settings contradict
     * each other.
     *
     * @return this, for chaining
     * @throws InvalidSettingException naming the property, the value and the fix
     */
    public DbSettings validate() {
        DatabaseUrl.parse(url);
        if (minIdle > maxConnections) {
            throw new InvalidSettingException(PREFIX + "min-idle", Integer.toString(minIdle),
                    "it is above fraiseql.db.max-connections (" + maxConnections + ")",
                    "Lower fraiseql.db.min-idle to at most " + maxConnections
                            + " or raise fraiseql.db.max-connections.");
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new InvalidSettingException(PREFIX + "initial-backoff", Durations.format(initialBackoff),
                    "it is above fraiseql.db.max-backoff (" + Durations.format(maxBackoff) + ")",
                    "Lower fraiseql.db.initial-backoff or raise fraiseql.db.max-backoff.");
        }
        if (!idleTimeout.isZero() && !maxLifetime.isZero() && idleTimeout.compareTo(maxLifetime) >= 0) {
            throw new InvalidSettingException(PREFIX + "idle-timeout", Durations.format(idleTimeout),
                    "it is not below fraiseql.db.max-lifetime (" + Durations.format(maxLifetime)
                            + "), so HikariCP would ignore it",
                    "Make fraiseql.db.idle-timeout shorter than fraiseql.db.max-lifetime, or set it to 0.");
        }
        if ((sslCertPath == null) != (sslKeyPath == null)) {
            String missing = sslCertPath == null ? "ssl-cert-path" : "ssl-key-path";
            String present = sslCertPath == null ? "ssl-key-path" : "ssl-cert-path";
            throw new InvalidSettingException(PREFIX + missing, null,
                    "a client certificate needs both ssl-cert-path and ssl-key-path, but only " + present + " is set",
                    "Set fraiseql.db." + missing + " too, or remove fraiseql.db." + present + ".");
        }
        readableFile("ssl-cert-path", sslCertPath);
        readableFile("ssl-key-path", sslKeyPath);
        readableFile("ssl-root-cert-path", sslRootCertPath);
        return this;
    }

    /** The parsed URL (parsing again each call; the pool factory calls it once). */
    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(url);
    }

    @Override
    public String toString() {
        return "DbSettings[url=" + DatabaseUrl.mask(url) + ", applicationName=" + applicationName
                + ", maxConnections=" + maxConnections + ", minIdle=" + minIdle
                + ", connectionTimeout=" + Durations.format(connectionTimeout)
                + ", idleTimeout=" + Durations.format(idleTimeout)
                + ", maxLifetime=" + Durations.format(maxLifetime) + ", testOnCheckout=" + testOnCheckout
                + ", queryTimeout=" + Durations.format(queryTimeout) + ", statementCacheSize=" + statementCacheSize
                + ", sslMode=" + sslMode + ", sslCertPath=" + sslCertPath + ", sslKeyPath=" + sslKeyPath
                + ", sslRootCertPath=" + sslRootCertPath + ", maxRetries=" + maxRetries
                + ", initialBackoff=" + Durations.format(initialBackoff)
                + ", maxBackoff=" + Durations.format(maxBackoff) + ", performanceLog=" + performanceLog
                + ", performanceThreshold=" + Durations.format(performanceThreshold)
                + ", poolStatsInterval=" + Durations.format(poolStatsInterval) + "]";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static void atLeast(String name, int value, int min, String fix) {
        if (value < min) {
            throw new InvalidSettingException(PREFIX + name, Integer.toString(value),
                    min == 0 ? "must not be negative" : "must be at least " + min, fix);
        }
    }

    private static void duration(String name, Duration value, String defaultValue) {
        if (value == null) {
            throw new InvalidSettingException(PREFIX + name, null, "no value is set",
                    "Set it to a duration such as " + defaultValue + " (the default), or remove the empty value.");
        }
        if (value.isNegative()) {
            throw new InvalidSettingException(PREFIX + name, Durations.format(value), "must not be negative",
                    "Use 0 or a positive duration such as " + defaultValue + " (the default).");
        }
    }

    private static void zeroOrAtLeast(String name, Duration value, Duration min, String zeroMeaning,
            String defaultValue) {
        if (!value.isZero() && value.compareTo(min) < 0) {
            throw new InvalidSettingException(PREFIX + name, Durations.format(value),
                    "must be " + zeroMeaning + " or at least " + Durations.format(min) + " (HikariCP's minimum)",
                    "Set it to 0 or to " + Durations.format(min) + " or more (default " + defaultValue + ").");
        }
    }

    private static void readableFile(String name, String path) {
        if (path != null && !Files.isReadable(Path.of(path))) {
            throw new InvalidSettingException(PREFIX + name, path, "no readable file is there",
                    "Point it at an existing PEM or DER file this process may read.");
        }
    }

    /** Collects settings, starting from the documented defaults. */
    public static final class Builder {
        private String url;
        private String applicationName = DEFAULT_APPLICATION_NAME;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int minIdle = DEFAULT_MIN_IDLE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration maxLifetime = DEFAULT_MAX_LIFETIME;
        private boolean testOnCheckout = true;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private int statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE;
        private SslMode sslMode = DEFAULT_SSL_MODE;
        private String sslCertPath;
        private String sslKeyPath;
        private String sslRootCertPath;
        private int maxRetries = RetryPolicy.DEFAULT.maxRetries();
        private Duration initialBackoff = RetryPolicy.DEFAULT.initialBackoff();
        private Duration maxBackoff = RetryPolicy.DEFAULT.maxBackoff();
        private boolean performanceLog;
        private Duration performanceThreshold = DEFAULT_PERFORMANCE_THRESHOLD;
        private Duration poolStatsInterval = Duration.ZERO;

        private Builder() {
        }

        private Builder(DbSettings s) {
            url = s.url;
            applicationName = s.applicationName;
            maxConnections = s.maxConnections;
            minIdle = s.minIdle;
            connectionTimeout = s.connectionTimeout;
            idleTimeout = s.idleTimeout;
            maxLifetime = s.maxLifetime;
            testOnCheckout = s.testOnCheckout;
            queryTimeout = s.queryTimeout;
            statementCacheSize = s.statementCacheSize;
            sslMode = s.sslMode;
            sslCertPath = s.sslCertPath;
            sslKeyPath = s.sslKeyPath;
            sslRootCertPath = s.sslRootCertPath;
            maxRetries = s.maxRetries;
            initialBackoff = s.initialBackoff;
            maxBackoff = s.maxBackoff;
            performanceLog = s.performanceLog;
            performanceThreshold = s.performanceThreshold;
            poolStatsInterval = s.poolStatsInterval;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder minIdle(int minIdle) {
            this.minIdle = minIdle;
            return this;
        }

        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder testOnCheckout(boolean testOnCheckout) {
            this.testOnCheckout = testOnCheckout;
            return this;
        }

        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
            return this;
        }

        public Builder statementCacheSize(int statementCacheSize) {
            this.statementCacheSize = statementCacheSize;
            return this;
        }

        public Builder sslMode(SslMode sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        public Builder sslCertPath(String sslCertPath) {
            this.sslCertPath = sslCertPath;
            return this;
        }

        public Builder sslKeyPath(String sslKeyPath) {
            this.sslKeyPath = sslKeyPath;
            return this;
        }

        public Builder sslRootCertPath(String sslRootCertPath) {
            this.sslRootCertPath = sslRootCertPath;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder performanceLog(boolean performanceLog) {
            this.performanceLog = performanceLog;
            return this;
        }

        public Builder performanceThreshold(Duration performanceThreshold) {
            this.performanceThreshold = performanceThreshold;
            return this;
        }

        public Builder poolStatsInterval(Duration poolStatsInterval) {
            this.poolStatsInterval = poolStatsInterval;
            return this;
        }

        /**
         * Applies text values keyed by property, with or without the {@code fraiseql.db.} prefix (e.g.
         * {@code max-connections=10}, {@code connection-timeout=5s}); unknown keys are rejected.
         */
        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /** Applies one text value, as {@link #properties(Map)} does. */
        public Builder property(String key, String value) {
            String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
            String property = PREFIX + name;
            switch (name) {
                case "url" -> url(value);
                case "application-name" -> applicationName(value);
                case "max-connections" -> maxConnections(integer(property, value));
                case "min-idle" -> minIdle(integer(property, value));
                case "connection-timeout" -> connectionTimeout(Durations.parse(property, value));
                case "idle-timeout" -> idleTimeout(Durations.parse(property, value));
                case "max-lifetime" -> maxLifetime(Durations.parse(property, value));
                case "test-on-checkout" -> testOnCheckout(bool(property, value));
                case "query-timeout" -> queryTimeout(Durations.parse(property, value));
                case "statement-cache-size" -> statementCacheSize(integer(property, value));
                case "ssl-mode" -> sslMode(SslMode.parse(value));
                case "ssl-cert-path" -> sslCertPath(value);
                case "ssl-key-path" -> sslKeyPath(value);
                case "ssl-root-cert-path" -> sslRootCertPath(value);
                case "max-retries" -> maxRetries(integer(property, value));
                case "initial-backoff" -> initialBackoff(Durations.parse(property, value));
                case "max-backoff" -> maxBackoff(Durations.parse(property, value));
                case "performance-log" -> performanceLog(bool(property, value));
                case "performance-threshold" -> performanceThreshold(Durations.parse(property, value));
                case "pool-stats-interval" -> poolStatsInterval(Durations.parse(property, value));
                default -> throw new InvalidSettingException(property, value, "no such setting",
                        "Check the spelling against the list in docs/configuration.md.");
            }
            return this;
        }

        /** The settings; throws {@link InvalidSettingException} for a value that can never work. */
        public DbSettings build() {
            return new DbSettings(url, applicationName, maxConnections, minIdle, connectionTimeout, idleTimeout,
                    maxLifetime, testOnCheckout, queryTimeout, statementCacheSize, sslMode, sslCertPath, sslKeyPath,
                    sslRootCertPath, maxRetries, initialBackoff, maxBackoff, performanceLog, performanceThreshold,
                    poolStatsInterval);
        }

        private static int integer(String property, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (RuntimeException e) {
                throw new InvalidSettingException(property, value, "not a whole number", "Write it as digits, such as 20.");
            }
        }

        private static boolean bool(String property, String value) {
            String normal = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return switch (normal) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new InvalidSettingException(property, value, "not a boolean", "Write true or false.");
            };
        }
    }
}
