package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** Every filter family, ordering, paging and bad input through the generated GraphQL arguments, over HTTP. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FiltersHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_filters");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("fraiseql.graphql.max-page-size", () -> "50");
    }

    @LocalServerPort
    int port;

    String post(String query) {
        return new GraphQlHttp(port).post(query);
    }

    static String ids(String csv) {
        String items = csv.isEmpty() ? "" : Arrays.stream(csv.split(" ")).map(id -> "{\"id\":\"" + id + "\"}")
                .collect(Collectors.joining(","));
        return "{\"data\":{\"books\":[" + items + "]}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            string eq                 | {title: {eq: "Solaris"}}                          | 2
            string neq                | {title: {neq: "Solaris"}}                         | 1 3 4
            string icontains          | {title: {icontains: "DISPOSS"}}                   | 1
            string startswith         | {title: {startswith: "S"}}                        | 2 3
            string endswith           | {title: {endswith: "notes"}}                      | 4
            string like               | {title: {like: "So%"}}                            | 2
            string matches            | {title: {matches: "^[A-Z]{4}$"}}                  | 3
            string in                 | {title: {in: ["SPQR", "Solaris"]}}                | 2 3
            string isnull            | {isbn: {isnull: true}}                             | 4
            int gt                    | {pages: {gt: 300}}                                | 1 3
            int lte                   | {pages: {lte: 204}}                               | 2
            int nin                   | {pages: {nin: [204, 387]}}                        | 3
            float gte                 | {price: {gte: 10.5}}                              | 1 3
            date gte                  | {publishedOn: {gte: "1970-01-01"}}                | 1 3
            date lt                   | {publishedOn: {lt: "1970-01-01"}}                 | 2
            boolean eq                | {available: {eq: false}}                          | 3
            id in                     | {id: {in: ["1", "3"]}}                            | 1 3
            enum eq                   | {genre: {eq: HISTORY}}                            | 3
            uuid in nested object     | {author: {id: {eq: "22222222-2222-2222-2222-222222222222"}}} | 2
            nested string             | {author: {name: {startswith: "Mary"}}}            | 3
            array contains            | {tags: {contains: ["ocean"]}}                     | 2
            array lenEq               | {tags: {lenEq: 0}}                                | 3
            array anyEq               | {tags: {anyEq: "physics"}}                        | 1
            json hasKey               | {metadata: {hasKey: "shelf"}}                     | 1
            json contains             | {metadata: {contains: {shelf: 3}}}                | 1
            inet inSubnet             | {sourceIp: {inSubnet: "192.168.0.0/16"}}          | 1
            inet isIPv6               | {sourceIp: {isIPv6: true}}                        | 3
            macaddr eq                | {shelfMac: {eq: "08:00:2b:01:02:03"}}             | 1
            ltree descendantOf        | {category: {descendantOf: "fiction"}}             | 1 2
            daterange containsDate    | {lending: {containsDate: "2024-01-15"}}           | 1
            fulltext plainQuery       | {summary: {plainQuery: "ocean"}}                  | 2
            fulltext websearchQuery   | {summary: {websearchQuery: "ancient rome"}}       | 3
            OR                        | {OR: [{genre: {eq: HISTORY}}, {pages: {lt: 300}}]} | 2 3
            AND                       | {AND: [{genre: {eq: FICTION}}, {pages: {gt: 300}}]} | 1
            NOT                       | {NOT: {available: {eq: true}}}                    | 3
            list some eq              | {reviews: {some: {rating: {eq: 5}}}}              | 1 2
            list some range           | {reviews: {some: {rating: {lt: 5}}}}              | 1
            list some same element    | {reviews: {some: {reviewer: {eq: "ana"}, rating: {eq: 4}}}} | ''
            list some any element     | {reviews: {some: {}}}                             | 1 2
            list every                | {reviews: {every: {rating: {eq: 5}}}}             | 2 3 4
            list none                 | {reviews: {none: {comment: {isnull: true}}}}      | 2 3 4
            list none and some        | {reviews: {none: {rating: {lt: 5}}, some: {reviewer: {startswith: "ch"}}}} | 2
            list under NOT            | {NOT: {reviews: {some: {rating: {eq: 5}}}}}       | 3 4
            """)
    void filterFamilyWorksThroughGraphQl(String name, String where, String expectedIds) {
        assertThat(post("{ books(where: " + where + ") { id } }")).as(name).isEqualTo(ids(expectedIds));
    }

    @Test
    void theListsOfObjectsExamplesOfTheFilteringPageAnswerWhatTheirCommentsSay() throws Exception {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/filtering.md"));
        String section = page.substring(page.indexOf("### Lists of objects"), page.indexOf("## Indexes"));
        java.util.List<String> examples = section.lines().filter(l -> l.startsWith("{ books(where: {reviews:"))
                .map(l -> l.substring(0, l.indexOf(" # ")).strip()).toList();
        String title1 = "{\"id\":\"1\",\"title\":\"The Dispossessed\"}";
        String title2 = "{\"id\":\"2\",\"title\":\"Solaris\"}";
        String title3 = "{\"id\":\"3\",\"title\":\"SPQR\"}";
        String title4 = "{\"id\":\"4\",\"title\":\"Untitled \\\"draft\\\" \\\\ notes\"}";
        // Book 1 has reviews by ana (5) and ben (4), book 2 one by chloé (5), books 3 and 4 none.
        assertThat(examples).hasSize(4);
        assertThat(post(examples.get(0))).isEqualTo("{\"data\":{\"books\":[" + title1 + "," + title2 + "]}}");
        assertThat(post(examples.get(1)))
                .isEqualTo("{\"data\":{\"books\":[" + String.join(",", title1, title2, title3, title4) + "]}}");
        assertThat(post(examples.get(2))).isEqualTo("{\"data\":{\"books\":[" + String.join(",", title2, title3, title4) + "]}}");
        assertThat(post(examples.get(3))).isEqualTo(ids(""));
    }

    @Test
    void orderByIsNumericForNumbersAndCanUseNestedFields() {
        assertThat(post("{ books(orderBy: [{pages: DESC_NULLS_LAST}]) { id } }")).isEqualTo(ids("3 1 2 4"));
        assertThat(post("{ books(orderBy: [{author: {name: ASC}}], where: {author: {name: {isnull: false}}}) { id } }"))
                .isEqualTo(ids("3 2 1"));
    }

    @Test
    void limitAndOffsetPage() {
        assertThat(post("{ books(limit: 2, offset: 1) { id } }")).isEqualTo(ids("2 3"));
    }

    @Test
    void filtersCanComeFromVariables() {
        String query = "query($w: BookWhereInput) { books(where: $w) { id } }";
        assertThat(new GraphQlHttp(port).post(query, Map.of("w", Map.of("pages", Map.of("gt", 300)))))
                .isEqualTo(ids("1 3"));
    }

    String rejected(String query, Map<String, Object> variables) {
        var response = new GraphQlHttp(port).exchange(query, variables, Map.of());
        assertThat(response.statusCode()).as("GraphQL-over-HTTP status of a request error").isEqualTo(400);
        return response.body();
    }

    @Test
    void malformedUuidIsAValidationErrorNamingTheArgument() {
        assertThat(rejected("{ books(where: {author: {id: {eq: \"nope\"}}}) { id } }", Map.of())).isEqualTo(
                "{\"errors\":[{\"message\":\"Validation error (WrongType@[books]) : argument 'where.author.id.eq' with"
                + " value 'StringValue{value='nope'}' is not a valid 'UUID' - 'nope' is not a valid UUID: expected a UUID"
                + " such as 123e4567-e89b-12d3-a456-426614174000\",\"locations\":[{\"line\":1,\"column\":9}],"
                + "\"extensions\":{\"classification\":\"ValidationError\"}}]}");
    }

    @Test
    void malformedDateIsAValidationErrorNamingTheArgument() {
        assertThat(rejected("{ books(where: {publishedOn: {gt: \"2024-13-45\"}}) { id } }", Map.of())).isEqualTo(
                "{\"errors\":[{\"message\":\"Validation error (WrongType@[books]) : argument 'where.publishedOn.gt'"
                + " with value 'StringValue{value='2024-13-45'}' is not a valid 'Date' - '2024-13-45' is not a valid"
                + " Date: expected an ISO date such as 2024-01-31\",\"locations\":[{\"line\":1,\"column\":9}],"
                + "\"extensions\":{\"classification\":\"ValidationError\"}}]}");
    }

    @Test
    void malformedInetInAVariableIsAValidationErrorNamingTheVariable() {
        String query = "query($w: BookWhereInput) { books(where: $w) { id } }";
        assertThat(rejected(query, Map.of("w", Map.of("sourceIp", Map.of("eq", "300.1.1.1"))))).isEqualTo(
                "{\"errors\":[{\"message\":\"Variable 'w' has an invalid value: '300.1.1.1' is not a valid Inet:"
                + " expected an IPv4 or IPv6 address, optionally with /prefix, such as 192.168.0.1\",\"locations\":"
                + "[{\"line\":1,\"column\":7}],\"extensions\":{\"classification\":\"ValidationError\"}}]}");
    }

    @Test
    void aRegularExpressionPostgresRefusesIsBadUserInputNamingTheFieldAndTheValue() {
        assertThat(post("{ books(where: {title: {matches: \"(\"}}) { id } }")).isEqualTo("{\"errors\":[{\"message\":"
                + "\"Invalid value for where.title.matches: \\\"(\\\" is not a valid regular expression\",\"locations\":"
                + "[{\"line\":1,\"column\":3}],\"path\":[\"books\"],\"extensions\":{\"code\":\"BAD_USER_INPUT\","
                + "\"argument\":\"where.title.matches\",\"classification\":\"BAD_REQUEST\"}}],\"data\":null}");
    }

    @Test
    void aRegularExpressionInsideAListQuantifierIsBadUserInputNamingItsPath() {
        assertThat(post("{ books(where: {reviews: {some: {comment: {matches: \"(\"}}}}) { id } }")).isEqualTo(
                "{\"errors\":[{\"message\":\"Invalid value for where.reviews.some.comment.matches: \\\"(\\\" is not a"
                + " valid regular expression\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"books\"],"
                + "\"extensions\":{\"code\":\"BAD_USER_INPUT\",\"argument\":\"where.reviews.some.comment.matches\","
                + "\"classification\":\"BAD_REQUEST\"}}],\"data\":null}");
    }

    @Test
    void aTextSearchQueryOrLqueryPostgresRefusesNamesItsOperandInsideNestedConditions() {
        assertThat(post("{ books(where: {OR: [{title: {eq: \"x\"}}, {summary: {matches: \"star &\"}}]}) { id } }"))
                .contains("\"message\":\"Invalid value for where.OR[1].summary.matches: \\\"star &\\\" is not a valid"
                        + " text search query").contains("\"argument\":\"where.OR[1].summary.matches\"")
                .contains("\"code\":\"BAD_USER_INPUT\"");
        assertThat(post("{ booksConnection(where: {category: {matchesLquery: \"top.*{\"}}) { totalCount } }"))
                .contains("\"message\":\"Invalid value for where.category.matchesLquery: \\\"top.*{\\\" is not a valid"
                        + " lquery pattern such as 'top.*.astronomy'\"").contains("\"code\":\"BAD_USER_INPUT\"");
    }

    @Test
    void pageLargerThanTheMaximumIsBadUserInput() {
        assertThat(post("{ books(limit: 51) { id } }")).isEqualTo("{\"errors\":[{\"message\":\"Invalid value for"
                + " limit: 51 exceeds the maximum page size 50; ask for at most 50 rows and fetch the next page\","
                + "\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"books\"],\"extensions\":{\"code\":"
                + "\"BAD_USER_INPUT\",\"argument\":\"limit\",\"classification\":\"BAD_REQUEST\"}}],\"data\":null}");
    }

    @Test
    void unknownFieldInAFilterIsAValidationError() {
        assertThat(rejected("{ books(where: {nope: {eq: 1}}) { id } }", Map.of()))
                .contains("contains a field not in 'BookWhereInput': 'nope'").contains("ValidationError");
    }

    @Test
    void connectionPagesForwardWithKeysetCursorsAndCountsTheFilteredRows() {
        String first = post("{ booksConnection(first: 2, orderBy: [{title: ASC}]) { totalCount"
                + " edges { node { id title } } pageInfo { hasNextPage hasPreviousPage } } }");
        assertThat(first).isEqualTo("{\"data\":{\"booksConnection\":{\"totalCount\":4,\"edges\":["
                + "{\"node\":{\"id\":\"3\",\"title\":\"SPQR\"}},{\"node\":{\"id\":\"2\",\"title\":\"Solaris\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"hasPreviousPage\":false}}}}");
        String end = endCursor("{ booksConnection(first: 2, orderBy: [{title: ASC}]) { pageInfo { endCursor } } }");
        String second = post("{ booksConnection(first: 2, after: \"" + end + "\", orderBy: [{title: ASC}]) {"
                + " edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }");
        assertThat(second).isEqualTo("{\"data\":{\"booksConnection\":{\"edges\":[{\"node\":{\"id\":\"1\"}},"
                + "{\"node\":{\"id\":\"4\"}}],\"pageInfo\":{\"hasNextPage\":false,\"hasPreviousPage\":true}}}}");
    }

    @Test
    void aClientPagesByUuidWithItsOwnKeyset() {
        assertThat(post("{ authors(where: {id: {gt: \"11111111-1111-1111-1111-111111111111\"}}, orderBy: [{id: ASC}],"
                + " limit: 1) { name } }"))
                .isEqualTo("{\"data\":{\"authors\":[{\"name\":\"Stanisław Lem\"}]}}");
        assertThat(post("{ authors(where: {id: {lte: \"22222222-2222-2222-2222-222222222222\"}}, orderBy: [{id: DESC}])"
                + " { name } }"))
                .isEqualTo("{\"data\":{\"authors\":[{\"name\":\"Stanisław Lem\"},{\"name\":\"Ursula K. Le Guin\"}]}}");
    }

    @Test
    void aPagePastTheLastRowIsEmptyButStillCountsTheFilteredRows() {
        String end = endCursor("{ booksConnection(first: 5, orderBy: [{title: ASC}]) { pageInfo { endCursor } } }");
        assertThat(post("{ booksConnection(first: 2, after: \"" + end + "\", orderBy: [{title: ASC}]) { totalCount"
                + " edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"))
                .isEqualTo("{\"data\":{\"booksConnection\":{\"totalCount\":4,\"edges\":[],\"pageInfo\":"
                        + "{\"hasNextPage\":false,\"hasPreviousPage\":true,\"startCursor\":null,\"endCursor\":null}}}}");
    }

    @Test
    void connectionPagesBackwardWithLastAndBefore() {
        String last = post("{ booksConnection(last: 2, where: {pages: {isnull: false}}) { totalCount"
                + " edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }");
        assertThat(last).isEqualTo("{\"data\":{\"booksConnection\":{\"totalCount\":3,\"edges\":["
                + "{\"node\":{\"id\":\"2\"}},{\"node\":{\"id\":\"3\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":false,\"hasPreviousPage\":true}}}}");
        String start = post("{ booksConnection(last: 2, where: {pages: {isnull: false}}) { pageInfo { startCursor } } }")
                .replaceAll(".*\"startCursor\":\"([^\"]+)\".*", "$1");
        assertThat(post("{ booksConnection(last: 2, before: \"" + start + "\", where: {pages: {isnull: false}}) {"
                + " edges { node { id } } } }"))
                .isEqualTo("{\"data\":{\"booksConnection\":{\"edges\":[{\"node\":{\"id\":\"1\"}}]}}}");
    }

    @Test
    void generatedConnectionTypesWorkAndCursorsAreOpaqueStrings() {
        String body = post("{ authorsConnection(first: 1) { edges { cursor node { name } } pageInfo { endCursor } } }");
        String cursor = body.replaceAll(".*\"cursor\":\"([^\"]+)\".*", "$1");
        assertThat(body).isEqualTo("{\"data\":{\"authorsConnection\":{\"edges\":[{\"cursor\":\"" + cursor
                + "\",\"node\":{\"name\":\"Ursula K. Le Guin\"}}],\"pageInfo\":{\"endCursor\":\"" + cursor + "\"}}}}");
    }

    @Test
    void tamperedCursorIsBadUserInput() {
        assertThat(post("{ booksConnection(first: 1, after: \"bm9wZQ==\") { edges { cursor } } }"))
                .contains("\"code\":\"BAD_USER_INPUT\"").contains("\"argument\":\"after\"");
    }

    String endCursor(String query) {
        return post(query).replaceAll(".*\"endCursor\":\"([^\"]+)\".*", "$1");
    }
}
