package dev.fraiseql.graphql.internal.execution;

import dev.fraiseql.graphql.FraiseqlRequestContext;
import dev.fraiseql.graphql.PersistedQueryMode;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves the document of a request named by hash, then hands it to the document cache (or any other provider)
 * behind it, so a persisted document is parsed and validated once like any other.
 *
 * <p>A request names a document by {@code extensions.persistedQuery.sha256Hash} (Apollo's protocol, version 1) or
 * {@code extensions.documentId} (what the HTTP layer makes of a request's {@code documentId}). In the automatic mode
 * an unknown hash answers {@code PersistedQueryNotFound}, and a request carrying the document with its hash registers
 * it once the hash is checked; the store is bounded and cleared when full, like the document cache. In the
 * allow-list mode only the listed documents run, named by their key or sent in full. A document whose hash does not
 * match, or an operation outside the list, is answered with an error and never runs.
 */
public final class PersistedDocuments implements PreparsedDocumentProvider {

    /** The {@code extensions.code} of an unknown hash; its message is Apollo's {@code PersistedQueryNotFound}. */
    public static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** The {@code extensions.code} of a request naming a hash when persisted queries are off. */
    public static final String NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";
    /** The {@code extensions.code} of a document sent with a hash that is not its own. */
    public static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** The {@code extensions.code} of an operation the allow-list does not hold, or a mutation in a GET request. */
    public static final String NOT_ALLOWED = "OPERATION_NOT_ALLOWED";

    /** What Spring for GraphQL puts in the query of a request that only names a persisted query. */
    private static final String SPRING_MARKER = "PersistedQueryMarker";
    private static final HexFormat HEX = HexFormat.of();

    private final PersistedQueryMode mode;
    private final int cacheSize;
    private final Map<String, String> known;
    private final Set<String> allowed;
    private final PreparsedDocumentProvider next;

    /**
     * @param mode which operations may be named by hash and which may run
     * @param cacheSize how many documents the automatic mode remembers
     * @param documents the allow-list, hash to document (used in the allow-list mode)
     * @param next the provider that parses and caches the resolved document; {@code null} to parse every time
     */
    public PersistedDocuments(PersistedQueryMode mode, int cacheSize, Map<String, String> documents,
            PreparsedDocumentProvider next) {
        this.mode = mode;
        this.cacheSize = cacheSize;
        this.known = mode == PersistedQueryMode.ALLOW_LIST ? Map.copyOf(documents) : new ConcurrentHashMap<>();
        this.allowed = mode == PersistedQueryMode.ALLOW_LIST ? Set.copyOf(new HashSet<>(documents.values())) : Set.of();
        this.next = next;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        boolean hasQuery = query != null && !query.isBlank() && !query.equals(SPRING_MARKER);
        String hash = hash(input.getExtensions());
        ExecutionInput resolved = input;
        boolean registering = false;
        if (mode == PersistedQueryMode.OFF) {
            if (!hasQuery && hash != null) {
                return refuse(NOT_SUPPORTED, "PersistedQueryNotSupported");
            }
        } else if (hash != null) {
            String stored = known.get(hash);
            if (hasQuery) {
                String problem = mode == PersistedQueryMode.AUTOMATIC ? automaticMismatch(hash, query)
                        : stored == null || stored.equals(query) ? null : "it is not the document listed under that hash";
                if (problem != null) {
                    return refuse(HASH_MISMATCH, "The query document does not match the persisted query hash "
                            + hash + ": " + problem + "; send the document's own SHA-256 (lowercase hex), or only the"
                            + " hash of a registered document");
                }
                if (mode == PersistedQueryMode.AUTOMATIC) {
                    registering = true;
                } else if (stored == null && !allowed.contains(query)) {
                    return notAllowed();
                }
            } else if (stored == null) {
                return refuse(NOT_FOUND, "PersistedQueryNotFound");
            } else {
                resolved = input.transform(b -> b.query(stored));
            }
        } else if (mode == PersistedQueryMode.ALLOW_LIST && (!hasQuery || !allowed.contains(query))) {
            return notAllowed();
        }
        CompletableFuture<PreparsedDocumentEntry> prepared = next == null
                ? CompletableFuture.completedFuture(parseAndValidate.apply(resolved))
                : next.getDocumentAsync(resolved, parseAndValidate);
        // Only a document that parsed and validated is kept, so the store holds at most cache-size documents no
        // longer than max-document-size, whatever clients send.
        CompletableFuture<PreparsedDocumentEntry> entry = !registering ? prepared : prepared.thenApply(result -> {
            if (!result.hasErrors()) {
                remember(hash, query);
            }
            return result;
        });
        if (!Boolean.TRUE.equals(input.getGraphQLContext().get(FraiseqlRequestContext.QUERIES_ONLY))) {
            return entry;
        }
        return entry.thenCompose(parsed -> !parsed.hasErrors() && writes(parsed.getDocument(), input.getOperationName())
                ? refuse(NOT_ALLOWED, "A GET request may only run a query: send the mutation with POST")
                : CompletableFuture.completedFuture(parsed));
    }

    /** The provider that parses and caches resolved documents, {@code null} when every document is parsed anew. */
    public PreparsedDocumentProvider next() {
        return next;
    }

    /**
     * The document a request would run, with its parsed and validated entry, when this provider would let it run as
     * it is and the cache behind it already holds the entry: a request carrying {@code query} in full and no hash, or
     * (automatic and allow-list modes) a hash and no query; {@code null} in every other case, the allow-list not
     * holding the document among them. Looking parses nothing and registers nothing.
     *
     * @param extensions the request's extensions, where a hash is ({@code persistedQuery.sha256Hash} or
     *     {@code documentId}); {@code null} for none
     */
    public Cached cached(String query, Map<String, Object> extensions, Locale locale) {
        boolean hasQuery = query != null && !query.isBlank() && !query.equals(SPRING_MARKER);
        String hash = hash(extensions);
        if (!(next instanceof DocumentCache cache) || hasQuery == (hash != null)) {
            return null;
        }
        String text = hasQuery ? query : mode == PersistedQueryMode.OFF ? null : known.get(hash);
        if (text == null || hasQuery && mode == PersistedQueryMode.ALLOW_LIST && !allowed.contains(text)) {
            return null;
        }
        PreparsedDocumentEntry entry = cache.cached(text, locale);
        return entry == null ? null : new Cached(text, entry);
    }

    /** A document this provider lets run, and its parsed and validated entry. */
    public record Cached(String query, PreparsedDocumentEntry entry) {
    }

    /** How many documents the automatic mode remembers now. */
    public int size() {
        return mode == PersistedQueryMode.ALLOW_LIST ? 0 : known.size();
    }

    private CompletableFuture<PreparsedDocumentEntry> notAllowed() {
        return refuse(NOT_ALLOWED, "The operation is not in the allow-list of persisted documents"
                + " (fraiseql.graphql.persisted-queries.allow-list): send the hash of a listed document, or add this"
                + " document to the list");
    }

    private String automaticMismatch(String hash, String query) {
        String actual = sha256(query);
        return actual.equals(hash.toLowerCase(Locale.ROOT)) ? null : "the document's SHA-256 is " + actual;
    }

    private void remember(String hash, String query) {
        if (!known.containsKey(hash)) {
            if (known.size() >= cacheSize) {
                known.clear();
            }
            known.put(hash, query);
        }
    }

    /** Whether the operation to run (the named one, else the only one) is not a query. */
    private static boolean writes(Document document, String operationName) {
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.isEmpty() || operationName.equals(operation.getName())) {
                return operation.getOperation() != OperationDefinition.Operation.QUERY;
            }
        }
        return false;
    }

    /** The hash a request names: Apollo's {@code persistedQuery.sha256Hash}, else a {@code documentId}. */
    private static String hash(Map<String, Object> extensions) {
        if (extensions == null || extensions.isEmpty()) {
            return null;
        }
        if (extensions.get("persistedQuery") instanceof Map<?, ?> persisted
                && persisted.get("sha256Hash") instanceof String hash && !hash.isBlank()) {
            return hash;
        }
        return extensions.get("documentId") instanceof String id && !id.isBlank() ? id : null;
    }

    static String sha256(String document) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static CompletableFuture<PreparsedDocumentEntry> refuse(String code, String message) {
        return CompletableFuture.completedFuture(new PreparsedDocumentEntry(new Refusal(message, code)));
    }

    /** A refused request: no location in the document (there may be no document), its code in the extensions. */
    private record Refusal(String message, String code) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return null;
        }

        @Override
        public ErrorClassification getErrorType() {
            return Classification.PERSISTED_QUERY;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", code);
        }
    }

    /** The classification of these errors, so Spring for GraphQL does not call them internal errors. */
    private enum Classification implements ErrorClassification {
        PERSISTED_QUERY
    }
}
