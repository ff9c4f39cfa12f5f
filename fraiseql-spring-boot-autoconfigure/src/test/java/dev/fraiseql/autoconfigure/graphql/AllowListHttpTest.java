package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static dev.fraiseql.autoconfigure.graphql.PersistedQueriesHttpTest.answer;
import static dev.fraiseql.autoconfigure.graphql.PersistedQueriesHttpTest.persistedQuery;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list mode over real HTTP against the real database: the documents of
 * {@code fraiseql-test/persisted-documents.json} (GraphQL Code Generator's format) run when named by their hash, as
 * {@code documentId} or Apollo's {@code persistedQuery}, or sent in full; any other document is refused unrun.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fraiseql.graphql.persisted-queries.mode=allow-list",
                "fraiseql.graphql.persisted-queries.allow-list=classpath:fraiseql-test/persisted-documents.json"})
class AllowListHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_allow_list");

    static final String TWO_BOOKS = "aee7d94b5654987843e5dee22086b748c3ba7251485b4d52a34f5ee144a9db8e";
    static final String AUTHOR = "5d7b75840a2bff8059fc8e8770b0a6b872bbcc5009ac69ae2763088718681a59";
    static final String TWO_BOOKS_ANSWER = "200 {\"data\":{\"books\":[{\"title\":\"The Dispossessed\"},{\"title\":"
            + "\"Solaris\"}]}}";
    static final String NOT_ALLOWED = "200 {\"errors\":[{\"message\":\"The operation is not in the allow-list of"
            + " persisted documents (fraiseql.graphql.persisted-queries.allow-list): send the hash of a listed document,"
            + " or add this document to the list\",\"extensions\":{\"code\":\"OPERATION_NOT_ALLOWED\",\"classification\":"
            + "\"PERSISTED_QUERY\"}}]}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @Test
    void aListedDocumentRunsWhenPostedByDocumentIdOrByApollosHash() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(answer(http.postBody(Map.of("documentId", TWO_BOOKS)))).isEqualTo(TWO_BOOKS_ANSWER);
        assertThat(answer(http.postBody(Map.of("extensions", persistedQuery(TWO_BOOKS))))).isEqualTo(TWO_BOOKS_ANSWER);
        assertThat(answer(http.postBody(Map.of("documentId", AUTHOR, "variables",
                Map.of("id", "33333333-3333-3333-3333-333333333333"))))).isEqualTo("200 {\"data\":{\"author\":"
                        + "{\"name\":\"Mary Beard\"}}}");
    }

    @Test
    void aListedDocumentRunsWhenNamedInAGetRequest() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(answer(http.get(Map.of("documentId", TWO_BOOKS)))).isEqualTo(TWO_BOOKS_ANSWER);
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("extensions", persistedQuery(AUTHOR));
        get.put("variables", Map.of("id", "11111111-1111-1111-1111-111111111111"));
        assertThat(answer(http.get(get))).isEqualTo("200 {\"data\":{\"author\":{\"name\":\"Ursula K. Le Guin\"}}}");
    }

    @Test
    void aListedDocumentSentInFullRunsAndAnyOtherDocumentIsRefused() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(answer(http.postBody(Map.of("query", "query TwoBooks { books(limit: 2, orderBy: [{id: ASC}]) {"
                + " title } }")))).isEqualTo(TWO_BOOKS_ANSWER);
        assertThat(answer(http.postBody(Map.of("query", "{ books { title isbn } }")))).isEqualTo(NOT_ALLOWED);
        assertThat(answer(http.get(Map.of("query", "{ books { title isbn } }")))).isEqualTo(NOT_ALLOWED);
    }

    @Test
    void anUnlistedMutationIsRefusedAndWritesNothing() {
        String before = db.queryString("SELECT count(*) FROM author");
        assertThat(answer(new GraphQlHttp(port).postBody(Map.of("query",
                "mutation { createAuthors(input: [{name: \"Not Listed\"}]) { name } }")))).isEqualTo(NOT_ALLOWED);
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void anUnknownHashIsNotFoundAndAListedHashWithAnotherDocumentIsAMismatch() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(answer(http.postBody(Map.of("documentId", "0".repeat(64))))).isEqualTo("200 "
                + PersistedQueriesHttpTest.NOT_FOUND);
        assertThat(answer(http.postBody(Map.of("query", "{ books { isbn } }", "extensions", persistedQuery(TWO_BOOKS)))))
                .isEqualTo("200 {\"errors\":[{\"message\":\"The query document does not match the persisted query hash "
                        + TWO_BOOKS + ": it is not the document listed under that hash; send the document's own"
                        + " SHA-256 (lowercase hex), or only the hash of a registered document\",\"extensions\":{\"code\":"
                        + "\"PERSISTED_QUERY_HASH_MISMATCH\",\"classification\":\"PERSISTED_QUERY\"}}]}");
    }
}
