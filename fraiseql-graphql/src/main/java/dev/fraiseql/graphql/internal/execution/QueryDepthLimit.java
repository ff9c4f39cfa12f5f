package dev.fraiseql.graphql.internal.execution;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import java.util.Map;

/** Rejects queries nested deeper than {@code fraiseql.graphql.max-query-depth}, with code {@code QUERY_TOO_DEEP}. */
public class QueryDepthLimit extends MaxQueryDepthInstrumentation {

    /** The {@code extensions.code} of the error. */
    public static final String CODE = "QUERY_TOO_DEEP";

    public QueryDepthLimit(int maxDepth) {
        super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
        return new TooDeep("Query depth " + depth + " exceeds the maximum of " + maxDepth
                + " (fraiseql.graphql.max-query-depth): select fewer nested levels");
    }

    private static final class TooDeep extends AbortExecutionException {
        TooDeep(String message) {
            super(message);
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", CODE);
        }
    }
}
