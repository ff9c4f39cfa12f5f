package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.autoconfigure.graphql.testapp.LibraryTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct execution over real HTTP: which requests the POST route answers without graphql-java, that they get the bytes,
 * status and content type graphql-java gives them, and that everything else is handed on and answered as before. The
 * application has Actuator (so Spring for GraphQL observes requests), no interceptor, and the tenant header as a
 * {@link FraiseqlRequestSettings} bean.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"library.tenant-interceptor=false", "library.tenant-settings=true"})
class DirectExecutionHttpTest {

    static final LibraryDatabase db = LibraryDatabase.create("gql_direct");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        db.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphQlPostHandler handler;

    @Autowired
    MeterRegistry meters;

    private final HttpClient client = HttpClient.newHttpClient();

    /** Posts a body as it is, with the given Accept header ({@code null} for none). */
    HttpResponse<String> post(String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the route answered {@code body} itself, sending it once more to be sure it had been parsed before. */
    private record Outcome(HttpResponse<String> first, HttpResponse<String> second, boolean direct) {
    }

    Outcome twice(String body, String accept) {
        HttpResponse<String> first = post(body, accept);
        long answered = handler.answered();
        HttpResponse<String> second = post(body, accept);
        return new Outcome(first, second, handler.answered() == answered + 1);
    }

    @Test
    void aRepeatedLookupIsAnsweredDirectlyWithTheBytesStatusAndContentTypeGraphQlJavaGaveTheFirstTime() {
        for (String accept : new String[] {"application/graphql-response+json", "application/json", null,
                "text/html, application/json;q=0.9"}) {
            Outcome o = twice("{\"query\":\"{ book(id: 2) { title pages } }\"}", accept);
            assertThat(o.direct()).as("answered directly with Accept %s", accept).isTrue();
            assertThat(o.second().body()).isEqualTo("{\"data\":{\"book\":{\"title\":\"Solaris\",\"pages\":204}}}")
                    .isEqualTo(o.first().body());
            assertThat(o.second().statusCode()).isEqualTo(200).isEqualTo(o.first().statusCode());
            assertThat(o.second().headers().firstValue("Content-Type"))
                    .isEqualTo(o.first().headers().firstValue("Content-Type"));
        }
        assertThat(post("{\"query\":\"{ book(id: 2) { title } }\"}", "application/graphql-response+json").headers()
                .firstValue("Content-Type")).hasValue("application/graphql-response+json");
    }

    @Test
    void variablesDirectivesAliasesFragmentsAndTypenameAreAnsweredDirectly() {
        String body = """
                {"query":"query Q($id: ID!, $more: Boolean!) { __typename first: book(id: $id) { ...T } \
                ... on Query { second: book(id: 3) @include(if: $more) { title } } }\
                 fragment T on Book { title pages @skip(if: $more) }",\
                "operationName":"Q","variables":{"id":"2","more":false},"extensions":{}}""";
        Outcome o = twice(body, "application/json");
        assertThat(o.direct()).isTrue();
        assertThat(o.second().body()).isEqualTo(
                "{\"data\":{\"__typename\":\"Query\",\"first\":{\"title\":\"Solaris\",\"pages\":204}}}");
        Outcome more = twice(body.replace("\"more\":false", "\"more\":true"), "application/json");
        assertThat(more.direct()).isTrue();
        assertThat(more.second().body()).isEqualTo("{\"data\":{\"__typename\":\"Query\",\"first\":{\"title\":"
                + "\"Solaris\"},\"second\":{\"title\":\"SPQR\"}}}");
    }

    @Test
    void listsFiltersAndAggregatesAreAnsweredDirectly() {
        Outcome o = twice("{\"query\":\"{ books(where: {pages: {gte: 300}}, orderBy: [{title: ASC}]) { title }"
                + " booksAggregate { count } }\"}", "application/json");
        assertThat(o.direct()).isTrue();
        assertThat(o.second().body()).isEqualTo(o.first().body()).isEqualTo("{\"data\":{\"books\":[{\"title\":"
                + "\"SPQR\"},{\"title\":\"The Dispossessed\"}],\"booksAggregate\":[{\"count\":4}]}}");
        Outcome again = twice("{\"query\":\"{ books(where: {pages: {gte: 300}}, orderBy: [{title: ASC}]) { title }"
                + " booksAggregate { count } }\"}", "application/json");
        assertThat(again.direct()).as("with the literal arguments coerced before").isTrue();
        assertThat(again.first().body()).isEqualTo(again.second().body()).isEqualTo(o.second().body());
    }

    @Test
    void aBadVariableIsHandedOnAndAnsweredByGraphQlJavaWithItsError() {
        Outcome o = twice("{\"query\":\"query($id: ID!) { book(id: $id) { title } }\",\"variables\":{\"id\":null}}",
                "application/json");
        assertThat(o.direct()).isFalse();
        assertThat(o.second().body()).isEqualTo(o.first().body()).startsWith("{\"errors\":[{\"message\":\"Variable 'id'");
    }

    @Test
    void aBadFilterValueFailsOnTheDirectPathAndGetsGraphQlJavasErrorNamingTheField() {
        Outcome o = twice("{\"query\":\"{ books(limit: 500) { title } }\"}", "application/json");
        assertThat(o.direct()).isFalse();
        assertThat(o.second().body()).isEqualTo(o.first().body()).contains("\"errors\"").contains("500");
    }

    /**
     * A connection page is written whole by its fetcher; one that selects its node twice declines before it reads, so
     * that graphql-java's answer is the request's only statement ({@code fraiseql.query} times each).
     */
    @Test
    void aConnectionPageIsAnsweredDirectlyAndOneSelectingItsNodeTwiceIsReadOnceByGraphQlJava() {
        Outcome o = twice("{\"query\":\"{ booksConnection(first: 2, orderBy: [{title: ASC}]) { __typename totalCount"
                + " edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }\"}", "application/json");
        assertThat(o.direct()).isTrue();
        assertThat(o.second().body()).isEqualTo(o.first().body()).isEqualTo("{\"data\":{\"booksConnection\":{"
                + "\"__typename\":\"BookConnection\",\"totalCount\":4,\"edges\":[{\"cursor\":\"WyJTUFFSIiwgIjMiXQ\","
                + "\"node\":{\"title\":\"SPQR\"}},{\"cursor\":\"WyJTb2xhcmlzIiwgIjIiXQ\",\"node\":{\"title\":\"Solaris\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"WyJTb2xhcmlzIiwgIjIiXQ\"}}}}");
        String twice = "{\"query\":\"{ booksConnection(first: 2) { edges { a: node { id } b: node { title } } } }\"}";
        post(twice, "application/json");
        Timer statements = meters.find("fraiseql.query").tag("fraiseql.field", "Query.booksConnection").timer();
        long before = statements.count();
        Outcome t = twice(twice, "application/json");
        assertThat(t.direct()).isFalse();
        assertThat(statements.count()).isEqualTo(before + 2);
        assertThat(t.second().body()).isEqualTo(t.first().body()).isEqualTo("{\"data\":{\"booksConnection\":{\"edges\":["
                + "{\"a\":{\"id\":\"1\"},\"b\":{\"title\":\"The Dispossessed\"}},{\"a\":{\"id\":\"2\"},\"b\":{\"title\":"
                + "\"Solaris\"}}]}}}");
    }

    @Test
    void introspectionHashesSentWithTheirQueryAndUnknownBodyMembersAreHandedOn() {
        for (String body : new String[] {
                "{\"query\":\"{ __schema { queryType { name } } }\"}",
                "{\"query\":\"{ book(id: 2) { title } }\",\"extensions\":{\"persistedQuery\":{\"version\":1,"
                        + "\"sha256Hash\":\"0000\"}}}",
                "{\"query\":\"{ book(id: 2) { title } }\",\"somethingElse\":1}"}) {
            Outcome o = twice(body, "application/json");
            assertThat(o.direct()).as(body).isFalse();
            assertThat(o.second().body()).as(body).isEqualTo(o.first().body());
        }
    }

    /** The first request of the document goes through graphql-java (the settings bean's interceptor), the rest direct. */
    @Test
    void requestSettingsReachPostgresOnTheDirectPathAndOnGraphQlJavasAlike() {
        String body = "{\"query\":\"{ myBooks { id } }\"}";
        for (String tenant : new String[] {"2", "1"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("X-Tenant", tenant)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            long answered = handler.answered();
            String first = send(request).body();
            String second = send(request).body();
            assertThat(first).isEqualTo(second).isEqualTo(tenant.equals("2") ? "{\"data\":{\"myBooks\":[{\"id\":\"3\"}]}}"
                    : "{\"data\":{\"myBooks\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"4\"}]}}");
            assertThat(handler.answered()).isGreaterThan(answered);
        }
        assertThat(post(body, "application/json").body()).isEqualTo("{\"data\":{\"myBooks\":[]}}");
    }

    @Test
    void aMutationIsHandedOnEvenWhenItsDocumentIsParsedAlready() {
        Outcome o = twice("{\"query\":\"mutation { quote(title: \\\"Dune\\\") { title } }\"}", "application/json");
        assertThat(o.direct()).isFalse();
        assertThat(o.second().body()).isEqualTo("{\"data\":{\"quote\":{\"title\":\"Dune\"}}}");
    }

    @Test
    void aPersistedQueryNamedOnlyByItsHashIsAnsweredDirectlyOnceRegistered() throws Exception {
        String query = "{ book(id: 3) { title } }";
        String hash = PersistedQueriesHttpTest.sha256(query);
        String byHash = "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";
        assertThat(post(byHash, "application/json").body()).contains("PersistedQueryNotFound");
        String register = "{\"query\":\"" + query + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,"
                + "\"sha256Hash\":\"" + hash + "\"}}}";
        assertThat(post(register, "application/json").body()).isEqualTo("{\"data\":{\"book\":{\"title\":\"SPQR\"}}}");
        long answered = handler.answered();
        assertThat(post(byHash, "application/json").body()).isEqualTo("{\"data\":{\"book\":{\"title\":\"SPQR\"}}}");
        assertThat(handler.answered()).isEqualTo(answered + 1);
    }

    @Test
    void aGetQueryIsAnsweredDirectlyFromItsSecondRequestOn() {
        GraphQlHttp http = new GraphQlHttp(port);
        Map<String, Object> parameters = Map.of("query", "query($id: ID!) { book(id: $id) { pages } }",
                "variables", Map.of("id", "1"));
        HttpResponse<String> first = http.get(parameters);
        long answered = handler.answered();
        HttpResponse<String> second = http.get(parameters);
        assertThat(handler.answered()).isEqualTo(answered + 1);
        assertThat(second.body()).isEqualTo(first.body()).isEqualTo("{\"data\":{\"book\":{\"pages\":387}}}");
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
    }

    @Test
    void directRequestsAreCountedAndObservedAsGraphQlRequestsLikeGraphQlJavasOwn() {
        double before = requests("SUCCESS");
        double answered = meters.get("fraiseql.graphql.direct").tag("outcome", "answered").functionCounter().count();
        Outcome o = twice("{\"query\":\"{ book(id: 1) { title } }\"}", "application/json");
        assertThat(o.direct()).isTrue();
        assertThat(requests("SUCCESS")).isEqualTo(before + 2);
        assertThat(meters.get("fraiseql.graphql.direct").tag("outcome", "answered").functionCounter().count())
                .isEqualTo(answered + 1);
        assertThat(meters.get("fraiseql.graphql.direct").tag("outcome", "declined").functionCounter().count())
                .isGreaterThan(0);
    }

    private double requests(String outcome) {
        Timer timer = meters.find("graphql.request").tag("graphql.outcome", outcome)
                .tag("graphql.operation.type", "query").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void theBodyReaderTakesOnlyQueryOperationNameVariablesExtensionsAndInTheAllowListModeADocumentId() {
        assertThat(GraphQlPostHandler.body(bytes("{\"query\":\"{ a }\",\"operationName\":null,\"variables\":null}"),
                false)).hasToString("Body[query={ a }, operationName=null, variables=null, extensions=null]");
        assertThat(GraphQlPostHandler.body(bytes("{\"variables\":{\"n\":1,\"w\":{\"x\":\"y\"}},\"query\":\"q\","
                + "\"extensions\":{\"persistedQuery\":{\"version\":1}},\"operationName\":\"Q\"}"), false))
                .hasToString("Body[query=q, operationName=Q, variables={n=1, w={x=y}},"
                        + " extensions={persistedQuery={version=1}}]");
        assertThat(GraphQlPostHandler.body(bytes("{\"documentId\":\"abc\",\"extensions\":{\"k\":true}}"), true))
                .hasToString("Body[query=null, operationName=null, variables=null, extensions={k=true, documentId=abc}]");
        assertThat(GraphQlPostHandler.body(bytes("{\"documentId\":\"abc\"}"), false)).isNull();
        for (String refused : new String[] {"[]", "{\"query\":1}", "{\"query\":\"a\",\"query\":\"b\"}",
                "{\"query\":\"a\",\"somethingElse\":1}", "{\"query\":\"a\",\"variables\":[1]}",
                "{\"query\":\"a\",\"extensions\":\"x\"}", "{\"query\":\"a\"} trailing", "{\"query\":\"a\""}) {
            assertThat(GraphQlPostHandler.body(bytes(refused), false)).as(refused).isNull();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
