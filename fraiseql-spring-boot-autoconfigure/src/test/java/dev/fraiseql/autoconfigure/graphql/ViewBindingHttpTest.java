package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** The zero-Java application over real HTTP and a real PostgreSQL, on the fast path. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewBindingHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_binding");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("fraiseql.db.query-timeout", () -> "1s");
    }

    @LocalServerPort
    int port;

    String post(String query) {
        return new GraphQlHttp(port).post(query);
    }

    @Test
    void listFieldReturnsRowsWithOnlyTheSelectedKeysInSelectionOrder() {
        assertThat(post("{ books { title id } }")).isEqualTo("""
                {"data":{"books":[{"title":"The Dispossessed","id":"1"},{"title":"Solaris","id":"2"},\
                {"title":"SPQR","id":"3"},{"title":"Untitled \\"draft\\" \\\\ notes","id":"4"}]}}""");
    }

    @Test
    void singleFieldFiltersByItsArgumentsAndReturnsOneObject() {
        assertThat(post("{ book(id: 2) { title pages } }"))
                .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\",\"pages\":204}}}");
    }

    @Test
    void anExplicitNullKeyArgumentAsksForTheRowWhoseKeyIsNullNotForAnyRow() {
        assertThat(post("{ bookByIsbn(isbn: null) { title } }"))
                .isEqualTo("{\"data\":{\"bookByIsbn\":{\"title\":\"Untitled \\\"draft\\\" \\\\ notes\"}}}");
        assertThat(post("{ bookByIsbn(isbn: \"978-0156027601\") { title } }"))
                .isEqualTo("{\"data\":{\"bookByIsbn\":{\"title\":\"Solaris\"}}}");
    }

    @Test
    void aDocumentWhoseIncludeVariableChangesIsAnsweredForEachValueNotFromTheFirstPlan() {
        String query = "query($pages: Boolean!) { book(id: 2) { title pages @include(if: $pages) } }";
        GraphQlHttp http = new GraphQlHttp(port);
        for (int i = 0; i < 2; i++) {
            assertThat(http.post(query, Map.of("pages", true)))
                    .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\",\"pages\":204}}}");
            assertThat(http.post(query, Map.of("pages", false)))
                    .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
        }
    }

    @Test
    void aRepeatedDocumentWithFragmentsAndAliasesAnswersFromItsPlanWithTheSameBytes() {
        String query = "{ a: book(id: 1) { ...t } b: book(id: 2) { ...t name: title } } fragment t on Book { title }";
        String expected = "{\"data\":{\"a\":{\"title\":\"The Dispossessed\"},\"b\":{\"title\":\"Solaris\","
                + "\"name\":\"Solaris\"}}}";
        for (int i = 0; i < 3; i++) {
            assertThat(post(query)).isEqualTo(expected);
        }
    }

    @Test
    void singleFieldReturnsNullWhenNoRowMatches() {
        assertThat(post("{ book(id: 99) { title } }")).isEqualTo("{\"data\":{\"book\":null}}");
    }

    @Test
    void snakeCaseKeysAreReadForCamelCaseFieldsIncludingDigits() {
        assertThat(post("{ book(id: 1) { publishedOn dns1 } }"))
                .isEqualTo("{\"data\":{\"book\":{\"publishedOn\":\"1974-05-01\",\"dns1\":\"a1\"}}}");
    }

    @Test
    void aliasesFragmentsAndTypenameShapeTheResponse() {
        String query = """
                query { first: book(id: 1) { __typename name: title ...bits author { __typename n: name } }
                        book(id: 3) { ... on Book { title } } }
                fragment bits on Book { pages price }""";
        assertThat(post(query)).isEqualTo("{\"data\":{\"first\":{\"__typename\":\"Book\",\"name\":\"The Dispossessed\","
                + "\"pages\":387,\"price\":12.5,\"author\":{\"__typename\":\"Author\",\"n\":\"Ursula K. Le Guin\"}},"
                + "\"book\":{\"title\":\"SPQR\"}}}");
    }

    @Test
    void skipAndIncludeFollowVariables() {
        String query = "query($yes: Boolean!, $no: Boolean!) { book(id: 2) { title @include(if: $yes) pages @skip(if: $yes)"
                + " isbn @include(if: $no) } }";
        assertThat(new GraphQlHttp(port).post(query, Map.of("yes", true, "no", false)))
                .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
    }

    @Test
    void nestedObjectsAndListsKeepTheirShapeAndAbsentValuesAreNull() {
        String query = "{ books { id author { name address { city } } reviews { rating comment } tags } }";
        assertThat(post(query)).isEqualTo("{\"data\":{\"books\":["
                + "{\"id\":\"1\",\"author\":{\"name\":\"Ursula K. Le Guin\",\"address\":{\"city\":\"Portland\"}},"
                + "\"reviews\":[{\"rating\":5,\"comment\":\"A classic\"},{\"rating\":4,\"comment\":null}],"
                + "\"tags\":[\"anarchy\",\"physics\"]},"
                + "{\"id\":\"2\",\"author\":{\"name\":\"Stanisław Lem\",\"address\":null},"
                + "\"reviews\":[{\"rating\":5,\"comment\":\"Unsettling, in a good way\"}],\"tags\":[\"ocean\"]},"
                + "{\"id\":\"3\",\"author\":{\"name\":\"Mary Beard\",\"address\":{\"city\":\"Cambridge\"}},"
                + "\"reviews\":[],\"tags\":[]},"
                + "{\"id\":\"4\",\"author\":null,\"reviews\":[],\"tags\":null}]}}");
    }

    @Test
    void viewFieldsControllerlessFieldsAndIntrospectionMixInOneRequest() {
        String query = "{ a: book(id: 3) { title } __schema { queryType { name } } serverName b: authors { name }"
                + " __typename }";
        assertThat(post(query)).isEqualTo("{\"data\":{\"a\":{\"title\":\"SPQR\"},\"__schema\":{\"queryType\":"
                + "{\"name\":\"Query\"}},\"serverName\":\"library\",\"b\":[{\"name\":\"Ursula K. Le Guin\"},"
                + "{\"name\":\"Stanisław Lem\"},{\"name\":\"Mary Beard\"}],\"__typename\":\"Query\"}}");
    }

    @Test
    void controllerMethodAddsAMandatoryTenantFilterDefaultOrderAndLimitOnTheFastPath() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(http.post("{ tenantBooks { id title } }", Map.of(), Map.of("X-Tenant", "1")))
                .isEqualTo("{\"data\":{\"tenantBooks\":[{\"id\":\"4\",\"title\":\"Untitled \\\"draft\\\" \\\\ notes\"},"
                        + "{\"id\":\"1\",\"title\":\"The Dispossessed\"}]}}");
        assertThat(http.post("{ tenantBooks(where: {title: {startswith: \"S\"}}) { id } }", Map.of(),
                Map.of("X-Tenant", "2"))).isEqualTo("{\"data\":{\"tenantBooks\":[{\"id\":\"3\"}]}}");
        assertThat(http.post("{ tenantBooks(limit: 50) { id } }", Map.of(), Map.of("X-Tenant", "2")))
                .isEqualTo("{\"data\":{\"tenantBooks\":[{\"id\":\"3\"}]}}");
    }

    @Test
    void requestSettingsReachPostgresOnReadsSoTenantScopedViewsWork() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(http.post("{ myBooks { id } }", Map.of(), Map.of("X-Tenant", "2")))
                .isEqualTo("{\"data\":{\"myBooks\":[{\"id\":\"3\"}]}}");
        assertThat(http.post("{ myBooks { id } }", Map.of(), Map.of("X-Tenant", "1")))
                .isEqualTo("{\"data\":{\"myBooks\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"4\"}]}}");
        assertThat(http.post("{ myBooks { id } }")).isEqualTo("{\"data\":{\"myBooks\":[]}}");
    }

    @Test
    void controllerMethodCanPostProcessParsedRows() {
        assertThat(post("{ shoutedBooks(where: {id: {eq: \"2\"}}) { id title } }"))
                .isEqualTo("{\"data\":{\"shoutedBooks\":[{\"id\":\"2\",\"title\":\"SOLARIS\"}]}}");
    }

    static String error(String field, int column, String code, String message) {
        return "{\"errors\":[{\"message\":\"" + message + "\",\"locations\":[{\"line\":1,\"column\":" + column
                + "}],\"path\":[\"" + field + "\"],\"extensions\":{\"code\":\"" + code + "\",\"classification\":"
                + "\"INTERNAL_ERROR\"}}],\"data\":{\"" + field + "\":null}}";
    }

    @Test
    void valueErrorInTheViewIsTypeMismatchWithoutSqlText() {
        assertThat(post("{ brokenBooks { id } }")).isEqualTo(
                error("brokenBooks", 3, "TYPE_MISMATCH", "A value does not match its expected type or format"));
    }

    @Test
    void statementTimeoutIsQueryTimeout() {
        assertThat(post("{ slowBooks { id } }")).isEqualTo(
                error("slowBooks", 3, "QUERY_TIMEOUT", "Query exceeded the 1s statement timeout"));
    }

    @Test
    void viewDroppedAfterStartUpIsNotFoundAndOtherRootFieldsStillAnswer() {
        db.execute("DROP VIEW IF EXISTS v_dropped_book");
        assertThat(post("{ droppedBooks { id } book(id: 2) { id } }")).isEqualTo("{\"errors\":[{\"message\":"
                + "\"The requested resource does not exist\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":"
                + "[\"droppedBooks\"],\"extensions\":{\"code\":\"NOT_FOUND\",\"classification\":\"NOT_FOUND\"}}],"
                + "\"data\":{\"droppedBooks\":null,\"book\":{\"id\":\"2\"}}}");
    }
}
