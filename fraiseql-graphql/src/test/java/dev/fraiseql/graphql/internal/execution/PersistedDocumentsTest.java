package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.PersistedQueryMode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PersistedDocumentsTest {

    private static final AtomicInteger WRITES = new AtomicInteger();

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { hello: String }
            type Mutation { write: Int }
            """), RuntimeWiring.newRuntimeWiring()
            .type("Query", t -> t.dataFetcher("hello", env -> "world"))
            .type("Mutation", t -> t.dataFetcher("write", env -> WRITES.incrementAndGet())).build());

    private static final String HELLO = "{ hello }";
    private static final String HELLO_HASH = "7a3e9ffcc5ac2bc4bd8c0a6dbb7a6a8e91e1e1b7a3d1a40b5f0e2b5b3e3b9b07";

    private static String sha(String document) {
        return PersistedDocuments.sha256(document);
    }

    private static Map<String, Object> apq(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static ExecutionResult run(GraphQL graphQl, String query, Map<String, Object> extensions) {
        return graphQl.execute(ExecutionInput.newExecutionInput(query).extensions(extensions).build());
    }

    private static String answer(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return result.getData().toString();
        }
        GraphQLError error = result.getErrors().get(0);
        return error.getExtensions().get("code") + ": " + error.getMessage();
    }

    @Test
    void theHashOfADocumentIsItsLowercaseHexSha256() {
        assertThat(sha("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anUnknownHashIsNotFoundThenTheDocumentRegistersAndTheHashAloneRunsItThroughTheDocumentCache() {
        DocumentCache cache = new DocumentCache(10);
        PersistedDocuments documents = new PersistedDocuments(PersistedQueryMode.AUTOMATIC, 10, Map.of(), cache);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents).build();
        String hash = sha(HELLO);

        assertThat(answer(run(graphQl, "", apq(hash)))).isEqualTo("PERSISTED_QUERY_NOT_FOUND: PersistedQueryNotFound");
        assertThat(answer(run(graphQl, HELLO, apq(hash)))).isEqualTo("{hello=world}");
        assertThat(answer(run(graphQl, "PersistedQueryMarker", apq(hash)))).isEqualTo("{hello=world}");
        assertThat(answer(run(graphQl, "", apq(hash.toUpperCase())))).isEqualTo(
                "PERSISTED_QUERY_NOT_FOUND: PersistedQueryNotFound");
        assertThat(documents.size()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aDocumentSentWithAnotherHashIsRefusedNeverRunsAndIsNotRemembered() {
        PersistedDocuments documents = new PersistedDocuments(PersistedQueryMode.AUTOMATIC, 10, Map.of(), null);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents).build();
        int before = WRITES.get();

        assertThat(answer(run(graphQl, "mutation { write }", apq(HELLO_HASH)))).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH:"
                + " The query document does not match the persisted query hash " + HELLO_HASH + ": the document's"
                + " SHA-256 is " + sha("mutation { write }") + "; send the document's own SHA-256 (lowercase hex), or"
                + " only the hash of a registered document");
        assertThat(WRITES.get()).isEqualTo(before);
        assertThat(documents.size()).isZero();
        assertThat(answer(run(graphQl, "", apq(HELLO_HASH)))).isEqualTo("PERSISTED_QUERY_NOT_FOUND: PersistedQueryNotFound");
    }

    @Test
    void aDocumentThatDoesNotParseOrValidateIsNotRemembered() {
        PersistedDocuments documents = new PersistedDocuments(PersistedQueryMode.AUTOMATIC, 10, Map.of(), null);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents).build();
        for (String invalid : new String[] {"{ hello", "{ nope }"}) {
            assertThat(run(graphQl, invalid, apq(sha(invalid))).getErrors()).isNotEmpty();
            assertThat(answer(run(graphQl, "", apq(sha(invalid))))).startsWith("PERSISTED_QUERY_NOT_FOUND");
        }
        assertThat(documents.size()).isZero();
    }

    @Test
    void theAutomaticStoreIsClearedWhenFullSoItStaysBounded() {
        PersistedDocuments documents = new PersistedDocuments(PersistedQueryMode.AUTOMATIC, 2, Map.of(), null);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents).build();
        for (String query : new String[] {"{ hello }", "{ a: hello }", "{ b: hello }"}) {
            assertThat(run(graphQl, query, apq(sha(query))).getErrors()).isEmpty();
        }
        assertThat(documents.size()).isEqualTo(1);
        assertThat(answer(run(graphQl, "", apq(sha("{ b: hello }"))))).isEqualTo("{b=world}");
        assertThat(answer(run(graphQl, "", apq(sha("{ hello }"))))).startsWith("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void theAllowListRunsListedDocumentsByKeyOrInFullAndNothingElse() {
        PersistedDocuments documents = new PersistedDocuments(PersistedQueryMode.ALLOW_LIST, 10,
                Map.of("hello-1", HELLO), new DocumentCache(10));
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(documents).build();
        String refused = "OPERATION_NOT_ALLOWED: The operation is not in the allow-list of persisted documents"
                + " (fraiseql.graphql.persisted-queries.allow-list): send the hash of a listed document, or add this"
                + " document to the list";

        assertThat(answer(run(graphQl, "", Map.of("documentId", "hello-1")))).isEqualTo("{hello=world}");
        assertThat(answer(run(graphQl, "", apq("hello-1")))).isEqualTo("{hello=world}");
        assertThat(answer(run(graphQl, HELLO, Map.of()))).isEqualTo("{hello=world}");
        assertThat(answer(run(graphQl, "{ a: hello }", Map.of()))).isEqualTo(refused);
        assertThat(answer(run(graphQl, "{ a: hello }", apq(sha("{ a: hello }"))))).isEqualTo(refused);
        assertThat(answer(run(graphQl, "", apq("nope")))).isEqualTo("PERSISTED_QUERY_NOT_FOUND: PersistedQueryNotFound");
        assertThat(answer(run(graphQl, "{ a: hello }", apq("hello-1")))).startsWith("PERSISTED_QUERY_HASH_MISMATCH: The"
                + " query document does not match the persisted query hash hello-1: it is not the document listed under"
                + " that hash;");
    }

    @Test
    void withPersistedQueriesOffAHashAloneIsNotSupportedAndFullDocumentsRunAsBefore() {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(
                new PersistedDocuments(PersistedQueryMode.OFF, 10, Map.of(), null)).build();
        assertThat(answer(run(graphQl, "", apq(sha(HELLO))))).isEqualTo(
                "PERSISTED_QUERY_NOT_SUPPORTED: PersistedQueryNotSupported");
        assertThat(answer(run(graphQl, HELLO, apq("whatever")))).isEqualTo("{hello=world}");
    }

    @Test
    void aRequestMarkedQueriesOnlyRunsQueriesButNotMutations() {
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(
                new PersistedDocuments(PersistedQueryMode.AUTOMATIC, 10, Map.of(), new DocumentCache(10))).build();
        int before = WRITES.get();
        ExecutionResult mutation = graphQl.execute(ExecutionInput.newExecutionInput("mutation { write }")
                .graphQLContext(Map.of(FraiseqlRequestContext.QUERIES_ONLY, true)).build());
        assertThat(answer(mutation)).isEqualTo("OPERATION_NOT_ALLOWED: A GET request may only run a query: send the"
                + " mutation with POST");
        assertThat(WRITES.get()).isEqualTo(before);
        assertThat(answer(graphQl.execute(ExecutionInput.newExecutionInput("query A { hello } mutation B { write }")
                .operationName("A").graphQLContext(Map.of(FraiseqlRequestContext.QUERIES_ONLY, true)).build())))
                .isEqualTo("{hello=world}");
    }
}
