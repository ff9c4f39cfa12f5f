package dev.fraiseql.graphql;

import dev.fraiseql.core.execution.ExecutorSettings;
import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.testsupport.TestPostgres;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding in a plain Spring application with Spring for GraphQL and no Spring Boot: the few beans a user wires by
 * hand, a schema with a bound list, a controller method and a mutation, answering over the real database.
 */
class PlainSpringBindingTest {

    private static final String SCHEMA = """
            type Query {
              books: [Book!]! @fraiseql(view: "v_book")
              cheapBooks: [Book!]!
            }
            type Mutation {
              addBook(input: AddBookInput!): Book @fraiseql(function: "add_book")
            }
            type Book { id: Int! title: String! price: Int }
            input AddBookInput { title: String! price: Int }
            """;

    private static String database;
    private static AnnotationConfigApplicationContext context;
    private static final TestObservationRegistry observations = TestObservationRegistry.create();
    /** Every observation stopped, with its low-cardinality key values, to assert their exact set. */
    private static final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    static {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

    @BeforeAll
    static void start() throws SQLException {
        database = TestPostgres.shared().createDatabase("graphql_plain");
        try (Connection c = TestPostgres.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE tb_book (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL, price int);
                    INSERT INTO tb_book (title, price) VALUES ('Dune', 12), ('Emma', 5), ('Ubik', 8);
                    CREATE VIEW v_book AS SELECT id, price,
                        jsonb_build_object('id', id, 'title', title, 'price', price) AS data FROM tb_book;
                    CREATE FUNCTION add_book(input jsonb) RETURNS jsonb LANGUAGE sql AS $$
                        INSERT INTO tb_book (title, price) VALUES (input->>'title', (input->>'price')::int)
                        RETURNING jsonb_build_object('id', id, 'title', title, 'price', price) $$;
                    """);
        }
        context = new AnnotationConfigApplicationContext(Wiring.class, BookController.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** What a user of Spring for GraphQL without Boot writes to install the binding. */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(TestPostgres.shared().jdbcUrl(database));
            dataSource.setUser(TestPostgres.shared().user());
            dataSource.setPassword(TestPostgres.shared().password());
            return dataSource;
        }

        @Bean
        FraiseqlGraphQl fraiseql(DataSource dataSource, org.springframework.context.ApplicationContext context) {
            return FraiseqlGraphQl.builder(new QueryExecutor(dataSource, ExecutorSettings.DEFAULT)).controllers(context)
                    .observationRegistry(observations).build();
        }

        @Bean
        AnnotatedControllerConfigurer controllers(FraiseqlGraphQl fraiseql) {
            AnnotatedControllerConfigurer configurer = new AnnotatedControllerConfigurer();
            configurer.addCustomArgumentResolver(fraiseql.argumentResolver());
            return configurer;
        }

        @Bean
        GraphQlSource graphQlSource(FraiseqlGraphQl fraiseql, AnnotatedControllerConfigurer controllers) {
            GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                    .schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
                    .configureRuntimeWiring(controllers)
                    .instrumentation(List.of(fraiseql.limits()));
            fraiseql.configure(builder, List.of(fraiseql.exceptionResolver()));
            return builder.build();
        }

        @Bean
        ExecutionGraphQlService graphQlService(GraphQlSource source) {
            return new DefaultExecutionGraphQlService(source);
        }
    }

    /** A controller method that narrows the view's rows before they are read. */
    @Controller
    static class BookController {

        @QueryMapping
        @FraiseqlMapping(view = "v_book")
        Object cheapBooks(ViewQuery query) {
            return query.and("price", Map.of("lt", 10)).defaultOrderBy(List.of(Map.of("price", "ASC"))).fetch();
        }
    }

    private static String execute(String document) {
        return execute(document, null);
    }

    private static String execute(String document, Map<String, Object> variables) {
        ExecutionGraphQlService service = context.getBean(ExecutionGraphQlService.class);
        Map<String, Object> response = service.execute(new DefaultExecutionGraphQlRequest(document, null, variables,
                null, "1", Locale.ROOT)).block().toMap();
        return JsonMapper.builder().build().writeValueAsString(response);
    }

    @Test
    void directExecutionAnswersAViewBoundQueryOnceGraphQlJavaHasParsedItAndDeclinesTheRest() {
        DirectExecution direct = context.getBean(FraiseqlGraphQl.class)
                .directExecution(context.getBean(GraphQlSource.class).graphQl());
        assertThat(direct.unavailable()).isNull();
        String query = "query($p: Boolean!) { books(where: {price: {gte: 8}}, orderBy: [{price: DESC}]) {"
                + " title price @include(if: $p) } }";
        Map<String, Object> variables = Map.of("p", false);
        assertThat(direct.execute(query, null, variables, null, Map.of(), Locale.ROOT)).as("not parsed yet").isNull();
        String expected = "{\"data\":{\"books\":[{\"title\":\"Dune\"},{\"title\":\"Ubik\"}]}}";
        assertThat(execute(query, variables)).isEqualTo(expected);
        assertThat(direct.execute(query, null, variables, null, Map.of(), Locale.ROOT)).hasToString(expected);
        execute("{ cheapBooks { title } }");
        assertThat(direct.execute("{ cheapBooks { title } }", null, null, null, Map.of(), Locale.ROOT))
                .as("a controller method").isNull();
        assertThat(direct.answered()).isEqualTo(1);
        assertThat(direct.declined()).isEqualTo(2);
    }

    @Test
    void aBoundListWithGeneratedFilterAndOrderingAnswersFromTheView() {
        assertThat(execute("{ books(where: {price: {gte: 8}}, orderBy: [{price: DESC}]) { title price } }"))
                .isEqualTo("{\"data\":{\"books\":[{\"title\":\"Dune\",\"price\":12},{\"title\":\"Ubik\",\"price\":8}]}}");
    }

    @Test
    void aControllerMethodGetsItsViewQueryFromTheBinding() {
        assertThat(execute("{ cheapBooks { title } }"))
                .isEqualTo("{\"data\":{\"cheapBooks\":[{\"title\":\"Emma\"},{\"title\":\"Ubik\"}]}}");
    }

    @Test
    void aBoundMutationCallsItsFunction() {
        assertThat(execute("mutation { addBook(input: {title: \"Kim\", price: 3}) { title price } }"))
                .isEqualTo("{\"data\":{\"addBook\":{\"title\":\"Kim\",\"price\":3}}}");
        assertThat(execute("{ cheapBooks { title } }"))
                .isEqualTo("{\"data\":{\"cheapBooks\":[{\"title\":\"Kim\"},{\"title\":\"Emma\"},{\"title\":\"Ubik\"}]}}");
    }

    @Test
    void aFilterOnAnUnknownOperatorIsAValidationErrorNamingIt() {
        assertThat(execute("{ books(where: {price: {near: 8}}) { title } }")).contains("near");
    }

    private static Map<String, String> keyValues(Observation.Context context) {
        Map<String, String> out = new java.util.TreeMap<>();
        context.getLowCardinalityKeyValues().forEach(kv -> out.put(kv.getKey(), kv.getValue()));
        context.getHighCardinalityKeyValues().forEach(kv -> out.put("high:" + kv.getKey(), kv.getValue()));
        return out;
    }

    @Test
    void eachBoundFieldsDatabaseWorkIsAnObservationTaggedWithTheFieldTheViewAndTheOutcome() {
        observations.clear();
        stopped.clear();
        execute("{ books(orderBy: [{price: ASC}], limit: 1) { title } }");

        assertThat(observations).hasSingleObservationThat().hasNameEqualTo("fraiseql.query")
                .hasContextualNameEqualTo("query Query.books").hasBeenStarted().hasBeenStopped();
        assertThat(stopped).hasSize(1);
        assertThat(keyValues(stopped.get(0))).isEqualTo(Map.of("fraiseql.field", "Query.books", "fraiseql.view",
                "v_book", "outcome", "SUCCESS", "error.code", "none"));
    }

    @Test
    void aMutationIsObservedWithItsFunctionAndAFailureWithTheCodeTheClientSees() {
        observations.clear();
        stopped.clear();
        execute("mutation { addBook(input: {title: \"Observed\"}) { title } }");
        execute("{ cheapBooks(limit: 5000) { title } }");

        assertThat(stopped).hasSize(2);
        assertThat(stopped.get(0).getName()).isEqualTo("fraiseql.mutation");
        assertThat(keyValues(stopped.get(0))).isEqualTo(Map.of("fraiseql.field", "Mutation.addBook",
                "fraiseql.function", "add_book", "outcome", "SUCCESS", "error.code", "none"));
        assertThat(stopped.get(1).getName()).isEqualTo("fraiseql.query");
        assertThat(keyValues(stopped.get(1))).isEqualTo(Map.of("fraiseql.field", "Query.cheapBooks",
                "fraiseql.view", "v_book", "outcome", "ERROR", "error.code", "BAD_USER_INPUT"));
        assertThat(stopped.get(1).getError()).isNotNull();
    }
}
