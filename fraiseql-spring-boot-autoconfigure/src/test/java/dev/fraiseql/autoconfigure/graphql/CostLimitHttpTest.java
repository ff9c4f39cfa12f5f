package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** The cost limit at its default over real HTTP: a page of the largest size with its reviews runs, ten do not. */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CostLimitHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_cost");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    static String pages(int count, String limit) {
        StringBuilder query = new StringBuilder(limit.startsWith("$") ? "query($n: Int) {" : "{");
        for (int i = 0; i < count; i++) {
            query.append(" p").append(i).append(": books(limit: ").append(limit).append(", where: {id: {eq: 1}})"
                    + " { reviews { rating } }");
        }
        return query.append(" }").toString();
    }

    @Test
    void aQueryWithinTheDefaultCostRuns() {
        assertThat(new GraphQlHttp(port).post(pages(1, "100"))).isEqualTo("{\"data\":{\"p0\":[{\"reviews\":"
                + "[{\"rating\":5},{\"rating\":4}]}]}}");
    }

    @Test
    void aQueryOverTheDefaultCostIsRefusedWithItsCodeBeforeAnythingRuns() {
        var response = new GraphQlHttp(port).exchange(pages(10, "100"), Map.of(), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"The query could read about 11000 rows (its"
                + " estimated cost), more than the maximum cost of 10000 (fraiseql.graphql.max-cost): ask for smaller"
                + " pages with limit, first or last, select fewer nested lists, or split the query\",\"extensions\":"
                + "{\"code\":\"QUERY_TOO_COSTLY\",\"classification\":\"ExecutionAborted\"}}]}");
    }

    @Test
    void aLimitGivenAsAVariableIsPricedWithItsValue() {
        GraphQlHttp http = new GraphQlHttp(port);
        assertThat(http.exchange(pages(10, "$n"), Map.of("n", 90), Map.of()).body()).startsWith("{\"data\":");
        assertThat(http.exchange(pages(10, "$n"), Map.of("n", 91), Map.of()).body()).startsWith("{\"errors\":"
                + "[{\"message\":\"The query could read about 10010 rows (its estimated cost), more than the maximum"
                + " cost of 10000 (fraiseql.graphql.max-cost)");
    }

    @Test
    void anAggregateCostsAScanOfTheLargestPageLikeACount() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LibraryTestApplication.class)
                .properties(db.properties()).properties("server.port=0", "fraiseql.graphql.max-cost=150").run()) {
            GraphQlHttp http = new GraphQlHttp(app);
            assertThat(http.post("{ booksAggregate { count } }")).isEqualTo("{\"data\":{\"booksAggregate\":"
                    + "[{\"count\":4}]}}");
            assertThat(http.exchange("{ a: booksAggregate { count } b: booksAggregate { count } }", Map.of(), Map.of())
                    .body()).startsWith("{\"errors\":[{\"message\":\"The query could read about 200 rows (its estimated"
                    + " cost), more than the maximum cost of 150 (fraiseql.graphql.max-cost)");
        }
    }
}
