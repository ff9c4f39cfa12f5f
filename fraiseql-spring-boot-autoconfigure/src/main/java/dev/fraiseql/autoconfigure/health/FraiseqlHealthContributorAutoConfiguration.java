package dev.fraiseql.autoconfigure.health;

import dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Auto-configuration of the {@code fraiseql} health indicator, when Spring Boot's health support is present. */
@AutoConfiguration(after = {FraiseqlDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnEnabledHealthIndicator("fraiseql")
public final class FraiseqlHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "fraiseqlHealthIndicator")
    @ConditionalOnSingleCandidate(DataSource.class)
    FraiseqlHealthIndicator fraiseqlHealthIndicator(DataSource dataSource) {
        return new FraiseqlHealthIndicator(dataSource);
    }
}
