package dev.fraiseql.autoconfigure.graphql.zerojava;

import dev.fraiseql.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/** Point 1 of the GraphQL issue: an application with no Java beyond {@code @SpringBootApplication} serves reads and writes. */
@SpringBootTest(classes = ZeroJavaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZeroJavaHttpTest {

    static final String DATABASE = createDatabase();

    static String createDatabase() {
        String name = TestPostgres.shared().createDatabase("gql_zero_java");
        try (InputStream in = ZeroJavaHttpTest.class.getResourceAsStream("/fraiseql-test/library.sql");
                Connection c = TestPostgres.shared().connect(name); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fraiseql.db.url", () -> TestPostgres.shared().postgresUrl(DATABASE));
        registry.add("spring.graphql.schema.locations", () -> "classpath:fraiseql-test/graphql/");
    }

    @LocalServerPort
    int port;

    String post(String query) throws Exception {
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void readsFilteredListsAndSingleObjectsWithoutAnyJava() throws Exception {
        assertThat(post("{ books(where: {pages: {gt: 300}}, orderBy: [{pages: ASC}]) { title author { name } }"
                + " book(id: 2) { title } }")).isEqualTo("{\"data\":{\"books\":[{\"title\":\"The Dispossessed\","
                + "\"author\":{\"name\":\"Ursula K. Le Guin\"}},{\"title\":\"SPQR\",\"author\":{\"name\":\"Mary Beard\"}}],"
                + "\"book\":{\"title\":\"Solaris\"}}}");
    }

    @Test
    void writesThroughAFunctionWithoutAnyJava() throws Exception {
        assertThat(post("mutation { createBook(input: {title: \"Always Coming Home\", isbn: \"978-0-520-22735-9\"})"
                + " { ... on CreateBookSuccess { status book { title } } } }")).isEqualTo("{\"data\":{\"createBook\":"
                + "{\"status\":\"created\",\"book\":{\"title\":\"Always Coming Home\"}}}}");
    }
}
