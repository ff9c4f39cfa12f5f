package dev.fraiseql.samples.library;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends GraphQL documents to the running sample over real HTTP, as a client would. */
final class GraphQlHttp {

    private final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    GraphQlHttp(int port) {
        this.port = port;
    }

    /** Posts {@code document} with no tenant and returns the response body. */
    String post(String document) throws Exception {
        return send(document, null).body();
    }

    /** Posts {@code document} with {@code X-Tenant: tenant} (none when {@code null}). */
    HttpResponse<String> send(String document, String tenant) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + jsonString(document) + "}"));
        if (tenant != null) {
            request.header(TenantSettings.HEADER, tenant);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} and returns the response. */
    HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
