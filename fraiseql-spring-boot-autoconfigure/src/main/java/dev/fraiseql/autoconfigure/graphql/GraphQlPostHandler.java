package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.DirectExecution;
import dev.fraiseql.graphql.DirectResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The POST route of the GraphQL endpoint: a query the binding can answer directly ({@link DirectExecution}) is
 * answered here, with the status and content type Spring for GraphQL would give it; every other request goes, body and
 * all, to the next handler (Spring for GraphQL's own, behind the {@code documentId} rewrite in the allow-list mode).
 */
final class GraphQlPostHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphQlPostHandler.class);
    /** Reads the variables in the middle of the body, so the object need not be the last token. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** What Spring for GraphQL answers in, the first of them the request accepts, else {@code application/json}. */
    private static final List<MediaType> RESPONSE_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, new MediaType("application", "graphql+json"));

    /** The parts of a request body the direct path reads. */
    record Body(String query, String operationName, Map<String, Object> variables, Map<String, Object> extensions) {
    }

    /** Answers a request whose JSON body has been read already. */
    @FunctionalInterface
    interface ReadRoute {
        ServerResponse answer(ServerRequest request, byte[] body) throws Exception;
    }

    /** Spring for GraphQL's own POST handler, given a request whose body has been read already. */
    static ReadRoute spring(Supplier<GraphQlHttpHandler> handler) {
        return (request, body) -> handler.get().handleRequest(ServerRequest.from(request).body(body).build());
    }

    private final Supplier<DirectExecution> resolve;
    private final HandlerFunction<ServerResponse> next;
    private final ReadRoute nextRead;
    private final boolean documentIds;
    private final Function<HttpServletRequest, Map<String, Object>> context;
    private volatile Optional<DirectExecution> direct;

    /**
     * @param resolve the direct execution, asked once, at the first request (the GraphQL instance is built lazily);
     *     {@code null} or unavailable turns the direct path off
     * @param next answers every request the direct path does not read
     * @param nextRead answers every request the direct path read and declined, given its body
     * @param documentIds whether a top-level {@code documentId} names a persisted document (the allow-list mode)
     * @param context the GraphQL context entries of a request (its {@link FraiseqlRequestSettings})
     */
    GraphQlPostHandler(Supplier<DirectExecution> resolve, HandlerFunction<ServerResponse> next, ReadRoute nextRead,
            boolean documentIds, Function<HttpServletRequest, Map<String, Object>> context) {
        this.resolve = resolve;
        this.next = next;
        this.nextRead = nextRead;
        this.documentIds = documentIds;
        this.context = context;
    }

    /** A direct execution that never answers, for {@code reason}: the application has a part it cannot honour. */
    static DirectExecution off(String reason) {
        return new DirectExecution() {
            @Override
            public String unavailable() {
                return reason;
            }

            @Override
            public DirectResponse execute(String query, String operationName, Map<String, Object> variables,
                    Map<String, Object> extensions, Map<String, Object> context, Locale locale) {
                return null;
            }

            @Override
            public long answered() {
                return 0;
            }

            @Override
            public long declined() {
                return 0;
            }
        };
    }

    ServerResponse handle(ServerRequest request) throws Exception {
        if (direct() == null || !json(request)) {
            return next.handle(request);
        }
        return answer(request, request.servletRequest().getInputStream().readAllBytes());
    }

    /**
     * Answers a JSON request whose body is {@code bytes} (for a GET request, the body its parameters make), directly
     * when it can, else through the next handler.
     */
    ServerResponse answer(ServerRequest request, byte[] bytes) throws Exception {
        DirectExecution execution = direct();
        Body body = execution == null ? null : body(bytes, documentIds);
        MediaType type = body == null ? null : responseType(request);
        DirectResponse response = type == null ? null : execution.execute(body.query(), body.operationName(),
                body.variables(), body.extensions(), context.apply(request.servletRequest()),
                LocaleContextHolder.getLocale());
        if (response == null) {
            return nextRead.answer(request, bytes);
        }
        return ServerResponse.ok().contentType(type).build((servletRequest, servletResponse) -> {
            servletResponse.setContentLength(response.length());
            response.writeTo(servletResponse.getOutputStream());
            return null;
        });
    }

    /** How many requests the direct path answered; 0 while it is off. */
    long answered() {
        DirectExecution known = resolved();
        return known == null ? 0 : known.answered();
    }

    /** How many requests the direct path looked at and handed on; 0 while it is off. */
    long declined() {
        DirectExecution known = resolved();
        return known == null ? 0 : known.declined();
    }

    /** The direct execution if the first request has resolved it and it is on, without resolving it. */
    private DirectExecution resolved() {
        Optional<DirectExecution> known = direct;
        return known == null ? null : known.orElse(null);
    }

    private DirectExecution direct() {
        Optional<DirectExecution> known = direct;
        if (known == null) {
            synchronized (this) {
                known = direct;
                if (known == null) {
                    DirectExecution resolved = resolve.get();
                    if (resolved != null && resolved.unavailable() != null) {
                        log.info("Direct execution of view-bound queries is off: {}; every request goes through"
                                + " graphql-java (set fraiseql.graphql.direct-execution=false to silence this)",
                                resolved.unavailable());
                        resolved = null;
                    }
                    known = Optional.ofNullable(resolved);
                    direct = known;
                }
            }
        }
        return known.orElse(null);
    }

    /** Whether the body is JSON in UTF-8, the only body the direct path reads; Spring for GraphQL answers the rest. */
    private static boolean json(ServerRequest request) {
        try {
            Optional<MediaType> type = request.headers().contentType();
            return type.isPresent() && type.get().getType().equals("application")
                    && type.get().getSubtype().equals("json")
                    && (type.get().getCharset() == null || type.get().getCharset().name().equals("UTF-8"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The content type Spring for GraphQL would answer in, {@code null} when it would refuse the Accept header. */
    private static MediaType responseType(ServerRequest request) {
        try {
            for (MediaType accepted : request.headers().accept()) {
                if (RESPONSE_TYPES.contains(accepted)) {
                    return accepted;
                }
            }
            return MediaType.APPLICATION_JSON;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /**
     * The query, operation name, variables and extensions of a body holding nothing else, and (with
     * {@code documentIds}) a top-level {@code documentId}, moved into the extensions as the allow-list mode does;
     * {@code null} for any other body, which Spring for GraphQL reads and judges.
     */
    @SuppressWarnings("unchecked")
    static Body body(byte[] bytes, boolean documentIds) {
        String query = null;
        String operationName = null;
        Map<String, Object> variables = null;
        Map<String, Object> extensions = null;
        String documentId = null;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "query" -> {
                        if (value != JsonToken.VALUE_STRING || query != null) {
                            return null;
                        }
                        query = parser.getString();
                    }
                    case "operationName" -> {
                        if (value == JsonToken.VALUE_STRING) {
                            operationName = parser.getString();
                        } else if (value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "variables", "extensions" -> {
                        if (value == JsonToken.START_OBJECT) {
                            Map<String, Object> object = JSON.readValue(parser, Map.class);
                            if (name.equals("variables")) {
                                variables = object;
                            } else {
                                extensions = object;
                            }
                        } else if (value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "documentId" -> {
                        if (!documentIds || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        documentId = parser.getString();
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        if (documentId != null) {
            extensions = extensions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extensions);
            extensions.put("documentId", documentId);
        }
        return new Body(query, operationName, variables, extensions);
    }
}
