package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.InvalidSettingFailureAnalyzer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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

    /** What Spring Boot prints when start-up fails: the analysis of the failure. */
    private static FailureAnalysis analysisOfStarting(String schemaLocation, Map<String, Object> overrides) {
        Throwable failure = catchThrowable(() -> start(schemaLocation, overrides));
        FailureAnalysis analysis = new FraiseqlSchemaFailureAnalyzer().analyze(failure);
        if (analysis == null) {
            analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
        }
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Test
    void missingViewFailsStartUpNamingTheViewAndTheField() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/missing-view/", Map.of());

        assertThat(analysis.getDescription()).isEqualTo("The GraphQL schema cannot be served from PostgreSQL: View"
                + " 'v_missing' bound by Query.things does not exist (or has no columns) in the database's search_path.");
        assertThat(analysis.getAction()).isEqualTo("Create it, or fix @fraiseql(view: ...).");
    }

    @Test
    void viewWithoutItsDataColumnFailsStartUpListingItsColumns() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/no-data-column/", Map.of());

        assertThat(analysis.getDescription()).isEqualTo("The GraphQL schema cannot be served from PostgreSQL: View"
                + " 'v_plain' bound by Query.things has no column 'data' (its columns: id, name).");
        assertThat(analysis.getAction()).isEqualTo("Add a JSONB column named data, or set @fraiseql(dataColumn: ...).");
    }

    @Test
    void singleFieldArgumentThatIsNoFieldOfTheTypeFailsStartUp() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/bad-argument/", Map.of());

        assertThat(analysis.getDescription()).isEqualTo("The GraphQL schema cannot be served from PostgreSQL:"
                + " Query.book has argument 'slug' but Book has no field slug: the arguments of a single-object field"
                + " are equality filters on fields of its type.");
        assertThat(analysis.getAction()).isEqualTo("Rename the argument or add the field.");
    }

    @Test
    void aDirectiveOnAFieldThatIsNotARootFieldFailsStartUpInsteadOfBeingIgnored() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/nested-directive/", Map.of());

        assertThat(analysis.getDescription()).isEqualTo("The GraphQL schema cannot be served from PostgreSQL:"
                + " Book.author has @fraiseql, but only fields of the query and mutation types can be bound: nested"
                + " fields come from the parent's JSONB data.");
        assertThat(analysis.getAction()).isEqualTo("Remove @fraiseql from Book.author, or move the field to the query"
                + " type.");
    }

    @Test
    void pageSizesThatContradictEachOtherFailStartUpNamingBothProperties() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/bad-argument/",
                Map.of("fraiseql.graphql.default-page-size", "50", "fraiseql.graphql.max-page-size", "10"));

        assertThat(analysis.getDescription()).isEqualTo("The setting fraiseql.graphql.max-page-size is set to"
                + " '10', which cannot work: it is below fraiseql.graphql.default-page-size (50).");
        assertThat(analysis.getAction()).isEqualTo("Raise fraiseql.graphql.max-page-size to at least 50, or lower"
                + " fraiseql.graphql.default-page-size.");
    }

    @Test
    void anAllowListFileThatDoesNotExistFailsStartUpNamingTheFile() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/bad-argument/",
                Map.of("fraiseql.graphql.persisted-queries.mode", "allow-list",
                        "fraiseql.graphql.persisted-queries.allow-list", "classpath:no-such-documents.json"));

        assertThat(analysis.getDescription()).isEqualTo("The setting fraiseql.graphql.persisted-queries.allow-list is"
                + " set to 'class path resource [no-such-documents.json]', which cannot work: it cannot be read (class"
                + " path resource [no-such-documents.json] cannot be opened because it does not exist).");
        assertThat(analysis.getAction()).isEqualTo("Point fraiseql.graphql.persisted-queries.allow-list at the JSON"
                + " object of hash to document that your client tooling writes (GraphQL Code Generator's"
                + " persisted-documents.json, for example).");
    }

    @Test
    void anAllowListWhoseValuesAreNotDocumentsFailsStartUpNamingTheFileAndTheKey() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/bad-argument/",
                Map.of("fraiseql.graphql.persisted-queries.mode", "allow-list",
                        "fraiseql.graphql.persisted-queries.allow-list",
                        "classpath:fraiseql-test/bad-allow-list/persisted-documents.json"));

        assertThat(analysis.getDescription()).isEqualTo("The setting fraiseql.graphql.persisted-queries.allow-list is"
                + " set to 'class path resource [fraiseql-test/bad-allow-list/persisted-documents.json]', which cannot"
                + " work: the value of \"abc\" is not a document (a non-empty string).");
    }

    @Test
    void theAllowListModeWithoutAFileFailsStartUpSayingWhatToSet() {
        FailureAnalysis analysis = analysisOfStarting("classpath:fraiseql-test/bad-argument/",
                Map.of("fraiseql.graphql.persisted-queries.mode", "allow-list"));

        assertThat(analysis.getDescription()).isEqualTo("The setting fraiseql.graphql.persisted-queries.allow-list is"
                + " not set or incomplete, which cannot work: the allow-list mode runs only the documents of that file.");
        assertThat(analysis.getAction()).isEqualTo("Set fraiseql.graphql.persisted-queries.allow-list to the JSON file"
                + " of hash to document (for example classpath:persisted-documents.json), or set"
                + " fraiseql.graphql.persisted-queries.mode to automatic or off.");
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
        assertThat(output).contains("Could not read the views bound by @fraiseql (");
    }
}
