package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** Function-bound mutations over HTTP: each status family, plain JSONB answers, rollback, and the database afterwards. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MutationHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_mutation");

    static final String CREATE = """
            mutation($input: CreateBookInput!) {
              createBook(input: $input) {
                __typename
                ... on CreateBookSuccess { status message book { id title author { name } } updatedFields }
                ... on CreateBookError { status code message conflictingBook { id title } }
              }
            }""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    String create(Map<String, Object> input, Map<String, String> headers) {
        return new GraphQlHttp(port).post(CREATE, Map.of("input", input), headers);
    }

    @Test
    void createdStatusIsTheSuccessMemberWithTheEntityAndTheTenantReachesPostgres() {
        String nextId = db.queryString("SELECT max(id) + 1 FROM book");
        String body = create(Map.of("title", "The Left Hand of Darkness", "isbn", "978-0441478125",
                "authorId", "11111111-1111-1111-1111-111111111111"), Map.of("X-Tenant", "7"));
        assertThat(body).isEqualTo("{\"data\":{\"createBook\":{\"__typename\":\"CreateBookSuccess\",\"status\":\"created\","
                + "\"message\":\"book created\",\"book\":{\"id\":\"" + nextId + "\",\"title\":\"The Left Hand of Darkness\","
                + "\"author\":{\"name\":\"Ursula K. Le Guin\"}},\"updatedFields\":[\"title\",\"isbn\",\"authorId\"]}}}");
        assertThat(db.queryString("SELECT title || ' ' || tenant_id FROM book WHERE isbn = '978-0441478125'"))
                .isEqualTo("The Left Hand of Darkness 7");
    }

    @Test
    void aFunctionsRefusalInTheU0ClassReachesTheClientWithItsMessageFieldAndHintAndWritesNothing() {
        String before = db.queryString("SELECT count(*) FROM author");
        HttpResponse<String> response = new GraphQlHttp(port).exchange("mutation { reserveBook(id: 2) { title } }",
                Map.of(), Map.of());
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"Book 2 is already reserved\","
                + "\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"reserveBook\"],\"extensions\":{\"code\":"
                + "\"CONFLICT\",\"field\":\"id\",\"hint\":\"Choose another book or wait for its return\","
                + "\"classification\":\"BAD_REQUEST\"}}],\"data\":{\"reserveBook\":null}}");
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void aBulkMutationSendsOneJsonArrayInOneCallAndAnswersEveryCreatedRow() {
        String body = new GraphQlHttp(port).post("mutation { createAuthors(input: [{name: \"Octavia E. Butler\","
                + " country: \"US\"}, {name: \"N. K. Jemisin\"}]) { name country } }");
        assertThat(body).isEqualTo("{\"data\":{\"createAuthors\":[{\"name\":\"Octavia E. Butler\",\"country\":"
                + "\"US\"},{\"name\":\"N. K. Jemisin\",\"country\":null}]}}");
        assertThat(db.queryString("SELECT string_agg(name, ', ' ORDER BY name) FROM author WHERE name IN"
                + " ('Octavia E. Butler', 'N. K. Jemisin')")).isEqualTo("N. K. Jemisin, Octavia E. Butler");
    }

    @Test
    void aBulkMutationFailingInTheMiddleWritesNothingAndNamesTheElement() {
        String before = db.queryString("SELECT count(*) FROM author");
        String body = new GraphQlHttp(port).exchange("mutation { createAuthors(input: [{name: \"Ann Leckie\"},"
                + " {name: \"\"}, {name: \"Becky Chambers\"}]) { name } }", Map.of(), Map.of()).body();
        assertThat(body).startsWith("{\"errors\":[{\"message\":\"Author 2 has no name\"")
                .contains("\"code\":\"VALIDATION_FAILED\",\"field\":\"input.name\"");
        assertThat(db.queryString("SELECT count(*) FROM author")).isEqualTo(before);
    }

    @Test
    void decimalsInAFunctionsAnswerReachTheClientExactlyInJsonAndAsDoublesInFloatFields() {
        assertThat(new GraphQlHttp(port).post("mutation { quote(title: \"Q\") { title price metadata } }"))
                .isEqualTo("{\"data\":{\"quote\":{\"title\":\"Q\",\"price\":12.5,\"metadata\":{\"big\":"
                        + "12345678901234567890.125,\"amount\":12.50}}}}");
    }

    @Test
    void anExplicitNullInTheInputReachesTheFunctionAsJsonNull() {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("title", "Nullable ISBN");
        input.put("isbn", null);
        input.put("authorId", "11111111-1111-1111-1111-111111111111");
        assertThat(create(input, Map.of())).startsWith("{\"data\":{\"createBook\":{\"__typename\":\"CreateBookSuccess\","
                + "\"status\":\"created\"");
        assertThat(db.queryString("SELECT coalesce(isbn, 'no isbn') FROM book WHERE title = 'Nullable ISBN'"))
                .isEqualTo("no isbn");
    }

    @Test
    void validationStatusIsTheErrorMemberWithCode422AndWritesNothing() {
        String before = db.queryString("SELECT count(*) FROM book");
        assertThat(create(Map.of("title", ""), Map.of())).isEqualTo("{\"data\":{\"createBook\":{\"__typename\":"
                + "\"CreateBookError\",\"status\":\"validation:title_required\",\"code\":422,\"message\":"
                + "\"title is required\",\"conflictingBook\":null}}}");
        assertThat(db.queryString("SELECT count(*) FROM book")).isEqualTo(before);
    }

    @Test
    void conflictStatusIsCode409AndCarriesTheConflictingEntity() {
        assertThat(create(Map.of("title", "Copy", "isbn", "978-0156027601"), Map.of())).isEqualTo("{\"data\":"
                + "{\"createBook\":{\"__typename\":\"CreateBookError\",\"status\":\"conflict:duplicate_isbn\",\"code\":409,"
                + "\"message\":\"a book with ISBN 978-0156027601 already exists\",\"conflictingBook\":{\"id\":\"2\","
                + "\"title\":\"Solaris\"}}}}");
        assertThat(db.queryString("SELECT count(*) FROM book WHERE isbn = '978-0156027601'")).isEqualTo("1");
    }

    @Test
    void noopStatusIsTheErrorMember() {
        assertThat(create(Map.of("title", "same"), Map.of())).isEqualTo("{\"data\":{\"createBook\":{\"__typename\":"
                + "\"CreateBookError\",\"status\":\"noop:unchanged\",\"code\":422,\"message\":\"nothing to change\","
                + "\"conflictingBook\":null}}}");
    }

    @Test
    void postgresExceptionInTheFunctionRollsBackAndBecomesAnErrorWithACode() {
        String before = db.queryString("SELECT count(*) FROM book");
        String body = create(Map.of("title", "boom", "isbn", "978-0000000000"), Map.of());
        assertThat(body).isEqualTo("{\"errors\":[{\"message\":\"A value does not match its expected type or format\","
                + "\"locations\":[{\"line\":2,\"column\":3}],\"path\":[\"createBook\"],\"extensions\":{\"code\":"
                + "\"TYPE_MISMATCH\",\"classification\":\"BAD_REQUEST\"}}],\"data\":null}");
        assertThat(db.queryString("SELECT count(*) FROM book")).isEqualTo(before);
        assertThat(db.queryString("SELECT count(*) FROM book WHERE title = 'boom'")).isEqualTo("0");
    }

    @Test
    void controllerMethodAddsInputAndSettingsBeforeTheFunctionRuns() {
        String mutation = "mutation { addHouseBook(input: {title: \"House rules\", isbn: \"978-1-111\", pages: 5}) {"
                + " __typename ... on CreateBookSuccess { status book { title pages } } } }";
        assertThat(new GraphQlHttp(port).post(mutation)).isEqualTo("{\"data\":{\"addHouseBook\":{\"__typename\":"
                + "\"CreateBookSuccess\",\"status\":\"created\",\"book\":{\"title\":\"House rules\",\"pages\":111}}}}");
        assertThat(db.queryString("SELECT pages || ' ' || tenant_id FROM book WHERE isbn = '978-1-111'"))
                .isEqualTo("111 9");
    }

    @Test
    void plainJsonbAnswerIsTheEntityItself() {
        String mutation = "mutation { renameAuthor(id: \"22222222-2222-2222-2222-222222222222\", newName: \"S. Lem\")"
                + " { id name } }";
        assertThat(new GraphQlHttp(port).post(mutation)).isEqualTo("{\"data\":{\"renameAuthor\":{\"id\":"
                + "\"22222222-2222-2222-2222-222222222222\",\"name\":\"S. Lem\"}}}");
        assertThat(db.queryString("SELECT name FROM author WHERE id = '22222222-2222-2222-2222-222222222222'"))
                .isEqualTo("S. Lem");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"success, CreateBookSuccess, 200", "updated, CreateBookSuccess, 200", "deleted, CreateBookSuccess, 200",
            "created, CreateBookSuccess, 201", "noop:same, CreateBookError, 422", "validation:bad, CreateBookError, 422",
            "unauthorized:who, CreateBookError, 401", "forbidden:no, CreateBookError, 403",
            "not_found:gone, CreateBookError, 404", "conflict:dup, CreateBookError, 409",
            "timeout:slow, CreateBookError, 408", "failed:boom, CreateBookError, 500", "weird, CreateBookError, 500"})
    void everyStatusFamilyMapsToItsMemberAndCode(String status, String member, int code) {
        String mutation = "mutation($s: String!) { answerWith(status: $s) { __typename"
                + " ... on CreateBookSuccess { status message } ... on CreateBookError { status code message } } }";
        String fields = member.equals("CreateBookSuccess")
                ? "\"status\":\"" + status + "\",\"message\":\"answered " + status + "\""
                : "\"status\":\"" + status + "\",\"code\":" + code + ",\"message\":\"answered " + status + "\"";
        assertThat(new GraphQlHttp(port).post(mutation, Map.of("s", status)))
                .isEqualTo("{\"data\":{\"answerWith\":{\"__typename\":\"" + member + "\"," + fields + "}}}");
    }
}
