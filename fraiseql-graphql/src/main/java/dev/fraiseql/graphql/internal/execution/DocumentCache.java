package dev.fraiseql.graphql.internal.execution;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps query documents parsed and validated between requests, so a repeated query skips graphql-java's
 * parsing and validation, which otherwise cost more than the rest of a small request.
 *
 * <p>Bounded without eviction bookkeeping on the hot path: when full it is cleared and refills with the
 * queries in use, which suits the usual small set of distinct queries an application sends.
 */
public class DocumentCache implements PreparsedDocumentProvider {

    private final int maxSize;
    private final ConcurrentHashMap<Key, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

    /** The key: validation messages are localized, so the locale is part of it. */
    private record Key(String query, Locale locale) {
    }

    public DocumentCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("A document cache needs room for at least 1 document, was " + maxSize);
        }
        this.maxSize = maxSize;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getLocale());
        PreparsedDocumentEntry entry = entries.get(key);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
            entries.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /**
     * The entry held for {@code query} in {@code locale}, or {@code null} when it has not been parsed yet; looking does
     * not parse, so only a request through graphql-java fills the cache.
     */
    public PreparsedDocumentEntry cached(String query, Locale locale) {
        return entries.get(new Key(query, locale));
    }

    /** Number of documents held now. */
    public int size() {
        return entries.size();
    }
}
