package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.graphql.DirectExecution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.MediaTypes;
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
    private record Body(String query, String operationName, Map<String, Object> variables) {
    }

    private final Supplier<DirectExecution> resolve;
    private final HandlerFunction<ServerResponse> next;
    private volatile Optional<DirectExecution> direct;

    /**
     * @param resolve the direct execution, asked once, at the first request (the GraphQL instance is built lazily);
     *     {@code null} or unavailable turns the direct path off
     * @param next answers every request the direct path does not
     */
    GraphQlPostHandler(Supplier<DirectExecution> resolve, HandlerFunction<ServerResponse> next) {
        this.resolve = resolve;
        this.next = next;
    }

    ServerResponse handle(ServerRequest request) throws Exception {
        DirectExecution execution = direct();
        if (execution == null || !json(request)) {
            return next.handle(request);
        }
        byte[] bytes = request.servletRequest().getInputStream().readAllBytes();
        Body body = body(bytes);
        MediaType type = body == null ? null : responseType(request);
        byte[] response = type == null ? null
                : execution.execute(body.query(), body.operationName(), body.variables(), LocaleContextHolder.getLocale());
        if (response == null) {
            return next.handle(ServerRequest.from(request).body(bytes).build());
        }
        return ServerResponse.ok().contentType(type).build((servletRequest, servletResponse) -> {
            servletResponse.setContentLength(response.length);
            servletResponse.getOutputStream().write(response);
            return null;
        });
    }

    /** How many requests the direct path answered; 0 while it is off. */
    long answered() {
        Optional<DirectExecution> known = direct;
        return known == null || known.isEmpty() ? 0 : known.get().answered();
    }

    /** How many requests the direct path looked at and handed on; 0 while it is off. */
    long declined() {
        Optional<DirectExecution> known = direct;
        return known == null || known.isEmpty() ? 0 : known.get().declined();
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
     * The query, operation name and variables of a body holding nothing else (a JSON {@code null} or empty
     * {@code extensions} aside); {@code null} for any other body, which Spring for GraphQL reads and judges.
     */
    @SuppressWarnings("unchecked")
    static Body body(byte[] bytes) {
        String query = null;
        String operationName = null;
        Map<String, Object> variables = null;
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
                    case "variables" -> {
                        if (value == JsonToken.START_OBJECT) {
                            variables = JSON.readValue(parser, Map.class);
                        } else if (value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "extensions" -> {
                        boolean empty = value == JsonToken.VALUE_NULL
                                || value == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.END_OBJECT;
                        if (!empty) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (parser.nextToken() != null || query == null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        return new Body(query, operationName, variables);
    }
}
