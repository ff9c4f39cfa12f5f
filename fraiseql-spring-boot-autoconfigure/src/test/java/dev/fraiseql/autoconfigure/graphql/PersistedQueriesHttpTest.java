package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** Apollo's automatic persisted queries over real HTTP, POST and GET, against the real database (the default mode). */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersistedQueriesHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_apq");

    static final String NOT_FOUND = "{\"errors\":[{\"message\":\"PersistedQueryNotFound\",\"extensions\":{\"code\":"
            + "\"PERSISTED_QUERY_NOT_FOUND\",\"classification\":\"PERSISTED_QUERY\"}}]}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    static String sha256(String document) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(document.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    @Test
    void anUnknownHashIsNotFoundThenTheFullQueryRegistersItAndTheHashAloneAnswersOverPost() throws Exception {
        String query = "query Book($id: ID!) { book(id: $id) { title } }";
        String hash = sha256(query);
        GraphQlHttp http = new GraphQlHttp(port);
        Map<String, Object> byHash = Map.of("variables", Map.of("id", "2"), "extensions", persistedQuery(hash));

        assertThat(answer(http.postBody(byHash))).isEqualTo("200 " + NOT_FOUND);
        Map<String, Object> register = new LinkedHashMap<>(byHash);
        register.put("query", query);
        assertThat(answer(http.postBody(register))).isEqualTo("200 {\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
        assertThat(answer(http.postBody(Map.of("variables", Map.of("id", "1"), "extensions", persistedQuery(hash)))))
                .isEqualTo("200 {\"data\":{\"book\":{\"title\":\"The Dispossessed\"}}}");
    }

    @Test
    void aGetRequestCarryingOnlyTheHashAnswersOnceTheQueryIsRegistered() throws Exception {
        String query = "query Author($id: UUID!) { author(id: $id) { name country } }";
        String hash = sha256(query);
        GraphQlHttp http = new GraphQlHttp(port);
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("operationName", "Author");
        get.put("variables", Map.of("id", "22222222-2222-2222-2222-222222222222"));
        get.put("extensions", persistedQuery(hash));

        assertThat(answer(http.get(get))).isEqualTo("200 " + NOT_FOUND);
        Map<String, Object> register = new LinkedHashMap<>(get);
        register.put("query", query);
        assertThat(answer(http.get(register))).isEqualTo("200 {\"data\":{\"author\":{\"name\":\"Stanisław Lem\","
                + "\"country\":\"PL\"}}}");
        assertThat(answer(http.get(get))).isEqualTo("200 {\"data\":{\"author\":{\"name\":\"Stanisław Lem\","
                + "\"country\":\"PL\"}}}");
    }

    @Test
    void aMutationSentWithAHashThatIsNotItsOwnIsRefusedWritesNothingAndIsNotRegistered() throws Exception {
        String mutation = "mutation { createAuthors(input: [{name: \"Hash Mismatch\"}]) { name } }";
        String otherHash = sha256("{ books { title } }");
        String before = db.queryString("SELECT count(*) FROM author");
        GraphQlHttp http = new GraphQlHttp(port);

        assertThat(answer(http.postBody(Map.of("query", mutation, "extensions", persistedQuery(otherHash)))))
                .isEqualTo("200 {\"errors\":[{\"message\":\"The query document does not match the persisted query hash "
                        + otherHash + ": the document's SHA-256 is " + sha256(mutation) + "; send the document's own"
                        + " SHA-256 (lowercase hex), or only the hash of a registered document\",\"extensions\":{\"code\":"
                        + "\"PERSISTED_QUERY_HASH_MISMATCH\",\"classification\":\"PERSISTED_QUERY\"}}]}");
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
        assertThat(db.queryString("SELECT count(*) FROM author WHERE name = 'Hash Mismatch'")).isEqualTo("0");
        assertThat(answer(http.postBody(Map.of("extensions", persistedQuery(otherHash))))).isEqualTo("200 " + NOT_FOUND);
    }

    @Test
    void aGetRequestRunsQueriesButRefusesAMutationWithoutWriting() {
        String before = db.queryString("SELECT count(*) FROM author");
        GraphQlHttp http = new GraphQlHttp(port);

        assertThat(answer(http.get(Map.of("query", "{ book(id: 1) { title } }"))))
                .isEqualTo("200 {\"data\":{\"book\":{\"title\":\"The Dispossessed\"}}}");
        assertThat(answer(http.get(Map.of("query", "mutation { createAuthors(input: [{name: \"By GET\"}]) { name } }"))))
                .as("GraphQL over HTTP: a mutation in a GET is refused before anything runs").isEqualTo("405 ");
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void aMutationNamedOnlyByHashInAGetRequestIsRefusedOnceResolvedWithoutWriting() throws Exception {
        String mutation = "mutation { createAuthors(input: [{name: \"Registered by POST\"}]) { name } }";
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(answer(http.postBody(Map.of("query", mutation, "extensions", persistedQuery(sha256(mutation))))))
                .isEqualTo("200 {\"data\":{\"createAuthors\":[{\"name\":\"Registered by POST\"}]}}");
        String before = db.queryString("SELECT count(*) FROM author");

        assertThat(answer(http.get(Map.of("extensions", persistedQuery(sha256(mutation))))))
                .isEqualTo("200 {\"errors\":[{\"message\":\"A GET request may only run a query: send the mutation with"
                        + " POST\",\"extensions\":{\"code\":\"OPERATION_NOT_ALLOWED\",\"classification\":"
                        + "\"PERSISTED_QUERY\"}}]}");
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void aGetRequestWhoseVariablesAreNotJsonIsABadRequest() {
        assertThat(answer(new GraphQlHttp(port).get(Map.of("query", "{ books { title } }", "variables", "{id: 1}"))))
                .isEqualTo("400 {\"errors\":[{\"message\":\"The 'variables' parameter must be a JSON object, was: {id: 1};"
                        + " send it URL-encoded, such as variables=%7B%22id%22%3A1%7D for {\\\"id\\\":1}\"}]}");
    }
}
