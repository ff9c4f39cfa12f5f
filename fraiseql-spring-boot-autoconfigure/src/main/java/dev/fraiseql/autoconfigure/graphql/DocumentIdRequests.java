package dev.fraiseql.autoconfigure.graphql;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves a top-level {@code documentId} of a POST body (how GraphQL Code Generator's persisted documents are sent) into
 * the request's extensions, where the binding reads it, and hands the request to Spring's own handler.
 */
final class DocumentIdRequests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Supplier<GraphQlHttpHandler> handler;

    DocumentIdRequests(Supplier<GraphQlHttpHandler> handler) {
        this.handler = handler;
    }

    /** Answers a POST request, moving a top-level {@code documentId} into its extensions. */
    ServerResponse post(ServerRequest request) throws Exception {
        return post(request, request.body(byte[].class));
    }

    /** Answers a POST request whose body has been read already as {@code bytes}. */
    ServerResponse post(ServerRequest request, byte[] bytes) throws Exception {
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
        ServerRequest json = ServerRequest.from(request)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON)).body(bytes).build();
        return handler.get().handleRequest(json);
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
}
