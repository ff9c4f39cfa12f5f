package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated aggregate fields over real HTTP, on the fast path and the standard path of the same database: every
 * answer is computed by hand from the rows of {@code library.sql} (plus two books of tenant 9 whose pages add up
 * beyond 32 bits), and both paths must answer it byte for byte.
 */
class AggregateHttpTest {

    private static LibraryDatabase db;
    private static ConfigurableApplicationContext fast;
    private static ConfigurableApplicationContext standard;

    @BeforeAll
    static void start() {
        db = LibraryDatabase.create("gql_aggregate");
        db.execute("INSERT INTO book (id, title, pages, price, genre, tenant_id) VALUES"
                + " (10, 'Big A', 2147483647, 0.10, 'SCIENCE', 9), (11, 'Big B', 2147483647, 0.20, 'SCIENCE', 9)");
        fast = start("fast");
        standard = start("standard");
    }

    private static ConfigurableApplicationContext start(String mode) {
        Map<String, Object> properties = new LinkedHashMap<>(db.properties());
        properties.put("server.port", "0");
        properties.put("fraiseql.graphql.execution", mode);
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
    }

    /** The body both paths answer, after checking that they answer the same bytes and status. */
    private static String both(String query, Map<String, Object> variables, int status) {
        HttpResponse<String> reference = new GraphQlHttp(standard).exchange(query, variables, Map.of());
        HttpResponse<String> raw = new GraphQlHttp(fast).exchange(query, variables, Map.of());
        assertThat(raw.body()).as("fast path against standard path").isEqualTo(reference.body());
        assertThat(raw.statusCode()).isEqualTo(reference.statusCode()).isEqualTo(status);
        return raw.body();
    }

    private static String both(String query) {
        return both(query, Map.of(), 200);
    }

    @Test
    void oneGroupOfTheListFieldsRowsAnswersEveryAggregateWithItsType() {
        // Tenants 1 and 2: pages 387, 204, 608 and one null; prices 12.50, 9.99, 20.00 and one null.
        assertThat(both("{ booksAggregate(where: {tenantId: {lte: 2}}) { count countDistinct { genre }"
                + " sum { pages price } avg { pages price } min { publishedOn price } max { publishedOn pages title } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"count\":4,\"countDistinct\":{\"genre\":2},"
                        + "\"sum\":{\"pages\":1199,\"price\":42.49},"
                        + "\"avg\":{\"pages\":399.6666666666667,\"price\":14.163333333333334},"
                        + "\"min\":{\"publishedOn\":\"1961-06-01\",\"price\":9.99},"
                        + "\"max\":{\"publishedOn\":\"2015-11-09\",\"pages\":608,\"title\":\"Untitled \\\"draft\\\" \\\\ notes\"}}]}}");
        assertThat(db.queryString("SELECT count(*) || ' ' || count(DISTINCT genre) || ' ' || sum(pages) || ' '"
                + " || sum(price) || ' ' || min(published_on) || ' ' || max(pages) FROM book WHERE tenant_id <= 2"))
                .isEqualTo("4 2 1199 42.49 1961-06-01 608");
    }

    @Test
    void aSumBeyond32BitsIsABigIntAndMoneyAddsUpWithoutBinaryRounding() {
        assertThat(both("{ booksAggregate(where: {tenantId: {eq: 9}}) { count sum { pages price } avg { price } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"count\":2,\"sum\":{\"pages\":4294967294,\"price\":0.3},"
                        + "\"avg\":{\"price\":0.15}}]}}");
    }

    @Test
    void groupsByAFieldAreOrderedByAnAggregateThenByTheirKeyWithTheNullGroupLast() {
        assertThat(both("{ booksAggregate(where: {tenantId: {lte: 2}}, groupBy: [genre], orderBy: [{count: DESC}]) {"
                + " key { genre } count sum { pages } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":["
                        + "{\"key\":{\"genre\":\"FICTION\"},\"count\":2,\"sum\":{\"pages\":591}},"
                        + "{\"key\":{\"genre\":\"HISTORY\"},\"count\":1,\"sum\":{\"pages\":608}},"
                        + "{\"key\":{\"genre\":null},\"count\":1,\"sum\":{\"pages\":null}}]}}");
    }

    @Test
    void groupsByANestedFieldNestTheirKeyAndRowsWithoutTheObjectShareTheNullGroup() {
        // Le Guin is from US, Lem from PL, Beard has no country and the fourth book no author.
        assertThat(both("{ booksAggregate(groupBy: [author_country], orderBy: [{key: {author: {country: DESC}}}],"
                + " where: {tenantId: {lte: 2}}) { key { author { country } title } count } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":["
                        + "{\"key\":{\"author\":{\"country\":null},\"title\":null},\"count\":2},"
                        + "{\"key\":{\"author\":{\"country\":\"US\"},\"title\":null},\"count\":1},"
                        + "{\"key\":{\"author\":{\"country\":\"PL\"},\"title\":null},\"count\":1}]}}");
    }

    @Test
    void nestedFieldsAreAggregatedAndOrderedAlongTheirPath() {
        // Authors: Le Guin (US), Lem (PL), Beard (no country); book 4 has none. Five levels would pass the depth limit.
        assertThat(both("{ booksAggregate(where: {tenantId: {lte: 2}}) { min { author { country } }"
                + " countDistinct { author { country name } } max { author { name __typename } }"
                + " avg { __typename } } }")).isEqualTo("{\"data\":{\"booksAggregate\":[{\"min\":{\"author\":"
                + "{\"country\":\"PL\"}},\"countDistinct\":{\"author\":{\"country\":2,\"name\":3}},"
                + "\"max\":{\"author\":{\"name\":\"Ursula K. Le Guin\",\"__typename\":\"AuthorAggregateMax\"}},"
                + "\"avg\":{\"__typename\":\"BookAggregateAvg\"}}]}}");
        assertThat(both("{ booksAggregate(where: {tenantId: {lte: 2}}, groupBy: [genre],"
                + " orderBy: [{max: {author: {name: DESC_NULLS_LAST}}}]) { key { genre } max { author { name } } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":["
                        + "{\"key\":{\"genre\":\"FICTION\"},\"max\":{\"author\":{\"name\":\"Ursula K. Le Guin\"}}},"
                        + "{\"key\":{\"genre\":\"HISTORY\"},\"max\":{\"author\":{\"name\":\"Mary Beard\"}}},"
                        + "{\"key\":{\"genre\":null},\"max\":{\"author\":{\"name\":null}}}]}}");
    }

    @Test
    void groupsArePagedByLimitAndOffsetAndMayBeOrderedByAnAggregate() {
        assertThat(both("{ booksAggregate(groupBy: [genre], orderBy: [{max: {pages: DESC_NULLS_LAST}}], limit: 2,"
                + " offset: 1) { key { genre } max { pages } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"key\":{\"genre\":\"HISTORY\"},\"max\":{\"pages\":608}},"
                        + "{\"key\":{\"genre\":\"FICTION\"},\"max\":{\"pages\":387}}]}}");
    }

    @Test
    void noMatchingRowIsOneGroupCountingZeroWithoutGroupByAndNoGroupWithIt() {
        assertThat(both("{ all: booksAggregate(where: {title: {eq: \"nope\"}}) { count sum { pages } min { title } }"
                + " grouped: booksAggregate(where: {title: {eq: \"nope\"}}, groupBy: [title]) { count } }"))
                .isEqualTo("{\"data\":{\"all\":[{\"count\":0,\"sum\":{\"pages\":null},\"min\":{\"title\":null}}],"
                        + "\"grouped\":[]}}");
    }

    @Test
    void aliasesFragmentsAndTypenameShapeTheGroups() {
        assertThat(both("{ stats: booksAggregate(where: {id: {eq: \"2\"}}) { __typename n: count ...s } }"
                + " fragment s on BookAggregate { total: sum { __typename p: pages } key { __typename } }"))
                .isEqualTo("{\"data\":{\"stats\":[{\"__typename\":\"BookAggregate\",\"n\":1,\"total\":"
                        + "{\"__typename\":\"BookAggregateSum\",\"p\":204},\"key\":{\"__typename\":\"BookAggregateKey\"}}]}}");
        assertThat(both("{ booksAggregate(where: {id: {eq: \"2\"}}) { avg { __typename } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"avg\":{\"__typename\":\"BookAggregateAvg\"}}]}}");
    }

    @Test
    void aViewWithRealColumnsAggregatesOnThem() {
        // v_book has real pages and published_on columns: the filtered rows add up the same through them.
        assertThat(both("{ booksAggregate(groupBy: [publishedOn], where: {publishedOn: {gte: \"1970-01-01\"}}) {"
                + " key { publishedOn } sum { pages } } }"))
                .isEqualTo("{\"data\":{\"booksAggregate\":["
                        + "{\"key\":{\"publishedOn\":\"1974-05-01\"},\"sum\":{\"pages\":387}},"
                        + "{\"key\":{\"publishedOn\":\"2015-11-09\"},\"sum\":{\"pages\":608}}]}}");
    }

    @Test
    void aLimitOverTheMaximumPageIsAnInputErrorThatNullsTheDataAsANonNullListFieldDoes() {
        assertThat(both("{ booksAggregate(groupBy: [title], limit: 100000) { count } book(id: 2) { title } }",
                Map.of(), 200)).isEqualTo("{\"errors\":[{\"message\":\"Invalid value for limit: 100000 exceeds the"
                + " maximum page size 100; ask for at most 100 rows and fetch the next page\",\"locations\":[{\"line\":1,"
                + "\"column\":3}],\"path\":[\"booksAggregate\"],\"extensions\":{\"code\":\"BAD_USER_INPUT\",\"argument\":"
                + "\"limit\",\"classification\":\"BAD_REQUEST\"}}],\"data\":null}");
    }

    @Test
    void orderingByAKeyThatIsNotGroupedNamesTheArgumentAndTheFix() {
        assertThat(both("{ booksAggregate(groupBy: [genre], orderBy: [{key: {title: ASC}}]) { count } }", Map.of(),
                200)).contains("\"message\":\"Cannot order groups by orderBy[0].key.title: title is not a group key;"
                + " add it to groupBy or order by an aggregate\"").contains("\"code\":\"BAD_USER_INPUT\"")
                .doesNotContain("SELECT");
    }

    @Test
    void unknownFieldsAndWrongTypesAreValidationErrorsBeforeAnySqlRuns() {
        assertThat(both("{ booksAggregate(groupBy: [nope]) { count } }", Map.of(), 400))
                .contains("ValidationError").contains("nope");
        assertThat(both("{ booksAggregate(limit: \"ten\") { count } }", Map.of(), 400)).contains("ValidationError");
        assertThat(both("{ booksAggregate { sum { title } } }", Map.of(), 400))
                .contains("Field 'title' in type 'BookAggregateSum' is undefined");
        assertThat(both("{ booksAggregate(orderBy: [{sum: {title: ASC}}]) { count } }", Map.of(), 400))
                .contains("ValidationError");
    }

    @Test
    void injectionAttemptsInNamesAndValuesAreRefusedOrBoundAsValues() {
        String drop = "x'); DROP TABLE book; --";
        assertThat(both("query($t: String) { booksAggregate(where: {title: {eq: $t}}) { count } }", Map.of("t", drop),
                200)).isEqualTo("{\"data\":{\"booksAggregate\":[{\"count\":0}]}}");
        assertThat(both("query($g: [BookGroupField!]) { booksAggregate(groupBy: $g) { count } }",
                Map.of("g", List.of("title\") --")), 400)).contains("ValidationError");
        assertThat(both("query($o: [BookAggregateOrderBy!]) { booksAggregate(groupBy: [title], orderBy: $o) { count } }",
                Map.of("o", List.of(Map.of("key", Map.of("title\" DESC; --", "ASC")))), 400))
                .contains("ValidationError");
        assertThat(db.queryString("SELECT count(*) FROM book")).isEqualTo("6");
    }

    @Test
    void theDepthLimitCountsTheAggregatesNestedFields() {
        assertThat(both("{ booksAggregate(groupBy: [author_address_city]) { key { author { address { city } } } } }",
                Map.of(), 400)).contains("QUERY_TOO_DEEP");
    }

    @Test
    void aFloatOutsideTheDoubleTextRangeIsTheDocumentedDifferenceBetweenThePaths() {
        String query = "{ booksAggregate(where: {tenantId: {eq: 9}}) { avg { pages } } }";
        assertThat(new GraphQlHttp(fast).post(query))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"avg\":{\"pages\":2147483647}}]}}");
        assertThat(new GraphQlHttp(standard).post(query))
                .isEqualTo("{\"data\":{\"booksAggregate\":[{\"avg\":{\"pages\":2.147483647E9}}]}}");
    }

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- query -->\\n```graphql\\n(.*?)```\\s*<!-- answer -->\\n```json\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyExampleOfTheAggregationsPageAnswersWhatThePageShowsOnBothPaths() throws IOException {
        String page = Files.readString(Path.of("../docs/aggregations.md"), StandardCharsets.UTF_8);
        List<String[]> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(page);
        while (m.find()) {
            examples.add(new String[] {m.group(1).trim(), m.group(2)});
        }
        assertThat(examples).hasSize(5);
        for (String[] example : examples) {
            // Field errors, the page's input error included, are HTTP 200 with errors[].
            assertThat(both(example[0], Map.of(), 200)).as(example[0]).isEqualTo(example[1]);
        }
    }
}
