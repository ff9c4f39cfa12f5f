package dev.fraiseql.peers.conventional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The conventional peer of the benchmark: Spring for GraphQL with annotated controllers, {@code JdbcClient} on the
 * normalized tables and batch loaders for nested objects, started without FraiseQL's auto-configuration.
 */
@SpringBootApplication
public class ConventionalApplication {

    /** Properties that keep FraiseQL out and point Spring for GraphQL at this app's own schema. */
    public static final String[] PROPERTIES = {
        "spring.autoconfigure.exclude="
                + "dev.fraiseql.autoconfigure.FraiseqlDataSourceAutoConfiguration,"
                + "dev.fraiseql.autoconfigure.graphql.FraiseqlGraphQlAutoConfiguration,"
                + "dev.fraiseql.autoconfigure.health.FraiseqlHealthContributorAutoConfiguration",
        "spring.graphql.schema.locations=classpath:peers/conventional/",
        "spring.application.name=conventional-spring-graphql",
    };

    /** Runs the app alone, with {@code spring.datasource.*} given as arguments or in the environment. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(ConventionalApplication.class).properties(PROPERTIES).run(args);
    }
}
