package dev.fraiseql.autoconfigure.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** Start-up checks of the bound views: fail fast naming the view, but never fail because the database is down. */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

    /** An application made of auto-configuration and a schema file only, without the library's controllers. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SchemaOnlyApplication {
    }

    static final LibraryDatabase db = LibraryDatabase.create("gql_startup");

    static {
        db.execute("CREATE VIEW v_plain AS SELECT 1 AS id, 'x'::text AS name");
    }

    private static ConfigurableApplicationContext start(String schemaLocation, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(db.properties());
        properties.put("spring.graphql.schema.locations", schemaLocation);
        properties.putAll(overrides);
        return new SpringApplicationBuilder(SchemaOnlyApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    @Test
    void missingViewFailsStartUpNamingTheViewAndTheField() {
        assertThatThrownBy(() -> start("classpath:fraiseql-test/missing-view/", Map.of()))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage(
                        "View 'v_missing' bound by Query.things does not exist (or has no columns) in the database's"
                                + " search_path: create it, or fix @fraiseql(view: ...)"));
    }

    @Test
    void viewWithoutItsDataColumnFailsStartUpListingItsColumns() {
        assertThatThrownBy(() -> start("classpath:fraiseql-test/no-data-column/", Map.of()))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage(
                        "View 'v_plain' bound by Query.things has no column 'data' (its columns: id, name): add a"
                                + " JSONB column named data, or set @fraiseql(dataColumn: ...)"));
    }

    @Test
    void singleFieldArgumentThatIsNoFieldOfTheTypeFailsStartUp() {
        assertThatThrownBy(() -> start("classpath:fraiseql-test/bad-argument/", Map.of()))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessage(
                        "Query.book has argument 'slug' but Book has no field slug: the arguments of a single-object"
                                + " field are equality filters on fields of its type; rename the argument or add the"
                                + " field"));
    }

    @Test
    void checkCanBeTurnedOff() {
        try (ConfigurableApplicationContext context = start("classpath:fraiseql-test/missing-view/",
                Map.of("fraiseql.graphql.validate-views", "false"))) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void unreachableDatabaseOnlyLogsAWarning(CapturedOutput output) {
        Map<String, Object> down = Map.of("fraiseql.db.url", "postgresql://postgres@127.0.0.1:1/nothing",
                "fraiseql.db.connection-timeout", "1s", "fraiseql.db.min-idle", "0");
        try (ConfigurableApplicationContext context = start("classpath:fraiseql-test/missing-view/", down)) {
            assertThat(context.isRunning()).isTrue();
        }
        assertThat(output).contains("Could not check the views bound by @fraiseql (");
    }
}
