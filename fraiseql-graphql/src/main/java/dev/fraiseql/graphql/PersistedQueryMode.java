package dev.fraiseql.graphql;

/** Which operations a client may name by hash instead of sending their document ({@code fraiseql.graphql.persisted-queries.mode}). */
public enum PersistedQueryMode {
    /** Documents are always sent in full; a request naming only a hash answers {@code PERSISTED_QUERY_NOT_SUPPORTED}. */
    OFF,
    /**
     * Apollo's automatic persisted queries: a client sends the SHA-256 of its document, and the document itself once
     * when the server answers {@code PersistedQueryNotFound}; any document may run.
     */
    AUTOMATIC,
    /** Only the documents of an allow-list run, named by their hash or sent in full; anything else is refused. */
    ALLOW_LIST
}
