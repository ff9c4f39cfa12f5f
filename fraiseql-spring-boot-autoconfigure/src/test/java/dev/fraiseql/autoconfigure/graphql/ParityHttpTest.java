package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the query corpus through the same application three times, once per execution mode and once
 * more on the fast path with JVM projection, and requires byte-identical HTTP responses: the standard
 * path (graphql-java completes every field) is the reference for the fast path, whether PostgreSQL
 * renders the selected JSON (projection sql) or the JVM projects PostgreSQL's data text (projection jvm).
 * The JVM-projection application has no interceptor, so it answers view-bound queries on the direct path
 * (without graphql-java's execution) from their second request on: each query is sent to it three times (the third
 * reuses the arguments the second coerced, when they use no variable).
 */
class ParityHttpTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static ConfigurableApplicationContext fast;
    private static ConfigurableApplicationContext standard;
    private static ConfigurableApplicationContext fastJvm;

    @BeforeAll
    static void startBothModes() {
        LibraryDatabase db = LibraryDatabase.create("gql_parity");
        fast = start(db, "fast", "sql");
        standard = start(db, "standard", "sql");
        fastJvm = start(db, "fast", "jvm", "library.tenant-interceptor", "false");
    }

    private static ConfigurableApplicationContext start(LibraryDatabase db, String mode, String projection,
            String... more) {
        Map<String, Object> properties = new LinkedHashMap<>(db.properties());
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        properties.put("server.port", "0");
        properties.put("fraiseql.graphql.execution", mode);
        properties.put("fraiseql.graphql.projection", projection);
        properties.put("fraiseql.graphql.max-page-size", "100");
        properties.put("fraiseql.graphql.max-query-depth", "4");
        return new SpringApplicationBuilder(LibraryTestApplication.class).properties(properties).run();
    }

    @AfterAll
    static void stop() {
        if (fast != null) {
            fast.close();
        }
        if (standard != null) {
            standard.close();
        }
        if (fastJvm != null) {
            fastJvm.close();
        }
    }

    record Case(String name, String query, Map<String, Object> variables) {
    }

    @SuppressWarnings("unchecked")
    static List<Case> corpus() throws IOException {
        String text;
        try (InputStream in = ParityHttpTest.class.getResourceAsStream("/fraiseql-test/parity-corpus.graphql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("(?m)^### ")) {
            if (block.isBlank()) {
                continue;
            }
            int newline = block.indexOf('\n');
            String header = block.substring(0, newline);
            String[] parts = header.split(" \\| ", 2);
            Map<String, Object> variables = parts.length > 1 ? MAPPER.readValue(parts[1], Map.class) : Map.of();
            cases.add(new Case(parts[0].trim(), block.substring(newline + 1).trim(), variables));
        }
        return cases;
    }

    @Test
    void corpusHasAtLeastFiftyQueriesWithErrorsAmongThem() throws IOException {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().filter(c -> c.name().startsWith("error:")).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void jsonScalarValuesAreTheDocumentedDifferenceSoTheTwoModesReallyDiffer() {
        String query = "{ book(id: 1) { metadata } }";
        assertThat(new GraphQlHttp(standard).post(query)).isEqualTo("{\"data\":{\"book\":{\"metadata\":{\"shelf\":3}}}}");
        assertThat(new GraphQlHttp(fast).post(query)).isEqualTo("{\"data\":{\"book\":{\"metadata\":{\"shelf\": 3}}}}");
        assertThat(new GraphQlHttp(fastJvm).post(query)).isEqualTo("{\"data\":{\"book\":{\"metadata\":{\"shelf\": 3}}}}");
    }

    @Test
    void tooDeepQueryIsRejectedWithItsCode() {
        HttpResponse<String> response = new GraphQlHttp(fast)
                .exchange("{ __schema { types { fields { type { name } } } } }", Map.of(), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"Query depth 5 exceeds the maximum of 4"
                + " (fraiseql.graphql.max-query-depth): select fewer nested levels\",\"extensions\":{\"code\":"
                + "\"QUERY_TOO_DEEP\",\"classification\":\"ExecutionAborted\"}}]}");
    }

    /**
     * Which cases the direct path answers from their second request on: every success case but those that need
     * graphql-java (introspection, controller methods, a connection selecting its node twice, rows that break a non-null
     * promise) and the errors.
     */
    @Test
    void directPathAnswersEveryViewBoundSuccessCaseAndHandsTheRestOn() throws IOException {
        GraphQlPostHandler handler = fastJvm.getBean(GraphQlPostHandler.class);
        List<String> handedOn = new ArrayList<>();
        for (Case c : corpus()) {
            new GraphQlHttp(fastJvm).exchange(c.query(), c.variables(), Map.of());
            long before = handler.answered();
            new GraphQlHttp(fastJvm).exchange(c.query(), c.variables(), Map.of());
            if (handler.answered() == before) {
                handedOn.add(c.name());
            }
        }
        assertThat(handedOn).containsExactly("mixed view fields and introspection", "type introspection",
                "controller field beside view fields", "controller field bound to a view with a mandatory filter",
                "controller field post-processing rows", "error: unknown quantifier on a list of objects",
                "error: several operations and no operation name", "error: limit over the maximum",
                "error: negative offset", "error: bad order field enum", "error: unknown field",
                "error: missing selection on object", "error: bad UUID literal", "error: bad date variable",
                "error: one bad root field keeps the other", "error: depth limit",
                "connection with node selected twice under aliases", "error: connection first and last together",
                "error: database value error beside a good field", "error: a null in a non-null field of a single row",
                "error: a null in a non-null field inside a nested selection",
                "error: a list with a NULL row and a row missing a non-null field",
                "error: a list of non-null items with a NULL row",
                "error: aggregate ordered by a key it does not group by");
    }

    @Test
    void anApplicationWithAnInterceptorKeepsEveryRequestOnGraphQlJava() {
        GraphQlPostHandler handler = fast.getBean(GraphQlPostHandler.class);
        for (int i = 0; i < 3; i++) {
            assertThat(new GraphQlHttp(fast).post("{ book(id: 2) { title } }"))
                    .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
        }
        assertThat(handler.answered()).isZero();
        assertThat(handler.declined()).isZero();
    }

    @TestFactory
    Stream<DynamicTest> bothExecutionModesAnswerEveryQueryWithTheSameBytes() throws IOException {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpResponse<String> expected = new GraphQlHttp(standard).exchange(c.query(), c.variables(), Map.of());
            HttpResponse<String> actual = new GraphQlHttp(fast).exchange(c.query(), c.variables(), Map.of());
            assertThat(actual.body()).as("fast path body of '%s'", c.name()).isEqualTo(expected.body());
            assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
            if (c.name().startsWith("error:")) {
                assertThat(expected.body()).as("an error case must produce errors").contains("\"errors\"");
            } else {
                assertThat(expected.body()).as("a success case must not produce errors").doesNotContain("\"errors\"")
                        .startsWith("{\"data\":");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> jvmProjectionAnswersEveryQueryWithTheSameBytesAsTheOtherPaths() throws IOException {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpResponse<String> expected = new GraphQlHttp(standard).exchange(c.query(), c.variables(), Map.of());
            HttpResponse<String> sql = new GraphQlHttp(fast).exchange(c.query(), c.variables(), Map.of());
            HttpResponse<String> first = new GraphQlHttp(fastJvm).exchange(c.query(), c.variables(), Map.of());
            HttpResponse<String> actual = new GraphQlHttp(fastJvm).exchange(c.query(), c.variables(), Map.of());
            HttpResponse<String> third = new GraphQlHttp(fastJvm).exchange(c.query(), c.variables(), Map.of());
            assertThat(first.body()).as("first (graphql-java) against second (direct) answer of '%s'", c.name())
                    .isEqualTo(actual.body());
            assertThat(third.body()).as("third answer of '%s', with the arguments coerced before", c.name())
                    .isEqualTo(actual.body());
            assertThat(actual.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(actual.body()).as("fast path with JVM projection, body of '%s'", c.name()).isEqualTo(expected.body());
            assertThat(actual.body()).as("JVM against SQL projection, body of '%s'", c.name()).isEqualTo(sql.body());
            assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
        }));
    }
}
