package dev.fraiseql.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.fraiseql.core.config.DbSettings;
import dev.fraiseql.core.pool.PoolFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the FraiseQL pool: a HikariCP {@link DataSource} built from {@code fraiseql.db.*}
 * (or {@code DATABASE_URL} and {@code RUST_DB_*}), unless the application defines its own {@code DataSource}.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({HikariDataSource.class, PoolFactory.class, DataSource.class})
@EnableConfigurationProperties(FraiseqlProperties.class)
public final class FraiseqlDataSourceAutoConfiguration {

    /**
     * The settings, for other auto-configurations (the executor reads timeouts and retries here). Not validated
     * here, so an application with its own {@code DataSource} needs no URL.
     */
    @Bean
    @ConditionalOnMissingBean
    DbSettings fraiseqlDbSettings(FraiseqlProperties properties, Environment environment) {
        return properties.getDb().toSettings(environment.getProperty("spring.application.name"));
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(DbSettings settings) {
        return PoolFactory.create(settings);
    }
}
