package dev.fraiseql.samples.library;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's API as a client sees it, over real HTTP on an embedded PostgreSQL that Flyway migrates from empty for
 * this class: lookups by UUID, filtered and paged lists, a connection, the three mutations with their error members,
 * and the tenant header. Copy it as the start of an application's own tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fraiseql.embedded.fresh=true")
class LibraryApplicationTest {

    // V2__generated_library.sql derives every id from md5 of a fixed text, so these are the same on every run.
    private static final String BOOK_1 = "834feba1-6ee5-3314-277b-995adfd0538c";
    private static final String AUTHOR_2 = "17aafa3d-4b44-4fe7-bd99-8a8350729460";
    private static final String NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
    private static final String NORTH = "11111111-1111-4111-8111-111111111111";
    private static final String SOUTH = "22222222-2222-4222-8222-222222222222";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MeterRegistry meters;

    private GraphQlHttp graphql;

    @BeforeEach
    void connect() {
        this.graphql = new GraphQlHttp(this.port);
    }

    // Tests that create books remove them, so that every test starts from the migrated 3 000.
    @AfterEach
    void removeTheBooksTestsCreated() {
        this.jdbc.update("DELETE FROM tv_book WHERE title LIKE 'Test %'");
        this.jdbc.update("DELETE FROM tb_book WHERE title LIKE 'Test %'");
    }

    @Test
    void aBookIsFoundByItsUuidWithItsAuthor() throws Exception {
        assertThat(this.graphql.post("{ book(id: \"" + BOOK_1 + "\") { id title publishedOn pages author { name } } }"))
                .isEqualTo("{\"data\":{\"book\":{\"id\":\"" + BOOK_1 + "\",\"title\":\"Book 0001\",\"publishedOn\":"
                        + "\"1950-01-08\",\"pages\":137,\"author\":{\"name\":\"Author 001\"}}}}");
    }

    @Test
    void anUnknownUuidFindsNoBookAndAMalformedOneIsRefused() throws Exception {
        assertThat(this.graphql.post("{ book(id: \"" + NO_SUCH_ID + "\") { title } }"))
                .isEqualTo("{\"data\":{\"book\":null}}");
        HttpResponse<String> malformed = this.graphql.send("{ book(id: \"42\") { title } }", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"classification\":\"ValidationError\"");
    }

    @Test
    void anAuthorIsFoundByItsUuid() throws Exception {
        assertThat(this.graphql.post("{ author(id: \"" + AUTHOR_2 + "\") { name } }"))
                .isEqualTo("{\"data\":{\"author\":{\"name\":\"Author 002\"}}}");
    }

    @Test
    void theListIsFilteredOrderedAndPaged() throws Exception {
        assertThat(this.graphql.post("{ books(where: {author: {name: {eq: \"Author 007\"}}}, orderBy: [{title: ASC}],"
                + " limit: 3, offset: 2) { title publishedOn pages } }"))
                .isEqualTo("{\"data\":{\"books\":["
                        + "{\"title\":\"Book 0607\",\"publishedOn\":\"1961-08-20\",\"pages\":159},"
                        + "{\"title\":\"Book 0907\",\"publishedOn\":\"1967-05-21\",\"pages\":459},"
                        + "{\"title\":\"Book 1207\",\"publishedOn\":\"1973-02-18\",\"pages\":359}]}}");
    }

    @Test
    void theGeneratedAggregateFieldCountsSumsAndGroupsTheListsRows() throws Exception {
        // Author 007 wrote books 7, 307, ..., 2707: pages 359, 259, 159, 459, 359, 259, 159, 459, 359, 259.
        assertThat(this.graphql.post("{ booksAggregate(where: {author: {name: {eq: \"Author 007\"}}}) { count"
                + " sum { pages } avg { pages } min { publishedOn } max { publishedOn } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"count\":10,\"sum\":{\"pages\":3090},"
                        + "\"avg\":{\"pages\":309.0},\"min\":{\"publishedOn\":\"1950-02-19\"},"
                        + "\"max\":{\"publishedOn\":\"2001-11-18\"}}]}}");
        assertThat(this.graphql.post("{ booksAggregate(where: {author: {name: {eq: \"Author 007\"}}}, groupBy: [pages],"
                + " orderBy: [{count: DESC}, {key: {pages: DESC}}]) { key { pages } count } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"key\":{\"pages\":359},\"count\":3},"
                        + "{\"key\":{\"pages\":259},\"count\":3},{\"key\":{\"pages\":459},\"count\":2},"
                        + "{\"key\":{\"pages\":159},\"count\":2}]}}");
    }

    @Test
    void theConnectionCountsAllBooksAndItsCursorOpensTheNextPage() throws Exception {
        String page = "booksConnection(orderBy: [{title: ASC}], first: 3%s) { totalCount"
                + " edges { node { title } } pageInfo { hasNextPage endCursor } }";
        String first = this.graphql.post("{ " + page.formatted("") + " }");
        assertThat(first).startsWith("{\"data\":{\"booksConnection\":{\"totalCount\":3000,\"edges\":["
                + "{\"node\":{\"title\":\"Book 0001\"}},{\"node\":{\"title\":\"Book 0002\"}},"
                + "{\"node\":{\"title\":\"Book 0003\"}}],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"");
        Matcher cursor = Pattern.compile("\"endCursor\":\"([^\"]+)\"").matcher(first);
        assertThat(cursor.find()).isTrue();

        String second = this.graphql.post("{ " + page.formatted(", after: \"" + cursor.group(1) + "\"") + " }");
        assertThat(second).startsWith("{\"data\":{\"booksConnection\":{\"totalCount\":3000,\"edges\":["
                + "{\"node\":{\"title\":\"Book 0004\"}},{\"node\":{\"title\":\"Book 0005\"}},"
                + "{\"node\":{\"title\":\"Book 0006\"}}],\"pageInfo\":{\"hasNextPage\":true,");
    }

    @Test
    void theTenantHeaderDecidesWhichCopiesAreSeen() throws Exception {
        String copies = "{ copies { shelf branch { name } book { title } } }";
        assertThat(this.graphql.send(copies, NORTH).body()).isEqualTo("{\"data\":{\"copies\":["
                + "{\"shelf\":\"N-01\",\"branch\":{\"name\":\"North branch\"},\"book\":{\"title\":\"Book 0001\"}},"
                + "{\"shelf\":\"N-02\",\"branch\":{\"name\":\"North branch\"},\"book\":{\"title\":\"Book 0002\"}},"
                + "{\"shelf\":\"N-03\",\"branch\":{\"name\":\"North branch\"},\"book\":{\"title\":\"Book 0003\"}},"
                + "{\"shelf\":\"N-04\",\"branch\":{\"name\":\"North branch\"},\"book\":{\"title\":\"Book 0004\"}}]}}");
        assertThat(this.graphql.send("{ copies { shelf book { title } } }", SOUTH).body())
                .isEqualTo("{\"data\":{\"copies\":["
                        + "{\"shelf\":\"S-03\",\"book\":{\"title\":\"Book 0003\"}},"
                        + "{\"shelf\":\"S-04\",\"book\":{\"title\":\"Book 0004\"}},"
                        + "{\"shelf\":\"S-05\",\"book\":{\"title\":\"Book 0005\"}},"
                        + "{\"shelf\":\"S-06\",\"book\":{\"title\":\"Book 0006\"}}]}}");
    }

    /** A field bound in the schema (not {@code copies}, which a controller method serves) takes the direct path. */
    @Test
    void aRepeatedReadOfASchemaBoundFieldIsAnsweredWithoutGraphQlJavasExecution() throws Exception {
        String lookup = "{ book(id: \"" + BOOK_1 + "\") { title } }";
        String expected = "{\"data\":{\"book\":{\"title\":\"Book 0001\"}}}";
        assertThat(this.graphql.send(lookup, NORTH).body()).isEqualTo(expected);
        double answered = this.meters.get("fraiseql.graphql.direct").tag("outcome", "answered").functionCounter().count();
        assertThat(this.graphql.send(lookup, NORTH).body()).isEqualTo(expected);
        assertThat(this.graphql.post(lookup)).isEqualTo(expected);
        assertThat(this.meters.get("fraiseql.graphql.direct").tag("outcome", "answered").functionCounter().count())
                .isEqualTo(answered + 2);
    }

    @Test
    void withoutATenantNoCopyIsSeenAndNoFilterWidensATenantsView() throws Exception {
        assertThat(this.graphql.post("{ copies { shelf } }")).isEqualTo("{\"data\":{\"copies\":[]}}");
        assertThat(this.graphql.send("{ copies(where: {branch: {name: {eq: \"North branch\"}}}) { shelf } }", SOUTH)
                .body()).isEqualTo("{\"data\":{\"copies\":[]}}");
    }

    @Test
    void aTenantThatIsNoUuidIsAnErrorRatherThanAnEmptyList() throws Exception {
        // The policy casts the setting to uuid; PostgreSQL's refusal reaches the client without its SQL.
        assertThat(this.graphql.send("{ copies { shelf } }", "north").body())
                .isEqualTo("{\"errors\":[{\"message\":\"A value does not match its expected type or format\","
                        + "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"copies\"],\"extensions\":"
                        + "{\"code\":\"TYPE_MISMATCH\",\"classification\":\"INTERNAL_ERROR\"}}],\"data\":null}");
    }

    @Test
    void aBookIsCreatedUpdatedAndDeletedThroughTheMutations() throws Exception {
        assertThat(this.graphql.post("mutation { createBook(input: {title: \"Test Kindred\", authorId: \"" + AUTHOR_2
                + "\", publishedOn: \"1979-06-01\", pages: 264}) { __typename ... on CreateBookSuccess { status"
                + " updatedFields book { title publishedOn pages author { name } } }"
                + " ... on CreateBookError { code } } }"))
                .isEqualTo("{\"data\":{\"createBook\":{\"__typename\":\"CreateBookSuccess\",\"status\":\"created\","
                        + "\"updatedFields\":[\"title\",\"authorId\",\"publishedOn\",\"pages\"],\"book\":{\"title\":"
                        + "\"Test Kindred\",\"publishedOn\":\"1979-06-01\",\"pages\":264,\"author\":{\"name\":"
                        + "\"Author 002\"}}}}}");
        // The id is gen_random_uuid()'s; the write function refreshed tv_book, so the lists see the book at once.
        String id = this.jdbc.queryForObject("SELECT id::text FROM tv_book WHERE title = 'Test Kindred'", String.class);

        assertThat(this.graphql.post("mutation { updateBook(input: {id: \"" + id + "\", pages: 287}) { __typename"
                + " ... on UpdateBookSuccess { status updatedFields book { id title pages } } } }"))
                .isEqualTo("{\"data\":{\"updateBook\":{\"__typename\":\"UpdateBookSuccess\",\"status\":\"updated\","
                        + "\"updatedFields\":[\"pages\"],\"book\":{\"id\":\"" + id + "\",\"title\":\"Test Kindred\","
                        + "\"pages\":287}}}}");
        assertThat(this.graphql.post("{ books(where: {title: {eq: \"Test Kindred\"}}) { pages } }"))
                .isEqualTo("{\"data\":{\"books\":[{\"pages\":287}]}}");

        assertThat(this.graphql.post("mutation { deleteBook(id: \"" + id + "\") { __typename"
                + " ... on DeleteBookSuccess { status message book { title } } } }"))
                .isEqualTo("{\"data\":{\"deleteBook\":{\"__typename\":\"DeleteBookSuccess\",\"status\":\"deleted\","
                        + "\"message\":\"book deleted\",\"book\":{\"title\":\"Test Kindred\"}}}}");
        assertThat(this.graphql.post("{ book(id: \"" + id + "\") { title } }")).isEqualTo("{\"data\":{\"book\":null}}");
    }

    @Test
    void creatingABookOfAnUnknownAuthorAnswersTheNotFoundMemberAndWritesNothing() throws Exception {
        int books = countBooks();
        assertThat(this.graphql.post("mutation { createBook(input: {title: \"Test Orphan\", authorId: \"" + NO_SUCH_ID
                + "\"}) { __typename ... on CreateBookError { status code message } } }"))
                .isEqualTo("{\"data\":{\"createBook\":{\"__typename\":\"CreateBookError\",\"status\":"
                        + "\"not_found:author\",\"code\":404,\"message\":\"no author with id " + NO_SUCH_ID + "\"}}}");
        assertThat(countBooks()).isEqualTo(books).isEqualTo(3000);
    }

    @Test
    void aRefusedUpdateAnswersTheValidationMemberAndLeavesTheBookAsItWas() throws Exception {
        assertThat(this.graphql.post("mutation { updateBook(input: {id: \"" + BOOK_1 + "\", title: \" \", pages: 1})"
                + " { __typename ... on UpdateBookError { status code message } } }"))
                .isEqualTo("{\"data\":{\"updateBook\":{\"__typename\":\"UpdateBookError\",\"status\":"
                        + "\"validation:title_required\",\"code\":422,\"message\":\"a book needs a title\"}}}");
        assertThat(this.graphql.post("{ book(id: \"" + BOOK_1 + "\") { title pages } }"))
                .isEqualTo("{\"data\":{\"book\":{\"title\":\"Book 0001\",\"pages\":137}}}");
        assertThat(this.jdbc.queryForObject("SELECT pages FROM tb_book WHERE id = ?::uuid", Integer.class, BOOK_1))
                .isEqualTo(137);
    }

    @Test
    void updatingOrDeletingAnUnknownBookAnswersTheNotFoundMember() throws Exception {
        assertThat(this.graphql.post("mutation { updateBook(input: {id: \"" + NO_SUCH_ID + "\", pages: 1}) { __typename"
                + " ... on UpdateBookError { status code } } }"))
                .isEqualTo("{\"data\":{\"updateBook\":{\"__typename\":\"UpdateBookError\",\"status\":"
                        + "\"not_found:book\",\"code\":404}}}");
        assertThat(this.graphql.post("mutation { deleteBook(id: \"" + NO_SUCH_ID + "\") { __typename"
                + " ... on DeleteBookError { status code message } } }"))
                .isEqualTo("{\"data\":{\"deleteBook\":{\"__typename\":\"DeleteBookError\",\"status\":"
                        + "\"not_found:book\",\"code\":404,\"message\":\"no book with id " + NO_SUCH_ID + "\"}}}");
        assertThat(countBooks()).isEqualTo(3000);
    }

    @Test
    void servesGraphiqlWithEveryScriptAndStyleFromTheApplicationItself() throws Exception {
        HttpResponse<String> redirect = this.graphql.get("/graphiql");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValue("http://localhost:" + this.port
                + "/graphiql?path=/graphql");

        HttpResponse<String> page = this.graphql.get("/graphiql?path=/graphql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>GraphiQL</title>");
        // No CDN: every script and style sheet is a path on this server, and each is served.
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> paths = new ArrayList<>();
        while (assets.find()) {
            paths.add(assets.group(1));
        }
        assertThat(paths).containsExactly("/_static/graphiql/3.2.0/graphiql.min.css",
                "/_static/react/18.3.1/umd/react.production.min.js",
                "/_static/react-dom/18.3.1/umd/react-dom.production.min.js",
                "/_static/graphiql/3.2.0/graphiql.min.js");
        for (String path : paths) {
            HttpResponse<String> asset = this.graphql.get(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.body()).as(path).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void theHealthEndpointShowsThePool() throws Exception {
        HttpResponse<String> response = this.graphql.get("/actuator/health/fraiseql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"details\":\\{\"pool\":\"fraiseql\",\"max\":20,\"total\":\\d+,"
                + "\"active\":\\d+,\"idle\":\\d+,\"waiting\":0},\"status\":\"UP\"}");
    }

    @Test
    void theHikariMetricsOfThePoolArePublished() throws Exception {
        HttpResponse<String> response =
                this.graphql.get("/actuator/metrics/hikaricp.connections.max?tag=pool:fraiseql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("{\"statistic\":\"VALUE\",\"value\":20.0}");
    }

    // Both tables: a write that reached tb_book but not tv_book (or the reverse) would show here.
    private int countBooks() {
        Integer written = this.jdbc.queryForObject("SELECT count(*) FROM tb_book", Integer.class);
        Integer stored = this.jdbc.queryForObject("SELECT count(*) FROM tv_book", Integer.class);
        assertThat(stored).isEqualTo(written);
        return written;
    }
}
