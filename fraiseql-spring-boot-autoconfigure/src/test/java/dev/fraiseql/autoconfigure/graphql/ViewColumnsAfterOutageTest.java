package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.testsupport.TestPostgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
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
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An application started while the database was down binds its views without their columns; once the database
 * answers, the columns are read again and filters use the real (indexable) columns instead of the JSONB data.
 */
@ExtendWith(OutputCaptureExtension.class)
class ViewColumnsAfterOutageTest {

    /** An application made of auto-configuration and the library schema only. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SchemaOnlyApplication {
    }

    private static final String REAL_COLUMN = "\"t\".\"pages\" >= ?";
    private static final String JSONB_PATH = "(\"t\".\"data\"->>'pages')::int >= ?";

    @Test
    void aFilterUsesTheRealColumnOnceTheDatabaseIsBack(CapturedOutput output) throws InterruptedException {
        TestPostgres server = TestPostgres.shared();
        assumeTrue(server.isEmbedded(), "only the embedded server can be stopped");
        LibraryDatabase db = LibraryDatabase.create("gql_outage");
        Map<String, Object> properties = new LinkedHashMap<>(db.properties());
        // Every statement is logged with its SQL, so the test reads which expression the filter used.
        properties.put("fraiseql.db.performance-log", "true");
        properties.put("fraiseql.db.performance-threshold", "0ms");
        properties.put("fraiseql.db.connection-timeout", "1s");
        properties.put("fraiseql.db.min-idle", "0");
        server.stopServer();
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(SchemaOnlyApplication.class).web(WebApplicationType.NONE)
                    .properties(properties).run();
        } finally {
            server.startServer();
        }
        try (context) {
            assertThat(output).contains("Could not read the views bound by @fraiseql (");
            ExecutionGraphQlService graphQl = context.getBean(ExecutionGraphQlService.class);
            String filtered = "{ books(where: {pages: {gte: 300}}, orderBy: [{title: ASC}]) { title } }";
            // The first answers may come before the columns are read (the server is still starting up, or the retry
            // interval has not passed): ask until a statement filters on the real column, for 60 s at most.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!output.getOut().contains(REAL_COLUMN) && System.nanoTime() < deadline) {
                ExecutionGraphQlResponse response = graphQl.execute(new DefaultExecutionGraphQlRequest(filtered, null,
                        null, null, "1", Locale.ROOT)).block();
                if (!response.isValid() || !response.getErrors().isEmpty()) {
                    Thread.sleep(100);
                }
            }
            assertThat(output.getOut()).contains(REAL_COLUMN);
            int realColumnAt = output.getOut().indexOf(REAL_COLUMN);
            assertThat(output.getOut().lastIndexOf(JSONB_PATH)).as("no JSONB filter after the columns are read")
                    .isLessThan(realColumnAt);
            ExecutionGraphQlResponse answer = graphQl.execute(new DefaultExecutionGraphQlRequest(filtered, null, null,
                    null, "2", Locale.ROOT)).block();
            assertThat(answer.getErrors()).isEmpty();
            assertThat(answer.isValid()).isTrue();
        }
    }
}
