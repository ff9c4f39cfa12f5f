package dev.fraiseql.graphql;

import dev.fraiseql.core.json.ByteSink;

/**
 * Writes one row's JSON, projected onto the selection, into the response; the JVM projection of the fast path.
 * The default is core's {@code JsonProjector}; give another through {@link FraiseqlGraphQl.Builder#projector}.
 */
@FunctionalInterface
public interface RowProjector {

    /**
     * Appends the projection of {@code row} (the view's data column, or {@code null}) to {@code out}.
     *
     * @return whether the row kept the schema's non-null promises; false makes the field fall back to graphql-java's
     *     completion, which reports the violation as the GraphQL spec says
     */
    boolean project(byte[] row, ByteSink out);
}
