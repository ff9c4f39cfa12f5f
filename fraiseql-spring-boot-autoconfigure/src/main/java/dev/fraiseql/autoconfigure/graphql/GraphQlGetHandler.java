package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a GraphQL query sent as {@code GET /graphql?query=...&operationName=...&variables=...&extensions=...} (GraphQL
 * over HTTP), or named by hash ({@code extensions.persistedQuery}, as Apollo Client sends persisted queries, or
 * {@code documentId}), through the POST route (direct execution, then Spring for GraphQL's own POST handler), so both
 * methods share interceptors, content negotiation and status codes. A mutation or subscription whose text is in the request is refused with 405, as the
 * specification requires; one named only by hash is refused by the binding, which resolves the hash
 * ({@link FraiseqlRequestContext#QUERIES_ONLY}).
 */
final class GraphQlGetHandler {

    /** The request attribute marking a GET request; the interceptor moves it into the GraphQL context. */
    static final String QUERIES_ONLY_ATTRIBUTE = GraphQlGetHandler.class.getName() + ".queriesOnly";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphQlPostHandler.ReadRoute postRoute;

    GraphQlGetHandler(GraphQlPostHandler.ReadRoute postRoute) {
        this.postRoute = postRoute;
    }


    /** Whether a GET request carries a GraphQL request (and is not, say, a browser asking for the page). */
    static boolean carriesRequest(ServerRequest request) {
        return request.param("query").isPresent() || request.param("extensions").isPresent()
                || request.param("documentId").isPresent();
    }

    ServerResponse handle(ServerRequest request) throws Exception {
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
        Optional<String> documentId = request.param("documentId").filter(id -> !id.isEmpty());
        if (documentId.isPresent()) {
            ObjectNode extensions = body.get("extensions") instanceof ObjectNode given ? given : JSON.createObjectNode();
            extensions.put("documentId", documentId.get());
            body.put("extensions", extensions);
        }
        if (!query.isEmpty() && !isQuery(query, operationName)) {
            // A GET must not change anything, and the check runs before any execution.
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST").build();
        }
        byte[] json = JSON.writeValueAsBytes(body);
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .attribute(QUERIES_ONLY_ATTRIBUTE, Boolean.TRUE)
                .body(json)
                .build();
        return postRoute.answer(asPost, json);
    }

    /** Marks the GraphQL context of a GET request, so the binding runs only a query for a document named by hash. */
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
