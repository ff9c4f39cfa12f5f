package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.core.query.PageSettings;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class QueryCostTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query {
              books(limit: Int, offset: Int): [Book!]
              booksConnection(first: Int, last: Int): BookConnection
              book: Book
              bookCount: Int
              serverName: String
            }
            type Mutation { createBook(title: String): Book }
            type Book { title: String reviews: [Review!]! author: Author }
            type Author { name: String books: [Book] }
            type Review { rating: Int }
            type BookConnection { edges: [BookEdge!]! totalCount: Int! pageInfo: PageInfo }
            type BookEdge { cursor: String node: Book }
            type PageInfo { hasNextPage: Boolean }
            """), RuntimeWiring.newRuntimeWiring().build());

    private static final Map<String, FieldReach> REACHES = Map.of("Query.books", FieldReach.PAGE,
            "Query.booksConnection", FieldReach.CONNECTION, "Query.book", FieldReach.ROW,
            "Query.bookCount", FieldReach.SCAN, "Mutation.createBook", FieldReach.ROW);

    private static final Pattern COST = Pattern.compile("could read about (\\d+) rows");

    private static GraphQL graphQl(long maxCost) {
        return GraphQL.newGraphQL(SCHEMA).instrumentation(new QueryLimits(0, 0, 0, 0, maxCost, new PageSettings(20, 100),
                REACHES::get)).build();
    }

    /** The estimated cost: a limit of 1 refuses anything dearer and names its cost. */
    private static long cost(String query, Map<String, Object> variables) {
        ExecutionResult result = graphQl(1).execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        if (result.getErrors().isEmpty()) {
            return 1;
        }
        Matcher m = COST.matcher(result.getErrors().get(0).getMessage());
        assertThat(m.find()).as(result.getErrors().get(0).getMessage()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long cost(String query) {
        return cost(query, Map.of());
    }

    @Test
    void aRootListCostsItsLimitOrTheDefaultPageSizeCappedAtTheLargest() {
        assertThat(cost("{ books { title } }")).isEqualTo(20);
        assertThat(cost("{ books(limit: 7) { title author { name } } }")).isEqualTo(7);
        assertThat(cost("{ books(limit: 1000) { title } }")).isEqualTo(100);
    }

    @Test
    void theRowsAnOffsetSkipsCountTooSoADeepPageCannotSlipUnderTheLimit() {
        assertThat(cost("{ books(limit: 10, offset: 5000) { reviews { rating } } }")).isEqualTo(5000 + 10 * (1 + 10));
        assertThat(cost("query($o: Int) { books(limit: 10, offset: $o) { title } }", Map.of("o", 90))).isEqualTo(100);
    }

    @Test
    void aListInsideTheJsonCountsTenElementsMultipliedThroughNesting() {
        assertThat(cost("{ books(limit: 5) { reviews { rating } } }")).isEqualTo(5 * (1 + 10));
        assertThat(cost("{ book { author { books { reviews { rating } } } } }")).isEqualTo(1 + 10 * (1 + 10));
    }

    @Test
    void aConnectionCostsItsEdgesPerPageAndTotalCountAFullPage() {
        assertThat(cost("{ booksConnection(first: 30) { edges { node { reviews { rating } } } } }"))
                .isEqualTo(30 * (1 + 10));
        assertThat(cost("{ booksConnection(last: 4) { totalCount pageInfo { hasNextPage } edges { cursor } } }"))
                .isEqualTo(100 + 4);
        assertThat(cost("{ booksConnection { edges { node { title } } } }")).isEqualTo(20);
    }

    @Test
    void aSingleRowCostsOneAScanTheLargestPageAndAnUnboundFieldOne() {
        assertThat(cost("{ book { title } bookCount serverName }")).isEqualTo(1 + 100 + 1);
        assertThat(cost("mutation { createBook(title: \"x\") { reviews { rating } } }")).isEqualTo(1 + 10);
    }

    @Test
    void fragmentsCountWhereTheyAreSpreadAndSkippedSelectionsDoNotCount() {
        assertThat(cost("{ books(limit: 2) { ...r } } fragment r on Book { reviews { rating } }")).isEqualTo(2 * 11);
        assertThat(cost("{ books(limit: 2) { ... on Book { reviews @skip(if: true) { rating } } } }")).isEqualTo(2);
    }

    @Test
    void aLimitGivenAsAVariableIsResolvedOnEveryRequest() {
        String query = "query($n: Int) { books(limit: $n) { reviews { rating } } }";
        GraphQL limited = graphQl(500);
        assertThat(limited.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("n", 40)).build())
                .getErrors()).isEmpty();
        assertThat(limited.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("n", 50)).build())
                .getErrors().get(0).getMessage()).isEqualTo("The query could read about 550 rows (its estimated cost),"
                        + " more than the maximum cost of 500 (fraiseql.graphql.max-cost): ask for smaller pages with"
                        + " limit, first or last, select fewer nested lists, or split the query");
        assertThat(limited.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("n", 40)).build())
                .getErrors()).isEmpty();
        assertThat(cost(query, Map.of())).isEqualTo(20 * 11);
    }

    @Test
    void aQueryOverTheMaximumIsRefusedWithItsCodeAndAMaximumOfZeroChecksNothing() {
        ExecutionResult refused = graphQl(100).execute("{ books(limit: 10) { reviews { rating } } }");
        assertThat(refused.getErrors().get(0).getExtensions()).isEqualTo(Map.of("code", "QUERY_TOO_COSTLY"));
        assertThat(graphQl(110).execute("{ books(limit: 10) { reviews { rating } } }").getErrors()).isEmpty();
        assertThat(graphQl(0).execute("{ books(limit: 100) { reviews { rating } } }").getErrors()).isEmpty();
    }

    @Test
    void deepNestingSaturatesInsteadOfOverflowing() {
        // 20 nested lists of 10 elements each: 10^20 rows, more than a long holds.
        String query = "{ book { title " + "author { books { ".repeat(20) + "title" + " } }".repeat(20) + " } }";
        assertThat(cost(query)).isEqualTo(Long.MAX_VALUE);
    }
}
