package dev.fraiseql.autoconfigure.health;

import dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration;
import dev.fraiseql.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import static org.assertj.core.api.Assertions.assertThat;

class FraiseqlHealthAndMetricsTest {

    private static String url;

    /** Only FraiseQL's own auto-configurations, which must cope with Actuator's jars being absent. */
    private final ApplicationContextRunner fraiseqlOnly = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FraiseqlDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, FraiseqlHealthContributorAutoConfiguration.class))
            .withPropertyValues("fraiseql.db.min-idle=0", "fraiseql.db.max-connections=3");

    private final ApplicationContextRunner runner = this.fraiseqlOnly
            .withConfiguration(AutoConfigurations.of(
                    HealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    DataSourcePoolMetricsAutoConfiguration.class));

    @BeforeAll
    static void createDatabase() {
        TestPostgres server = TestPostgres.shared();
        url = server.postgresUrl(server.createDatabase("health"));
    }

    @Test
    void theHealthIndicatorReportsUpWithThePoolState() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url).run(context -> {
            assertThat(context).hasBean("fraiseqlHealthIndicator");
            Health health = context.getBean("fraiseqlHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).isEqualTo(Map.of("pool", "fraiseql", "max", 3, "total", 1, "active", 0,
                    "idle", 1, "waiting", 0));
        });
    }

    @Test
    void theHealthIndicatorReportsDownWithoutSecretsWhenTheDatabaseIsUnreachable() {
        this.runner.withPropertyValues("fraiseql.db.url=postgresql://app:topsecret@127.0.0.1:1/nowhere",
                "fraiseql.db.connection-timeout=500ms").run(context -> {
                    Health health = context.getBean("fraiseqlHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("pool", "fraiseql").containsEntry("total", 0)
                            .containsEntry("active", 0);
                    assertThat((String) health.getDetails().get("error")).startsWith(
                            "SQLTransientConnectionException: fraiseql - Connection is not available, request timed out after ");
                    assertThat(health.toString()).doesNotContain("topsecret");
                });
    }

    @Test
    void theHealthIndicatorIsAbsentWithoutSpringBootHealth() {
        this.fraiseqlOnly.withPropertyValues("fraiseql.db.url=" + url)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DataSource.class)
                        .doesNotHaveBean("fraiseqlHealthIndicator"));
    }

    @Test
    void theHealthIndicatorCanBeTurnedOff() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url, "management.health.fraiseql.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("fraiseqlHealthIndicator"));
    }

    @Test
    void hikariMetricsAreBoundWhenMicrometerIsPresent() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url).run(context -> {
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("hikaricp.connections").tag("pool", "fraiseql").gauge().value()).isEqualTo(1.0);
                assertThat(registry.get("hikaricp.connections.active").tag("pool", "fraiseql").gauge().value())
                        .isEqualTo(1.0);
                assertThat(registry.get("hikaricp.connections.max").tag("pool", "fraiseql").gauge().value())
                        .isEqualTo(3.0);
            }
        });
    }

    @Test
    void noMetricsAreBoundWithoutMicrometer() {
        this.runner.withPropertyValues("fraiseql.db.url=" + url)
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DataSource.class)
                        .doesNotHaveBean(MeterRegistry.class));
    }
}
