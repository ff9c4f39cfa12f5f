package dev.fraiseql.graphql.internal.execution;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class QueryLimitsTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { node: Node }
            type Node { name: String child: Node }
            """), RuntimeWiring.newRuntimeWiring().build());

    private final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(3, 2, 2, 200))
            .build();

    private String run(String query, Map<String, Object> variables) {
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        return result.getErrors().isEmpty() ? "ok" : result.getErrors().get(0).getMessage();
    }

    @Test
    void aQueryAtTheLimitRunsAndOneLevelMoreIsRejectedNamingItsDepth() {
        assertThat(run("{ node { child { name } } }", Map.of())).isEqualTo("ok");
        assertThat(run("{ node { child { child { name } } } }", Map.of())).isEqualTo("Query depth 4 exceeds the"
                + " maximum of 3 (fraiseql.graphql.max-query-depth): select fewer nested levels");
    }

    @Test
    void fragmentsCountAtTheLevelWhereTheyAreSpread() {
        assertThat(run("{ node { ...deep } } fragment deep on Node { child { child { name } } }", Map.of()))
                .startsWith("Query depth 4 exceeds");
        assertThat(run("{ node { ... on Node { child { name } } } }", Map.of())).isEqualTo("ok");
    }

    @Test
    void selectionsThatSkipOrIncludeLeaveOutDoNotCount() {
        assertThat(run("{ node { child @skip(if: true) { child { name } } name } }", Map.of())).isEqualTo("ok");
        assertThat(run("{ node { child @include(if: false) { child { name } } name } }", Map.of())).isEqualTo("ok");
        assertThat(run("{ node { child @include(if: true) { child { name } } } }", Map.of()))
                .startsWith("Query depth 4 exceeds");
    }

    @Test
    void theSameDocumentWithAnotherVariableIsMeasuredAgainNotReadFromTheCache() {
        String query = "query($deep: Boolean!) { node { child @include(if: $deep) { child { name } } name } }";
        assertThat(run(query, Map.of("deep", false))).isEqualTo("ok");
        assertThat(run(query, Map.of("deep", true))).startsWith("Query depth 4 exceeds");
        assertThat(run(query, Map.of("deep", false))).isEqualTo("ok");
    }

    @Test
    void aDocumentReusedFromTheDocumentCacheIsJudgedAsItWasTheFirstTime() {
        GraphQL cached = GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(3, 2, 2, 200))
                .preparsedDocumentProvider(new DocumentCache(10)).build();
        for (int i = 0; i < 3; i++) {
            assertThat(cached.execute("{ node { child { child { name } } } }").getErrors()).hasSize(1);
            assertThat(cached.execute("{ node { child { name } } }").getErrors()).isEmpty();
        }
    }

    @Test
    void aliasesAreCountedWhereFragmentsAreSpreadAndMoreThanTheMaximumAreRefusedBeforeAnythingRuns() {
        assertThat(run("{ a: node { name } b: node { name } }", Map.of())).isEqualTo("ok");
        assertThat(run("{ a: node { ...f } } fragment f on Node { x: name y: name }", Map.of()))
                .isEqualTo("The query has 3 aliases, more than the maximum of 2 (fraiseql.graphql.max-aliases): send"
                        + " fewer aliased fields, or split the query");
        assertThat(graphQl.execute("{ a: node { name } b: node { name } c: node { name } }").getErrors().get(0)
                .getExtensions()).isEqualTo(Map.of("code", "TOO_MANY_ALIASES"));
    }

    @Test
    void rootFieldsAreCountedAfterSkipAndIncludeAndMoreThanTheMaximumAreRefused() {
        assertThat(run("{ node { name } again: node { name } third: node @skip(if: true) { name } }", Map.of()))
                .isEqualTo("ok");
        assertThat(run("{ node { name } ... on Query { node2: node { name } node3: node { name } } }", Map.of()))
                .isEqualTo("The query selects 3 root fields, more than the maximum of 2"
                        + " (fraiseql.graphql.max-root-fields): split it into several requests");
        GraphQL roots = GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(0, 0, 2, 0)).build();
        assertThat(roots.execute("{ node { name } b: node { name } c: node { name } }").getErrors().get(0).getMessage())
                .isEqualTo("The query selects 3 root fields, more than the maximum of 2"
                        + " (fraiseql.graphql.max-root-fields): split it into several requests");
    }

    @Test
    void zeroTurnsEachLimitOff() {
        GraphQL unlimited = GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(0, 0, 0, 0)).build();
        assertThat(unlimited.execute("{ a: node { child { child { child { name } } } } b: node { name } c: node"
                + " { name } }").getErrors()).isEmpty();
    }

    @Test
    void aDocumentLongerThanTheMaximumIsRefusedBeforeItIsParsed() {
        String query = "{ node { name } }" + " ".repeat(190);
        assertThat(run(query, Map.of())).isEqualTo("The query document has 207 characters, more than the maximum of 200"
                + " (fraiseql.graphql.max-document-size): send a shorter document, or register it as a persisted query");
        assertThat(run("{ node { name } }", Map.of())).isEqualTo("ok");
    }
}
