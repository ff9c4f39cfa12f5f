package dev.fraiseql.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class DbSettingsTest {

    private static final String URL = "postgresql://app:secret@db:5432/library";

    private static DbSettings.Builder valid() {
        return DbSettings.builder().url(URL);
    }

    private static void rejects(UnaryOperator<DbSettings.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build().validate())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(message);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        DbSettings s = valid().build().validate();
        assertThat(s.maxConnections()).isEqualTo(20);
        assertThat(s.minIdle()).isEqualTo(2);
        assertThat(s.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.testOnCheckout()).isTrue();
        assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.statementCacheSize()).isEqualTo(100);
        assertThat(s.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(s.sslCertPath()).isNull();
        assertThat(s.sslKeyPath()).isNull();
        assertThat(s.sslRootCertPath()).isNull();
        assertThat(s.maxRetries()).isEqualTo(3);
        assertThat(s.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.performanceLog()).isFalse();
        assertThat(s.performanceThreshold()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.poolStatsInterval()).isEqualTo(Duration.ZERO);
        assertThat(s.applicationName()).isEqualTo("fraiseql");
    }

    @Test
    void toStringMasksThePassword() {
        assertThat(valid().build()).hasToString("DbSettings[url=postgresql://app:****@db:5432/library,"
                + " applicationName=fraiseql, maxConnections=20, minIdle=2, connectionTimeout=30s, idleTimeout=10m,"
                + " maxLifetime=30m, testOnCheckout=true, queryTimeout=30s, statementCacheSize=100, sslMode=prefer,"
                + " sslCertPath=null, sslKeyPath=null, sslRootCertPath=null, maxRetries=3, initialBackoff=100ms,"
                + " maxBackoff=5s, performanceLog=false, performanceThreshold=100ms, poolStatsInterval=0]");
    }

    @Test
    void aMissingUrlFailsValidation() {
        rejects(b -> b.url(null), "Invalid setting fraiseql.db.url: no database URL is set. Set"
                + " fraiseql.db.url (or the DATABASE_URL environment variable, or spring.datasource.url), or define a"
                + " JdbcConnectionDetails bean. Use"
                + " postgresql://user:password@host:5432/database (percent-encode special characters in the user and"
                + " password, e.g. @ as %40) or jdbc:postgresql://host:5432/database.");
    }

    @Test
    void aMalformedUrlFailsValidationWithoutShowingThePassword() {
        assertThatThrownBy(() -> valid().url("postgresql://app:secret@db:x/lib").build().validate())
                .hasMessageStartingWith("Invalid setting fraiseql.db.url=postgresql://app:****@db:x/lib:"
                        + " the port x is not a number.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void zeroMaxConnectionsIsRejected() {
        rejects(b -> b.maxConnections(0), "Invalid setting fraiseql.db.max-connections=0: must be at least"
                + " 1. Set it to the most connections the pool may open (default 20).");
    }

    @Test
    void aNegativeMinIdleIsRejected() {
        rejects(b -> b.minIdle(-1), "Invalid setting fraiseql.db.min-idle=-1: must not be negative. Set it"
                + " to the idle connections to keep ready, 0 or more (default 2).");
    }

    @Test
    void minIdleAboveMaxConnectionsIsRejected() {
        rejects(b -> b.maxConnections(5).minIdle(6), "Invalid setting fraiseql.db.min-idle=6: it is above"
                + " fraiseql.db.max-connections (5). Lower fraiseql.db.min-idle to at most 5 or raise"
                + " fraiseql.db.max-connections.");
    }

    @Test
    void aNegativeConnectionTimeoutIsRejected() {
        rejects(b -> b.connectionTimeout(Duration.ofSeconds(-5)), "Invalid setting"
                + " fraiseql.db.connection-timeout=-5s: must not be negative. Use 0 or a positive duration such as"
                + " 30s (the default).");
    }

    @Test
    void aConnectionTimeoutBelowHikarisMinimumIsRejected() {
        rejects(b -> b.connectionTimeout(Duration.ofMillis(100)), "Invalid setting"
                + " fraiseql.db.connection-timeout=100ms: must be at least 250ms (HikariCP's minimum). Set it to"
                + " 250ms or more (default 30s).");
    }

    @Test
    void aShortIdleTimeoutIsRejected() {
        rejects(b -> b.idleTimeout(Duration.ofSeconds(5)), "Invalid setting fraiseql.db.idle-timeout=5s:"
                + " must be 0 (keep idle connections) or at least 10s (HikariCP's minimum). Set it to 0 or to 10s or"
                + " more (default 10m).");
    }

    @Test
    void aShortMaxLifetimeIsRejected() {
        rejects(b -> b.maxLifetime(Duration.ofSeconds(10)), "Invalid setting fraiseql.db.max-lifetime=10s:"
                + " must be 0 (no limit) or at least 30s (HikariCP's minimum). Set it to 0 or to 30s or more"
                + " (default 30m).");
    }

    @Test
    void anIdleTimeoutNotBelowMaxLifetimeIsRejected() {
        rejects(b -> b.idleTimeout(Duration.ofMinutes(30)), "Invalid setting"
                + " fraiseql.db.idle-timeout=30m: it is not below fraiseql.db.max-lifetime (30m), so HikariCP would"
                + " ignore it. Make fraiseql.db.idle-timeout shorter than fraiseql.db.max-lifetime, or set it to 0.");
    }

    @Test
    void aNegativeQueryTimeoutIsRejected() {
        rejects(b -> b.queryTimeout(Duration.ofMillis(-1)), "Invalid setting"
                + " fraiseql.db.query-timeout=-1ms: must not be negative. Use 0 or a positive duration such as 30s"
                + " (the default).");
    }

    @Test
    void negativeCountsAreRejected() {
        rejects(b -> b.statementCacheSize(-1), "Invalid setting fraiseql.db.statement-cache-size=-1: must"
                + " not be negative. Set it to 0 to turn the prepared-statement cache off, or to the statements to"
                + " cache per connection (default 100).");
        rejects(b -> b.maxRetries(-2), "Invalid setting fraiseql.db.max-retries=-2: must not be negative."
                + " Set it to 0 to turn retries off, or to the retries wanted (default 3).");
    }

    @Test
    void negativeBackoffsThresholdsAndIntervalsAreRejected() {
        rejects(b -> b.initialBackoff(Duration.ofMillis(-100)), "Invalid setting"
                + " fraiseql.db.initial-backoff=-100ms: must not be negative. Use 0 or a positive duration such as"
                + " 100ms (the default).");
        rejects(b -> b.maxBackoff(Duration.ofSeconds(-1)), "Invalid setting fraiseql.db.max-backoff=-1s:"
                + " must not be negative. Use 0 or a positive duration such as 5s (the default).");
        rejects(b -> b.performanceThreshold(Duration.ofMillis(-1)), "Invalid setting"
                + " fraiseql.db.performance-threshold=-1ms: must not be negative. Use 0 or a positive duration such"
                + " as 100ms (the default).");
        rejects(b -> b.poolStatsInterval(Duration.ofSeconds(-60)), "Invalid setting"
                + " fraiseql.db.pool-stats-interval=-1m: must not be negative. Use 0 or a positive duration such as"
                + " 0, which is off (the default).");
    }

    @Test
    void anInitialBackoffAboveMaxBackoffIsRejected() {
        rejects(b -> b.initialBackoff(Duration.ofSeconds(10)), "Invalid setting"
                + " fraiseql.db.initial-backoff=10s: it is above fraiseql.db.max-backoff (5s). Lower"
                + " fraiseql.db.initial-backoff or raise fraiseql.db.max-backoff.");
    }

    @Test
    void anUnknownSslModeIsRejected() {
        assertThatThrownBy(() -> SslMode.parse("strict"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting fraiseql.db.ssl-mode=strict: unknown SSL mode. Use one of"
                        + " disable, allow, prefer, require, verify-ca, verify-full.");
        assertThat(SslMode.parse("VERIFY_FULL")).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(SslMode.parse("verify-ca")).isEqualTo(SslMode.VERIFY_CA);
    }

    @Test
    void aClientCertificateWithoutKeyIsRejected() {
        rejects(b -> b.sslCertPath("/etc/client.crt"), "Invalid setting fraiseql.db.ssl-key-path: a client"
                + " certificate needs both ssl-cert-path and ssl-key-path, but only ssl-cert-path is set. Set"
                + " fraiseql.db.ssl-key-path too, or remove fraiseql.db.ssl-cert-path.");
    }

    @Test
    void aMissingCertificateFileIsRejected() {
        rejects(b -> b.sslRootCertPath("/nonexistent/root.crt"), "Invalid setting"
                + " fraiseql.db.ssl-root-cert-path=/nonexistent/root.crt: no readable file is there. Point it at an"
                + " existing PEM or DER file this process may read.");
    }

    @Test
    void textPropertiesAreParsedWithTheirUnits() {
        DbSettings s = DbSettings.builder().properties(Map.of(
                "fraiseql.db.url", URL,
                "max-connections", "7",
                "fraiseql.db.connection-timeout", "1500ms",
                "idle-timeout", "2m",
                "ssl-mode", "verify-full",
                "test-on-checkout", "false",
                "query-timeout", "5000")).build();
        assertThat(s.maxConnections()).isEqualTo(7);
        assertThat(s.connectionTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(s.testOnCheckout()).isFalse();
        assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownOrBadTextPropertyIsRejected() {
        assertThatThrownBy(() -> DbSettings.builder().property("max-conections", "5"))
                .hasMessage("Invalid setting fraiseql.db.max-conections=5: no such setting. Check the"
                        + " spelling against the list in docs/configuration.md.");
        assertThatThrownBy(() -> DbSettings.builder().property("max-connections", "many"))
                .hasMessage("Invalid setting fraiseql.db.max-connections=many: not a whole number. Write"
                        + " it as digits, such as 20.");
        assertThatThrownBy(() -> DbSettings.builder().property("query-timeout", "soon"))
                .hasMessage("Invalid setting fraiseql.db.query-timeout=soon: not a duration. Write it as"
                        + " a number with a unit, such as 250ms, 30s or 10m.");
    }

    @Test
    void theEnvironmentVariablesOfThePlanAreHonoured() {
        DbSettings s = DbSettings.fromEnvironment(Map.ofEntries(
                Map.entry("DATABASE_URL", URL),
                Map.entry("RUST_DB_MAX_CONNECTIONS", "12"),
                Map.entry("RUST_DB_MIN_IDLE", "1"),
                Map.entry("RUST_DB_CONNECTION_TIMEOUT_MS", "2500"),
                Map.entry("RUST_DB_IDLE_TIMEOUT_MS", "60000"),
                Map.entry("RUST_DB_MAX_LIFETIME_MS", "600000"),
                Map.entry("RUST_DB_TEST_ON_CHECKOUT", "false"),
                Map.entry("RUST_DB_QUERY_TIMEOUT_MS", "750"),
                Map.entry("RUST_DB_STATEMENT_CACHE_SIZE", "0"),
                Map.entry("RUST_DB_SSL_MODE", "require"),
                Map.entry("RUST_DB_MAX_RETRIES", "5"),
                Map.entry("RUST_DB_INITIAL_BACKOFF_MS", "50"),
                Map.entry("RUST_DB_MAX_BACKOFF_MS", "2000"),
                Map.entry("RUST_DB_PERFORMANCE_LOG", "true"),
                Map.entry("RUST_DB_PERFORMANCE_THRESHOLD_MS", "20"),
                Map.entry("RUST_DB_POOL_STATS_INTERVAL_S", "60"),
                Map.entry("UNRELATED", "x")));
        assertThat(s).hasToString("DbSettings[url=postgresql://app:****@db:5432/library, applicationName=fraiseql,"
                + " maxConnections=12, minIdle=1, connectionTimeout=2500ms, idleTimeout=1m, maxLifetime=10m,"
                + " testOnCheckout=false, queryTimeout=750ms, statementCacheSize=0, sslMode=require, sslCertPath=null,"
                + " sslKeyPath=null, sslRootCertPath=null, maxRetries=5, initialBackoff=50ms, maxBackoff=2s,"
                + " performanceLog=true, performanceThreshold=20ms, poolStatsInterval=1m]");
    }

    @Test
    void aNonNumericMillisecondVariableNamesTheVariable() {
        assertThatThrownBy(() -> DbSettings.fromEnvironment(Map.of("RUST_DB_QUERY_TIMEOUT_MS", "30s")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting RUST_DB_QUERY_TIMEOUT_MS=30s: not a whole number of"
                        + " milliseconds. Write digits only, such as 30000, or set fraiseql.db.query-timeout instead.");
    }

    @Test
    void everyVariableMapsToAKnownProperty() {
        for (DbEnvironment.Variable variable : DbEnvironment.variables()) {
            String value = switch (variable.unit()) {
                case MILLISECONDS, SECONDS -> "60";
                case TEXT -> variable.property().endsWith("ssl-mode") ? "require" : "1";
            };
            DbSettings.Builder builder = DbSettings.builder();
            DbEnvironment.toProperties(Map.of(variable.name(), value)).forEach(builder::property);
        }
        assertThat(DbEnvironment.variables()).hasSize(19);
    }
}
