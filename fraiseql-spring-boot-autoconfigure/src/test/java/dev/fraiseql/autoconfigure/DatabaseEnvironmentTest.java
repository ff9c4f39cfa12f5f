package dev.fraiseql.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.config.InvalidSettingException;
import dev.fraiseql.core.config.SslMode;
import dev.fraiseql.testsupport.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseEnvironmentTest {

    private static String url;
    private static String otherUrl;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class));

    @BeforeAll
    static void createDatabases() {
        TestPostgres server = TestPostgres.shared();
        url = server.postgresUrl(server.createDatabase("env_a"));
        otherUrl = server.postgresUrl(server.createDatabase("env_b"));
    }

    /** A fake process environment, processed the way SpringApplication does before the context starts. */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return this.runner.withInitializer(context -> {
            ConfigurableEnvironment environment = context.getEnvironment();
            fakeSystemEnvironment(environment, variables);
            new FraiseqlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        });
    }

    private static void fakeSystemEnvironment(ConfigurableEnvironment environment, Map<String, Object> variables) {
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
    }

    private static Map<String, Object> allVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("DATABASE_URL", url);
        variables.put("RUST_DB_MAX_CONNECTIONS", "6");
        variables.put("RUST_DB_MIN_IDLE", "0");
        variables.put("RUST_DB_CONNECTION_TIMEOUT_MS", "2500");
        variables.put("RUST_DB_IDLE_TIMEOUT_MS", "60000");
        variables.put("RUST_DB_MAX_LIFETIME_MS", "600000");
        variables.put("RUST_DB_TEST_ON_CHECKOUT", "false");
        variables.put("RUST_DB_QUERY_TIMEOUT_MS", "750");
        variables.put("RUST_DB_STATEMENT_CACHE_SIZE", "0");
        variables.put("RUST_DB_SSL_MODE", "disable");
        variables.put("RUST_DB_MAX_RETRIES", "5");
        variables.put("RUST_DB_INITIAL_BACKOFF_MS", "50");
        variables.put("RUST_DB_MAX_BACKOFF_MS", "2000");
        variables.put("RUST_DB_PERFORMANCE_LOG", "true");
        variables.put("RUST_DB_PERFORMANCE_THRESHOLD_MS", "20");
        variables.put("RUST_DB_POOL_STATS_INTERVAL_S", "3600");
        return variables;
    }

    @Test
    void databaseUrlAndTheRustDbVariablesAreHonoured() {
        withEnvironment(allVariables()).run(context -> {
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getJdbcUrl()).endsWith(url.substring(url.lastIndexOf('@') + 1));
            assertThat(pool.getMaximumPoolSize()).isEqualTo(6);
            assertThat(pool.getMinimumIdle()).isEqualTo(0);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
            assertThat(pool.getIdleTimeout()).isEqualTo(60_000);
            assertThat(pool.getMaxLifetime()).isEqualTo(600_000);
            assertThat(pool.getDataSourceProperties()).containsEntry("options", "-c statement_timeout=750")
                    .containsEntry("preparedStatementCacheQueries", "0").containsEntry("sslmode", "disable");
            DbSettings settings = context.getBean(DbSettings.class);
            assertThat(settings.testOnCheckout()).isFalse();
            assertThat(settings.sslMode()).isEqualTo(SslMode.DISABLE);
            assertThat(settings.maxRetries()).isEqualTo(5);
            assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(50));
            assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.performanceLog()).isTrue();
            assertThat(settings.performanceThreshold()).isEqualTo(Duration.ofMillis(20));
            assertThat(settings.poolStatsInterval()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void fraiseqlDbPropertiesWinOverTheEnvironmentVariables() {
        withEnvironment(allVariables())
                .withPropertyValues("fraiseql.db.url=" + otherUrl, "fraiseql.db.max-connections=3",
                        "fraiseql.db.query-timeout=4s")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getJdbcUrl()).endsWith(otherUrl.substring(otherUrl.lastIndexOf('@') + 1));
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getDataSourceProperties()).containsEntry("options", "-c statement_timeout=4000");
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
                });
    }

    @Test
    void aFraiseqlDbEnvironmentVariableWinsOverDatabaseUrl() {
        Map<String, Object> variables = allVariables();
        variables.put("FRAISEQL_DB_URL", otherUrl);
        withEnvironment(variables).run(context -> assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
                .endsWith(otherUrl.substring(otherUrl.lastIndexOf('@') + 1)));
    }

    @Test
    void theEnvironmentPostProcessorIsRegisteredWithSpringApplication() {
        StandardEnvironment environment = new StandardEnvironment();
        fakeSystemEnvironment(environment, Map.of("DATABASE_URL", url, "RUST_DB_MIN_IDLE", "0",
                "RUST_DB_QUERY_TIMEOUT_MS", "1234"));
        SpringApplication application = new SpringApplication(OnlyFraiseql.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off")) {
            assertThat(context.getBean(HikariDataSource.class).getDataSourceProperties())
                    .containsEntry("options", "-c statement_timeout=1234");
        }
    }

    @Test
    void aMalformedMillisecondVariableStopsStartUpNamingTheVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        fakeSystemEnvironment(environment, Map.of("DATABASE_URL", url, "RUST_DB_QUERY_TIMEOUT_MS", "30s"));
        SpringApplication application = new SpringApplication(OnlyFraiseql.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting RUST_DB_QUERY_TIMEOUT_MS=30s: not a whole number of milliseconds."
                        + " Write digits only, such as 30000, or set fraiseql.db.query-timeout instead.");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(FraiseqlDataSourceAutoConfiguration.class)
    static class OnlyFraiseql {
    }
}
