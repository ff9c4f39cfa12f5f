package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a GraphQL request sent as URL parameters ({@code GET /graphql?query=...&variables=...&extensions=...}, as
 * Apollo Client sends persisted queries by hash) or carrying a top-level {@code documentId} into the JSON request
 * Spring for GraphQL reads, and hands it to Spring's own handler, so the response is written as for a POST. A GET
 * request is marked so that only a query runs ({@link FraiseqlRequestContext#QUERIES_ONLY}).
 */
final class GraphQlGetRequests {

    /** The request attribute marking a GET request; the interceptor moves it into the GraphQL context. */
    static final String QUERIES_ONLY_ATTRIBUTE = GraphQlGetRequests.class.getName() + ".queriesOnly";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Supplier<GraphQlHttpHandler> handler;

    GraphQlGetRequests(Supplier<GraphQlHttpHandler> handler) {
        this.handler = handler;
    }

    /** Whether a GET request carries a GraphQL request (and is not, say, a browser asking for the page). */
    static boolean carriesRequest(ServerRequest request) {
        return request.param("query").isPresent() || request.param("extensions").isPresent()
                || request.param("documentId").isPresent();
    }

    /** Answers a GET request from its URL parameters. */
    ServerResponse get(ServerRequest request) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        request.param("query").ifPresent(query -> body.put("query", query));
        request.param("operationName").filter(name -> !name.isEmpty()).ifPresent(name -> body.put("operationName", name));
        Map<String, Object> extensions;
        try {
            request.param("variables").filter(v -> !v.isBlank()).ifPresent(v -> body.put("variables", object(v)));
            extensions = request.param("extensions").filter(e -> !e.isBlank()).map(GraphQlGetRequests::object)
                    .orElseGet(LinkedHashMap::new);
        } catch (JacksonException | IllegalArgumentException e) {
            return badRequest("The variables and extensions parameters must each be a JSON object: " + message(e));
        }
        request.param("documentId").ifPresent(id -> {
            extensions.put("documentId", id);
            // Spring for GraphQL needs a query; the binding reads an empty one as none.
            body.putIfAbsent("query", "");
        });
        if (!extensions.isEmpty()) {
            body.put("extensions", extensions);
        }
        return forward(request, MAPPER.writeValueAsBytes(body), true);
    }

    /** Answers a POST request, moving a top-level {@code documentId} into its extensions where the binding reads it. */
    ServerResponse post(ServerRequest request) throws Exception {
        byte[] bytes = request.body(byte[].class);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // Parsing every body twice would tax every request; only one that names a document is rewritten.
        if (text.contains("\"documentId\"")) {
            try {
                Map<String, Object> body = object(text);
                if (body.remove("documentId") instanceof String id) {
                    Map<String, Object> extensions = body.get("extensions") instanceof Map<?, ?> given
                            ? new LinkedHashMap<>(cast(given)) : new LinkedHashMap<>();
                    extensions.put("documentId", id);
                    body.put("extensions", extensions);
                    body.putIfAbsent("query", "");
                    bytes = MAPPER.writeValueAsBytes(body);
                }
            } catch (JacksonException | IllegalArgumentException e) {
                // Spring for GraphQL answers a body it cannot read itself.
            }
        }
        return forward(request, bytes, false);
    }

    private ServerResponse forward(ServerRequest request, byte[] body, boolean queriesOnly) throws Exception {
        ServerRequest.Builder json = ServerRequest.from(request)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON)).body(body);
        if (queriesOnly) {
            json.attribute(QUERIES_ONLY_ATTRIBUTE, Boolean.TRUE);
        }
        return handler.get().handleRequest(json.build());
    }

    /** Marks the GraphQL context of a GET request, so the binding runs only queries for it. */
    static WebGraphQlInterceptor queriesOnlyInterceptor() {
        return (request, chain) -> {
            if (Boolean.TRUE.equals(request.getAttributes().get(QUERIES_ONLY_ATTRIBUTE))) {
                request.configureExecutionInput((input, builder) -> {
                    input.getGraphQLContext().put(FraiseqlRequestContext.QUERIES_ONLY, Boolean.TRUE);
                    return input;
                });
            }
            return chain.next(request);
        };
    }

    private static Map<String, Object> object(String json) {
        Object value = MAPPER.readValue(json, Object.class);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + json + "' is not a JSON object");
        }
        return new LinkedHashMap<>(cast(map));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String message(Exception e) {
        return e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static ServerResponse badRequest(String message) {
        Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", "BAD_REQUEST"));
        return ServerResponse.badRequest().header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .body(MAPPER.writeValueAsString(Map.of("errors", List.of(error))));
    }
}
