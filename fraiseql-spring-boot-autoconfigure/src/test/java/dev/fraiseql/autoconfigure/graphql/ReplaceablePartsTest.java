package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.json.JsonProjector;
import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.core.query.SelectRenderer;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.where.FilterException;
import dev.fraiseql.core.where.WhereRenderer;
import dev.fraiseql.graphql.FraiseqlExceptionResolver;
import dev.fraiseql.graphql.FraiseqlGraphQlCustomizer;
import dev.fraiseql.graphql.RowConverter;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every part a user may want to change can be replaced, through a {@link FraiseqlGraphQlCustomizer} or a bean of
 * their own, and each replacement is the one that serves a real request over HTTP.
 */
class ReplaceablePartsTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_parts");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** Counts how often each replacement is used. */
    static final AtomicInteger whereCalls = new AtomicInteger();
    static final AtomicInteger projections = new AtomicInteger();
    static final AtomicInteger conversions = new AtomicInteger();
    static final AtomicInteger connections = new AtomicInteger();
    static final AtomicInteger queries = new AtomicInteger();

    /** A WHERE renderer that renders as the default one does and counts its calls. */
    static final class CountingWhere extends WhereRenderer {
        CountingWhere(TypeRegistry types) {
            super(types);
        }

        @Override
        public void render(TypeDef type, Map<String, ?> where, String tableAlias, SqlBuilder out) {
            whereCalls.incrementAndGet();
            super.render(type, where, tableAlias, out);
        }
    }

    /** A row converter that marks every title it reads. */
    static final class MarkingConverter extends RowConverter {
        MarkingConverter(TypeRegistry types) {
            super(types);
        }

        @Override
        public Map<String, Object> read(byte[] json, TypeDef type) {
            conversions.incrementAndGet();
            Map<String, Object> row = super.read(json, type);
            row.computeIfPresent("title", (k, v) -> "[" + v + "]");
            return row;
        }
    }

    /** An exception resolver that words page-size errors its own way. */
    static final class OwnResolver extends FraiseqlExceptionResolver {
        @Override
        protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
            if (ex instanceof FilterException) {
                return GraphqlErrorBuilder.newError(env).message("page too large, says the application").build();
            }
            return super.resolveToSingleError(ex, env);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Parts {

        @Bean
        FraiseqlGraphQlCustomizer renderersConverterProjectorAndScalar() {
            return builder -> builder
                    .whereRenderer(CountingWhere::new)
                    .rowConverter(MarkingConverter::new)
                    .projector(selection -> {
                        JsonProjector projector = new JsonProjector(selection);
                        return (row, out) -> {
                            projections.incrementAndGet();
                            boolean kept = projector.project(row, out);
                            // A group of two rows is declared broken, to see the aggregate field fall back.
                            return kept && (row == null || !new String(row, StandardCharsets.UTF_8).contains("\"count\": 2"));
                        };
                    })
                    .scalar(GraphQLScalarType.newScalar().name("Date").description("The application's own Date.")
                            .coercing(new graphql.schema.Coercing<Object, Object>() { }).build());
        }

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

        @Bean
        FraiseqlExceptionResolver ownResolver() {
            return new OwnResolver();
        }

        @Bean
        QueryExecutor ownExecutor(DataSource dataSource) {
            return new QueryExecutor(new DelegatingDataSource(dataSource) {
                @Override
                public Connection getConnection() throws SQLException {
                    connections.incrementAndGet();
                    return super.getConnection();
                }
            }, ExecutorSettings.DEFAULT);
        }
    }

    @Nested
    @SpringBootTest(classes = {LibraryTestApplication.class, Parts.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class CustomizedParts {

        @LocalServerPort
        int port;

        @Test
        void theApplicationsWhereRendererFiltersTheRows() {
            int before = whereCalls.get();
            assertThat(new GraphQlHttp(port).post("{ books(where: {pages: {gte: 300}}) { title } }"))
                    .isEqualTo("{\"data\":{\"books\":[{\"title\":\"The Dispossessed\"},{\"title\":\"SPQR\"}]}}");
            assertThat(whereCalls.get()).isGreaterThan(before);
        }

        @Test
        void theApplicationsProjectorWritesTheRowsOfTheFastPath() {
            int before = projections.get();
            new GraphQlHttp(port).post("{ book(id: 2) { title } }");
            assertThat(projections.get()).isEqualTo(before + 1);
        }

        @Test
        void aGroupTheApplicationsProjectorDeclaresBrokenMakesTheAggregateFallBackToTheConverter() {
            int before = conversions.get();
            assertThat(new GraphQlHttp(port).post("{ booksAggregate(groupBy: [genre]) { key { genre } count } }"))
                    .isEqualTo("{\"data\":{\"booksAggregate\":[{\"key\":{\"genre\":\"FICTION\"},\"count\":2},{\"key\":"
                            + "{\"genre\":\"HISTORY\"},\"count\":1},{\"key\":{\"genre\":null},\"count\":1}]}}");
            assertThat(conversions.get()).as("the three groups read again by the converter").isEqualTo(before + 3);
        }

        @Test
        void theApplicationsRowConverterReadsTheRowsAControllerMethodPostProcesses() {
            assertThat(new GraphQlHttp(port).post("{ shoutedBooks(limit: 1) { title } }"))
                    .isEqualTo("{\"data\":{\"shoutedBooks\":[{\"title\":\"[THE DISPOSSESSED]\"}]}}");
        }

        @Test
        void theApplicationsScalarReplacesTheOneTheBindingDeclares() {
            assertThat(new GraphQlHttp(port).post("{ __type(name: \"Date\") { description } }"))
                    .isEqualTo("{\"data\":{\"__type\":{\"description\":\"The application's own Date.\"}}}");
        }

        @Test
        void theApplicationsExceptionResolverWordsTheBindingsErrors() {
            assertThat(new GraphQlHttp(port).post("{ books(limit: 5000) { title } }"))
                    .contains("\"message\":\"page too large, says the application\"");
        }

        @Autowired
        TestObservationRegistry observations;

        @Test
        void theApplicationsObservationRegistryRecordsEachBoundFieldsDatabaseWork() {
            observations.clear();
            new GraphQlHttp(port).post("{ book(id: 2) { title } }");
            assertThat(observations).hasObservationWithNameEqualTo("fraiseql.query").that()
                    .hasLowCardinalityKeyValue("fraiseql.field", "Query.book")
                    .hasLowCardinalityKeyValue("fraiseql.view", "v_book")
                    .hasLowCardinalityKeyValue("outcome", "SUCCESS");
        }

        @Test
        void theApplicationsExecutorRunsTheStatements() {
            int before = connections.get();
            new GraphQlHttp(port).post("{ books { id } }");
            assertThat(connections.get()).isGreaterThan(before);
        }
    }

    /** A query strategy that completes fields the standard way and counts the operations it runs. */
    static final class CountingStrategy extends AsyncExecutionStrategy {
        CountingStrategy(DataFetcherExceptionHandler handler) {
            super(handler);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
            queries.incrementAndGet();
            return (CompletableFuture<ExecutionResult>) super.execute(context, parameters);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Strategy {

        @Bean
        FraiseqlGraphQlCustomizer standardRendererAndStrategy() {
            return builder -> builder.selectRenderer(types -> new SelectRenderer(types, new PageSettings(2, 3)))
                    .queryExecutionStrategy(CountingStrategy::new);
        }
    }

    @Nested
    @SpringBootTest(classes = {LibraryTestApplication.class, Strategy.class},
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fraiseql.graphql.execution=standard")
    class CustomizedStrategyAndSelectRenderer {

        @LocalServerPort
        int port;

        @Test
        void theApplicationsQueryStrategyRunsTheQueries() {
            int before = queries.get();
            assertThat(new GraphQlHttp(port).post("{ book(id: 2) { title } }"))
                    .isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\"}}}");
            assertThat(queries.get()).isEqualTo(before + 1);
        }

        @Test
        void theApplicationsSelectRendererPagesWithItsOwnSizes() {
            assertThat(new GraphQlHttp(port).post("{ books { id } }"))
                    .isEqualTo("{\"data\":{\"books\":[{\"id\":\"1\"},{\"id\":\"2\"}]}}");
        }
    }
}
