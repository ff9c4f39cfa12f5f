package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.where.FilterException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Turns FraiseQL's exceptions into GraphQL errors with {@code extensions.code}: bad filters and
 * arguments become {@code BAD_USER_INPUT} naming the argument, database failures carry their
 * classified code and a client-safe message (the detail goes to the log, never to the client).
 */
public class FraiseqlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    /** The code of errors caused by the query's own arguments. */
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";

    private static final Logger log = LoggerFactory.getLogger(FraiseqlExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof FilterException filter) {
            return error(env, ErrorType.BAD_REQUEST, BAD_USER_INPUT, filter.path(), filter.getMessage());
        }
        if (ex instanceof FraiseqlInputException input) {
            return error(env, ErrorType.BAD_REQUEST, BAD_USER_INPUT, input.argument(), input.getMessage());
        }
        if (ex instanceof DatabaseException db) {
            log.warn("Database error in {}: {}", env.getExecutionStepInfo().getPath(), db.getMessage(), db);
            return error(env, ErrorType.INTERNAL_ERROR, db.kind().code(), null, db.clientMessage());
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String argument,
            String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (argument != null) {
            extensions.put("argument", argument);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
