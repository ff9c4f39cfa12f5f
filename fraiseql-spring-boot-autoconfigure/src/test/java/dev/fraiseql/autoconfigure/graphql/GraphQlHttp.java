package dev.fraiseql.autoconfigure.graphql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for {@code POST /graphql} (and {@code GET}), returning the exact response body. */
final class GraphQlHttp {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI uri;

    /** A client of an application started with {@code server.port=0}, on the port it listens on. */
    GraphQlHttp(ApplicationContext context) {
        this(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    GraphQlHttp(int port) {
        this.uri = URI.create("http://localhost:" + port + "/graphql");
    }

    String post(String query) {
        return post(query, Map.of(), Map.of());
    }

    String post(String query, Map<String, Object> variables) {
        return post(query, variables, Map.of());
    }

    String post(String query, Map<String, Object> variables, Map<String, String> headers) {
        HttpResponse<String> response = exchange(query, variables, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    HttpResponse<String> exchange(String query, Map<String, Object> variables, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(Map.of("query", query,
                        "variables", variables)), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts {@code body} as it is (a request without a query, say), accepting plain JSON as Apollo Client does. */
    HttpResponse<String> postBody(Map<String, Object> body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    /** Sends {@code GET /graphql} with {@code parameters} (JSON values written as JSON), accepting plain JSON. */
    HttpResponse<String> get(Map<String, Object> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value instanceof String text ? text : MAPPER.writeValueAsString(value),
                        StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(uri + query.toString())).header("Accept", "application/json").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
