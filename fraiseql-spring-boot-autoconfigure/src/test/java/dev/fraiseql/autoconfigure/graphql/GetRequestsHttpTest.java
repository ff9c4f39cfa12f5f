package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** Queries sent with GET over real HTTP: answered as the same POST would be; mutations refused before they run. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GetRequestsHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_get");

    private static final String RESPONSE_JSON = "application/graphql-response+json";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @Test
    void aQueryWithVariablesOverGetIsAnsweredAsTheSamePost() {
        String query = "query Book($id: ID!) { book(id: $id) { title author { name } } }";
        HttpResponse<String> get = get(Map.of("query", query, "variables", "{\"id\":2}"), RESPONSE_JSON);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValue(RESPONSE_JSON);
        assertThat(get.body()).isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\",\"author\":{\"name\":"
                + "\"Stanisław Lem\"}}}}");
        assertThat(get.body()).isEqualTo(new GraphQlHttp(port).post(query, Map.of("id", 2)));
    }

    @Test
    void anInvalidQueryOverGetGetsTheStatusOfItsMediaType() {
        HttpResponse<String> strict = get(Map.of("query", "{ book(id: 2) { nope } }"), RESPONSE_JSON);
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.body()).isEqualTo("{\"errors\":[{\"message\":\"Validation error (FieldUndefined@[book/nope])"
                + " : Field 'nope' in type 'Book' is undefined\",\"locations\":[{\"line\":1,\"column\":17}],"
                + "\"extensions\":{\"classification\":\"ValidationError\"}}]}");
        HttpResponse<String> legacy = get(Map.of("query", "{ book(id: 2) { nope } }"), "application/json");
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(legacy.body()).isEqualTo(strict.body());
    }

    @Test
    void aMutationOverGetIsRefusedWith405AndWritesNothing() {
        String before = db.queryString("SELECT count(*) FROM author");
        HttpResponse<String> response = get(Map.of("query",
                "mutation { createAuthors(input: [{name: \"Sent With Get\"}]) { name } }"), RESPONSE_JSON);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).isEmpty();
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void theNamedOperationDecidesWhetherAGetMayRun() {
        String document = "query Read { book(id: 2) { title } }"
                + " mutation Write { createAuthors(input: [{name: \"Named With Get\"}]) { name } }";
        HttpResponse<String> read = get(Map.of("query", document, "operationName", "Read"), RESPONSE_JSON);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
        HttpResponse<String> write = get(Map.of("query", document, "operationName", "Write"), RESPONSE_JSON);
        assertThat(write.statusCode()).isEqualTo(405);
        assertThat(db.queryString("SELECT count(*) FROM author WHERE name = 'Named With Get'")).isEqualTo("0");
    }

    @Test
    void variablesThatAreNoJsonObjectAreRefusedWithTheParameterAndTheFix() {
        HttpResponse<String> response = get(Map.of("query", "query($id: ID!) { book(id: $id) { title } }",
                "variables", "[2]"), RESPONSE_JSON);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"The 'variables' parameter must be a JSON"
                + " object, was: [2]; send it URL-encoded, such as variables=%7B%22id%22%3A1%7D for {\\\"id\\\":1}\"}]}");
    }

    @Test
    void aVariablesValueCannotSmuggleASecondQueryPastTheMutationCheck() {
        HttpResponse<String> response = get(Map.of("query", "{ book(id: 2) { title } }",
                "variables", "{}, \"query\": \"mutation { createAuthors(input: [{name: \\\"Smuggled\\\"}]) { name } }\""),
                RESPONSE_JSON);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(db.queryString("SELECT count(*) FROM author WHERE name = 'Smuggled'")).isEqualTo("0");
    }

    @Test
    void aGetWithoutAQueryIsLeftToSpringForGraphQl() {
        HttpResponse<String> response = get(Map.of(), RESPONSE_JSON);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    private HttpResponse<String> get(Map<String, String> parameters, String accept) {
        return send(port, parameters, accept);
    }

    static HttpResponse<String> send(int port, Map<String, String> parameters, String accept) {
        String queryString = new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create("http://localhost:" + port + "/graphql" + (queryString.isEmpty() ? "" : "?" + queryString));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** With {@code fraiseql.graphql.get-requests=false}, a GET query gets Spring for GraphQL's own 405. */
    @Nested
    @SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "fraiseql.graphql.get-requests=false")
    class WhenTurnedOff {

        @LocalServerPort
        int offPort;

        @Test
        void aQueryOverGetIsRefusedWith405() {
            HttpResponse<String> response = send(offPort, Map.of("query", "{ book(id: 2) { title } }"),
                    RESPONSE_JSON);
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }
}
