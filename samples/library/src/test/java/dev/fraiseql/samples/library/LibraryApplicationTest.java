package dev.fraiseql.samples.library;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fraiseql.embedded.fresh=true")
class LibraryApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    private HttpResponse<String> post(String path, String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsWithNoConfigurationAndServesBooksOverHttp() throws Exception {
        HttpResponse<String> response = post("/graphql",
                "{\"query\":\"{ books { id title publishedOn author { name } } }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"books\":["
                + "{\"id\":\"1\",\"title\":\"A Wizard of Earthsea\",\"publishedOn\":\"1968-11-01\",\"author\":{\"name\":\"Ursula K. Le Guin\"}},"
                + "{\"id\":\"2\",\"title\":\"The Left Hand of Darkness\",\"publishedOn\":\"1969-03-01\",\"author\":{\"name\":\"Ursula K. Le Guin\"}},"
                + "{\"id\":\"3\",\"title\":\"Kindred\",\"publishedOn\":\"1979-06-01\",\"author\":{\"name\":\"Octavia E. Butler\"}},"
                + "{\"id\":\"4\",\"title\":\"Solaris\",\"publishedOn\":\"1961-01-01\",\"author\":{\"name\":\"Stanisław Lem\"}}]}}");
    }

    @Test
    void servesGraphiql() throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + this.port + "/graphiql?path=/graphql")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>GraphiQL</title>");
    }

    @Test
    void theHealthEndpointShowsThePool() throws Exception {
        HttpResponse<String> response = get("/actuator/health/fraiseql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"details\":\\{\"pool\":\"fraiseql\",\"max\":20,\"total\":\\d+,"
                + "\"active\":\\d+,\"idle\":\\d+,\"waiting\":0},\"status\":\"UP\"}");
    }

    @Test
    void theHikariMetricsOfThePoolArePublished() throws Exception {
        HttpResponse<String> response = get("/actuator/metrics/hikaricp.connections.max?tag=pool:fraiseql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("{\"statistic\":\"VALUE\",\"value\":20.0}");
    }

    @Test
    void filtersOrdersAndPagesWithTheGeneratedArguments() throws Exception {
        HttpResponse<String> response = post("/graphql", "{\"query\":\"{ books(where: {author: {name: {eq: \\\"Ursula K."
                + " Le Guin\\\"}}}, orderBy: [{pages: DESC}], limit: 1) { title pages } }\"}");
        assertThat(response.body()).isEqualTo(
                "{\"data\":{\"books\":[{\"title\":\"The Left Hand of Darkness\",\"pages\":286}]}}");
    }

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void createBookRunsTheFunctionAndTheNewBookIsReadable() throws Exception {
        try {
            createAndRead();
        } finally {
            this.jdbc.update("DELETE FROM tv_book WHERE id > 4");
            this.jdbc.update("DELETE FROM book WHERE id > 4");
        }
    }

    private void createAndRead() throws Exception {
        String mutation = "mutation { createBook(input: {title: \\\"Parable of the Sower\\\", authorId: \\\"2\\\","
                + " pages: 345}) { __typename ... on CreateBookSuccess { status book { title author { name } } }"
                + " ... on CreateBookError { code message } } }";
        HttpResponse<String> created = post("/graphql", "{\"query\":\"" + mutation + "\"}");
        assertThat(created.body()).isEqualTo("{\"data\":{\"createBook\":{\"__typename\":\"CreateBookSuccess\","
                + "\"status\":\"created\",\"book\":{\"title\":\"Parable of the Sower\",\"author\":{\"name\":"
                + "\"Octavia E. Butler\"}}}}}");
        HttpResponse<String> read = post("/graphql",
                "{\"query\":\"{ books(where: {title: {eq: \\\"Parable of the Sower\\\"}}) { pages } }\"}");
        assertThat(read.body()).isEqualTo("{\"data\":{\"books\":[{\"pages\":345}]}}");
        String missing = mutation.replace("authorId: \\\"2\\\"", "authorId: \\\"99\\\"");
        assertThat(post("/graphql", "{\"query\":\"" + missing + "\"}").body()).isEqualTo("{\"data\":{\"createBook\":"
                + "{\"__typename\":\"CreateBookError\",\"code\":404,\"message\":\"no author with id 99\"}}}");
    }
}
