package dev.fraiseql.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.config.SslMode;
import dev.fraiseql.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import static org.assertj.core.api.Assertions.assertThat;

class FraiseqlDataSourceAutoConfigurationTest {

    private static TestPostgres server;
    private static String url;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class))
            .withPropertyValues("fraiseql.db.min-idle=0");

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.shared();
        url = server.postgresUrl(server.createDatabase("autoconfig"));
    }

    @Test
    void everyPropertyReachesThePoolAndTheDriver(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("client.crt"), "cert");
        Path key = Files.writeString(dir.resolve("client.key"), "key");
        Path root = Files.writeString(dir.resolve("root.crt"), "root");
        this.runner.withPropertyValues(
                "fraiseql.db.url=" + url,
                "fraiseql.db.application-name=library-api",
                "fraiseql.db.max-connections=7",
                "fraiseql.db.min-idle=1",
                "fraiseql.db.connection-timeout=2500ms",
                "fraiseql.db.idle-timeout=2m",
                "fraiseql.db.max-lifetime=20m",
                "fraiseql.db.test-on-checkout=false",
                "fraiseql.db.query-timeout=1500ms",
                "fraiseql.db.statement-cache-size=42",
                "fraiseql.db.ssl-mode=disable",
                "fraiseql.db.ssl-cert-path=" + cert,
                "fraiseql.db.ssl-key-path=" + key,
                "fraiseql.db.ssl-root-cert-path=" + root,
                "fraiseql.db.max-retries=6",
                "fraiseql.db.initial-backoff=20ms",
                "fraiseql.db.max-backoff=800ms",
                "fraiseql.db.performance-log=true",
                "fraiseql.db.performance-threshold=30ms",
                "fraiseql.db.pool-stats-interval=1h").run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class);
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getPoolName()).isEqualTo("fraiseql");
                    assertThat(pool.getJdbcUrl()).isEqualTo(url.replaceFirst("^postgresql://[^@]*@", "jdbc:postgresql://"));
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
                    assertThat(pool.getMinimumIdle()).isEqualTo(1);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
                    assertThat(pool.getIdleTimeout()).isEqualTo(120_000);
                    assertThat(pool.getMaxLifetime()).isEqualTo(1_200_000);
                    Properties expected = new Properties();
                    expected.setProperty("ApplicationName", "library-api");
                    expected.setProperty("preparedStatementCacheQueries", "42");
                    expected.setProperty("options", "-c statement_timeout=1500");
                    expected.setProperty("sslmode", "disable");
                    expected.setProperty("sslcert", cert.toString());
                    expected.setProperty("sslkey", key.toString());
                    expected.setProperty("sslrootcert", root.toString());
                    assertThat(pool.getDataSourceProperties()).isEqualTo(expected);
                    assertThat(pool.getDataSource()).as("performance-log puts the timing data source under the pool")
                            .isNotNull();
                    DbSettings settings = context.getBean(DbSettings.class);
                    assertThat(settings.testOnCheckout()).isFalse();
                    assertThat(settings.sslMode()).isEqualTo(SslMode.DISABLE);
                    assertThat(settings.maxRetries()).isEqualTo(6);
                    assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(20));
                    assertThat(settings.maxBackoff()).isEqualTo(Duration.ofMillis(800));
                    assertThat(settings.performanceLog()).isTrue();
                    assertThat(settings.performanceThreshold()).isEqualTo(Duration.ofMillis(30));
                    assertThat(settings.poolStatsInterval()).isEqualTo(Duration.ofHours(1));
                    try (Connection c = pool.getConnection();
                            ResultSet rs = c.createStatement().executeQuery(
                                    "SELECT current_setting('statement_timeout'), current_setting('application_name')")) {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("1500ms");
                        assertThat(rs.getString(2)).isEqualTo("library-api");
                    }
                });
    }

    @Test
    void theDefaultsOfTheDesignApply() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url, "fraiseql.db.min-idle=2").run(context -> {
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
            assertThat(pool.getMinimumIdle()).isEqualTo(2);
            assertThat(pool.getConnectionTimeout()).isEqualTo(30_000);
            assertThat(pool.getIdleTimeout()).isEqualTo(600_000);
            assertThat(pool.getMaxLifetime()).isEqualTo(1_800_000);
            assertThat(pool.getDataSource()).isNull();
            assertThat(pool.getDataSourceProperties()).containsEntry("ApplicationName", "fraiseql")
                    .containsEntry("preparedStatementCacheQueries", "100")
                    .containsEntry("options", "-c statement_timeout=30000")
                    .containsEntry("sslmode", "prefer");
            assertThat(context.getBean(DbSettings.class)).isEqualTo(DbSettings.builder().url(url).build());
        });
    }

    @Test
    void theSpringApplicationNameIsTheDefaultApplicationName() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url, "spring.application.name=orders").run(context ->
                assertThat(context.getBean(HikariDataSource.class).getDataSourceProperties())
                        .containsEntry("ApplicationName", "orders"));
    }

    @Test
    void aUserDataSourceBacksThePoolOffButTheSettingsStayAvailable() {
        this.runner.withUserConfiguration(UserDataSource.class).withPropertyValues("fraiseql.db.max-retries=1")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DataSource.class)
                            .doesNotHaveBean(HikariDataSource.class);
                    assertThat(context.getBean(DataSource.class)).isSameAs(context.getBean(UserDataSource.class).dataSource);
                    assertThat(context.getBean(DbSettings.class).maxRetries()).isEqualTo(1);
                });
    }

    @Test
    void theConfigurationPropertiesShowNoPassword() {
        this.runner.withPropertyValues("fraiseql.db.url=postgresql://app:topsecret@127.0.0.1:1/x").run(context -> {
            assertThat(context.getBean(FraiseqlProperties.class).getDb().toString()).doesNotContain("topsecret")
                    .startsWith("Db[url=postgresql://app:****@127.0.0.1:1/x, ");
            assertThat(context.getBean(DbSettings.class).toString()).doesNotContain("topsecret");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDataSource {
        final SimpleDriverDataSource dataSource = new SimpleDriverDataSource();

        @Bean
        DataSource userDataSource() {
            return this.dataSource;
        }
    }
}
