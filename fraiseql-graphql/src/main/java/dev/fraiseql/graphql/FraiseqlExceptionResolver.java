package dev.fraiseql.graphql;

import dev.fraiseql.core.error.DatabaseException;
import dev.fraiseql.core.error.ErrorKind;
import dev.fraiseql.core.error.Rejection;
import dev.fraiseql.core.where.FilterException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
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
 * classified code, the matching Spring for GraphQL {@link ErrorType} and a client-safe message (the detail goes
 * to the log, never to the client).
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
        if (ex instanceof DatabaseException db && db.rejection() != null) {
            Rejection rejection = db.rejection();
            log.debug("{} refused by the database: {} {}", env.getExecutionStepInfo().getPath(), rejection.code(),
                    rejection.message());
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", rejection.code());
            if (rejection.field() != null) {
                extensions.put("field", rejection.field());
            }
            if (rejection.hint() != null) {
                extensions.put("hint", rejection.hint());
            }
            return GraphqlErrorBuilder.newError(env).errorType(classification(rejection)).message(rejection.message())
                    .extensions(extensions).build();
        }
        if (ex instanceof DatabaseException db) {
            log.warn("Database error in {}: {}", env.getExecutionStepInfo().getPath(), db.getMessage(), db);
            boolean write = env.getOperationDefinition() != null
                    && env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
            return error(env, classification(db.kind(), write), db.kind().code(), null, db.clientMessage());
        }
        return null;
    }

    /**
     * Spring for GraphQL's category of a database failure, so clients that read {@code extensions.classification}
     * tell their own mistakes and missing rights from the server's trouble. A value a mutation function rejects
     * ({@code 22xxx}) is the client's input; the same error in a read comes from the view, so it is the server's.
     * A failed login is the server's credentials, not the client's.
     */
    static ErrorType classification(ErrorKind kind, boolean write) {
        return switch (kind) {
            case PERMISSION_DENIED -> ErrorType.FORBIDDEN;
            case TYPE_MISMATCH -> write ? ErrorType.BAD_REQUEST : ErrorType.INTERNAL_ERROR;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case POOL_EXHAUSTED, CONNECTION_FAILED, QUERY_TIMEOUT, AUTHENTICATION_FAILED, SYNTAX_ERROR,
                    STREAM_INTERRUPTED, COMMIT_OUTCOME_UNKNOWN, TRANSACTION_ROLLBACK, INTERNAL -> ErrorType.INTERNAL_ERROR;
            case REJECTED -> ErrorType.BAD_REQUEST;
        };
    }

    /** The category of a function's refusal, from the code its SQLSTATE names. */
    static ErrorType classification(Rejection rejection) {
        return switch (rejection.code()) {
            case "UNAUTHENTICATED" -> ErrorType.UNAUTHORIZED;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            default -> ErrorType.BAD_REQUEST;
        };
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
