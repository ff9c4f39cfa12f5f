package dev.fraiseql.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DatabaseUrl;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.pool.PoolFactory;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the FraiseQL pool: a HikariCP {@link DataSource} tuned by {@code fraiseql.db.*}, unless the
 * application defines its own {@code DataSource}. The database comes from the first source that gives one, in Spring
 * Boot's order: a {@code JdbcConnectionDetails} bean (Testcontainers' {@code @ServiceConnection}, Docker Compose, the
 * application's own), then {@code fraiseql.db.url} (or {@code DATABASE_URL} and {@code RUST_DB_*}), then
 * {@code spring.datasource.url} with its user name and password, then a {@link FallbackConnectionUrl} bean (the
 * embedded PostgreSQL of {@code fraiseql-embedded-postgres}), asked only when the pool is built and nothing else
 * named a database.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({HikariDataSource.class, PoolFactory.class, DataSource.class})
@EnableConfigurationProperties(FraiseqlProperties.class)
public final class FraiseqlDataSourceAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FraiseqlDataSourceAutoConfiguration.class);

    /**
     * The settings, for other auto-configurations (the executor reads timeouts and retries here). Not validated
     * here, so an application with its own {@code DataSource} needs no URL.
     */
    @Bean
    @ConditionalOnMissingBean
    DbSettings fraiseqlDbSettings(FraiseqlProperties properties, Environment environment,
            ObjectProvider<ServiceConnectionUrl> serviceConnection) {
        DbSettings settings = properties.getDb().toSettings(environment.getProperty("spring.application.name"));
        String url = serviceConnection.getIfAvailable(() -> () -> null).url();
        String source = "a JdbcConnectionDetails bean";
        if (url == null && settings.url() == null) {
            String springUrl = environment.getProperty("spring.datasource.url");
            if (springUrl != null && !springUrl.isBlank()) {
                url = DatabaseUrl.withCredentials(springUrl.trim(), environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
                source = "spring.datasource.url";
            }
        }
        if (url == null) {
            return settings;
        }
        log.info("FraiseQL connects to {} (from {})", DatabaseUrl.mask(url), source);
        return settings.toBuilder().url(url).build();
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(DbSettings settings, ObjectProvider<FallbackConnectionUrl> fallback) {
        FallbackConnectionUrl last = fallback.getIfAvailable();
        if (settings.url() == null && last != null) {
            String url = last.url();
            log.info("FraiseQL connects to {} (from {})", DatabaseUrl.mask(url), last.description());
            return PoolFactory.create(settings.toBuilder().url(url).build());
        }
        return PoolFactory.create(settings);
    }

    /** Reads a {@code JdbcConnectionDetails} bean when Spring Boot's JDBC support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcConnectionDetails.class)
    static class ConnectionDetailsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ServiceConnectionUrl fraiseqlServiceConnectionUrl(ObjectProvider<JdbcConnectionDetails> details) {
            return () -> details.orderedStream()
                    // Boot's own details only repeat spring.datasource.*, which comes last here, not first.
                    .filter(d -> !d.getClass().getSimpleName().equals("PropertiesJdbcConnectionDetails"))
                    .findFirst()
                    .map(d -> DatabaseUrl.withCredentials(d.getJdbcUrl(), d.getUsername(), d.getPassword()))
                    .orElse(null);
        }
    }
}
