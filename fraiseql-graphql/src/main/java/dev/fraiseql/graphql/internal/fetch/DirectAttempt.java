package dev.fraiseql.graphql.internal.fetch;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * Marks the GraphQL context of a request the direct path answers without graphql-java's execution: a fetcher that can
 * tell, before it reads anything, that its field needs graphql-java's completion declines there instead of reading the
 * field twice.
 */
public final class DirectAttempt {

    private static final String KEY = DirectAttempt.class.getName();

    private DirectAttempt() {
    }

    /** Marks {@code context} as the direct path's. */
    public static GraphQLContext.Builder mark(GraphQLContext.Builder context) {
        return context.of(KEY, Boolean.TRUE);
    }

    /** Whether {@code env} belongs to a request the direct path is answering. */
    static boolean of(DataFetchingEnvironment env) {
        GraphQLContext context = env.getGraphQlContext();
        return context != null && context.hasKey(KEY);
    }

    /** Thrown by a fetcher that declines a direct attempt; the direct path hands the request on to graphql-java. */
    static final class Declined extends RuntimeException {

        Declined(String message) {
            super(message, null, false, false);
        }
    }
}
