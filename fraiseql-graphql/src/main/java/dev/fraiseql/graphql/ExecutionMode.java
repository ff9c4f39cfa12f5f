package dev.fraiseql.graphql;

/** How view-bound fields produce their response: from PostgreSQL's JSON bytes, or through graphql-java's completion. */
public enum ExecutionMode {
    /** The selected JSON is rendered by PostgreSQL or the JVM ({@link ProjectionMode}); the bytes are spliced into the response. */
    FAST,
    /** Rows are parsed into maps and graphql-java completes every field (the reference path). */
    STANDARD
}
