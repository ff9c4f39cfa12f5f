package dev.fraiseql.autoconfigure.health;

import dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auto-configuration of the {@code fraiseql} health indicator, when Spring Boot's health support is present. */
@AutoConfiguration(after = {FraiseqlDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public final class FraiseqlHealthContributorAutoConfiguration {

    // Nested so that the health-specific condition is only read once the class check above has passed.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnEnabledHealthIndicator("fraiseql")
    static class HealthIndicatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "fraiseqlHealthIndicator")
        @ConditionalOnSingleCandidate(DataSource.class)
        FraiseqlHealthIndicator fraiseqlHealthIndicator(DataSource dataSource) {
            return new FraiseqlHealthIndicator(dataSource);
        }
    }
}
