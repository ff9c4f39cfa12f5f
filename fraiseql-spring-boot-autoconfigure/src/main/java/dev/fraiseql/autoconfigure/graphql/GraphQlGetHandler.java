package dev.fraiseql.autoconfigure.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ServletException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a GraphQL query sent as {@code GET /graphql?query=...&operationName=...&variables=...&extensions=...} (GraphQL
 * over HTTP) through Spring for GraphQL's own POST handler, so both methods share interceptors, content negotiation and
 * status codes; a mutation or subscription sent with GET is refused with 405, as the specification requires.
 */
final class GraphQlGetHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphQlHttpHandler postHandler;

    GraphQlGetHandler(GraphQlHttpHandler postHandler) {
        this.postHandler = postHandler;
    }

    ServerResponse handle(ServerRequest request) throws ServletException {
        String query = request.param("query").orElse("");
        String operationName = request.param("operationName").filter(name -> !name.isEmpty()).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("operationName", operationName);
        for (String name : List.of("variables", "extensions")) {
            Optional<String> text = request.param(name).filter(value -> !value.isEmpty());
            if (text.isPresent()) {
                JsonNode value = parseObject(text.get());
                if (value == null) {
                    return badParameter(name, text.get());
                }
                body.put(name, value);
            }
        }
        if (!isQuery(query, operationName)) {
            // A GET must not change anything, and the check runs before any execution.
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST").build();
        }
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .body(JSON.writeValueAsString(body))
                .build();
        return this.postHandler.handleRequest(asPost);
    }

    // Parsed, not pasted into the forwarded body as text: a crafted value could otherwise add a second "query" key.
    private static JsonNode parseObject(String text) {
        try {
            JsonNode value = JSON.readTree(text);
            return value.isObject() ? value : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * False when the operation the request names (or its only one) is a mutation or subscription. A document that does
     * not parse, or names no operation it has, counts as a query: executing it reports the error as for a POST.
     */
    private static boolean isQuery(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return true;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        Optional<OperationDefinition> chosen = operationName == null
                ? (operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty())
                : operations.stream().filter(operation -> operationName.equals(operation.getName())).findFirst();
        return chosen.map(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY).orElse(true);
    }

    private static ServerResponse badParameter(String name, String value) {
        String message = "The '" + name + "' parameter must be a JSON object, was: " + value
                + "; send it URL-encoded, such as " + name + "=%7B%22id%22%3A1%7D for {\"id\":1}";
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("errors", List.of(Map.of("message", message)))));
    }
}
