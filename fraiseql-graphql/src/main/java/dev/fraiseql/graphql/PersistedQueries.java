package dev.fraiseql.graphql;

import java.util.Map;
import java.util.Objects;

/**
 * How operations may be named by hash: the mode, the room of the automatic store and, for the allow-list mode, the
 * known documents by their hash.
 *
 * @param mode which operations may run and how they may be named
 * @param cacheSize how many documents the automatic mode remembers by hash; at least 1
 * @param documents the allow-list, hash to document; empty unless the mode is {@link PersistedQueryMode#ALLOW_LIST}
 */
public record PersistedQueries(PersistedQueryMode mode, int cacheSize, Map<String, String> documents) {

    /** How many documents the automatic mode remembers unless configured otherwise. */
    public static final int DEFAULT_CACHE_SIZE = 1000;

    /** Apollo's automatic persisted queries, remembering {@value #DEFAULT_CACHE_SIZE} documents. */
    public static final PersistedQueries AUTOMATIC = new PersistedQueries(PersistedQueryMode.AUTOMATIC,
            DEFAULT_CACHE_SIZE, Map.of());

    /** No persisted queries: every request carries its document. */
    public static final PersistedQueries OFF = new PersistedQueries(PersistedQueryMode.OFF, DEFAULT_CACHE_SIZE,
            Map.of());

    public PersistedQueries {
        Objects.requireNonNull(mode, "mode");
        documents = Map.copyOf(Objects.requireNonNull(documents, "documents"));
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be at least 1, was " + cacheSize);
        }
        if (mode == PersistedQueryMode.ALLOW_LIST && documents.isEmpty()) {
            throw new IllegalArgumentException("The allow-list mode needs at least one document, or nothing could run");
        }
    }

    /** Only {@code documents} (hash to document) may run. */
    public static PersistedQueries allowList(Map<String, String> documents) {
        return new PersistedQueries(PersistedQueryMode.ALLOW_LIST, DEFAULT_CACHE_SIZE, documents);
    }
}
