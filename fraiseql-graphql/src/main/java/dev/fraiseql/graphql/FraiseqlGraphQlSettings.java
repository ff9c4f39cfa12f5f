package dev.fraiseql.graphql;

import dev.fraiseql.core.query.PageSettings;
import java.util.Objects;

/**
 * How the binding executes and what it lets a query ask for; {@link #DEFAULTS} are the values behind the
 * {@code fraiseql.graphql.*} properties.
 *
 * @param execution how view-bound fields are executed
 * @param projection where the fast path projects rows onto the selection
 * @param pages the default and largest page sizes
 * @param maxQueryDepth the deepest field nesting a query may have; 0 turns the check off
 * @param maxAliases the most aliases a query may use; 0 turns the check off
 * @param maxRootFields the most root fields a query may select; 0 turns the check off
 * @param maxDocumentSize the longest query document accepted, in characters; 0 turns the check off
 * @param validateViews whether start-up checks that every bound view exists and has its data column
 * @param documentCacheSize how many parsed and validated documents are kept; 0 turns the cache off
 * @param maxCost the most rows a query may be estimated to read (page sizes multiplied through nesting); 0 turns the
 *     check off
 * @param persistedQueries which operations may be named by hash, and which may run at all
 */
public record FraiseqlGraphQlSettings(ExecutionMode execution, ProjectionMode projection, PageSettings pages,
        int maxQueryDepth, int maxAliases, int maxRootFields, int maxDocumentSize, boolean validateViews,
        int documentCacheSize, int maxCost, PersistedQueries persistedQueries) {

    /** The deepest nesting a query may have unless configured otherwise. */
    public static final int DEFAULT_MAX_QUERY_DEPTH = 15;

    /** The most aliases a query may use unless configured otherwise. */
    public static final int DEFAULT_MAX_ALIASES = 15;

    /** The most root fields a query may select unless configured otherwise. */
    public static final int DEFAULT_MAX_ROOT_FIELDS = 10;

    /** The longest query document accepted, in characters, unless configured otherwise. */
    public static final int DEFAULT_MAX_DOCUMENT_SIZE = 65_536;

    /** How many documents the cache keeps unless configured otherwise. */
    public static final int DEFAULT_DOCUMENT_CACHE_SIZE = 1000;

    /** The highest estimated cost of a query, in rows, unless configured otherwise. */
    public static final int DEFAULT_MAX_COST = 10_000;

    /** The settings a binding has when nothing is configured. */
    public static final FraiseqlGraphQlSettings DEFAULTS = new FraiseqlGraphQlSettings(ExecutionMode.FAST,
            ProjectionMode.JVM, PageSettings.DEFAULT, DEFAULT_MAX_QUERY_DEPTH, DEFAULT_MAX_ALIASES, DEFAULT_MAX_ROOT_FIELDS,
            DEFAULT_MAX_DOCUMENT_SIZE, true, DEFAULT_DOCUMENT_CACHE_SIZE, DEFAULT_MAX_COST, PersistedQueries.AUTOMATIC);

    public FraiseqlGraphQlSettings {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(pages, "pages");
        if (maxQueryDepth < 0) {
            throw new IllegalArgumentException("maxQueryDepth must be 0 (off) or more, was " + maxQueryDepth);
        }
        if (maxAliases < 0 || maxRootFields < 0 || maxDocumentSize < 0) {
            throw new IllegalArgumentException("maxAliases, maxRootFields and maxDocumentSize must be 0 (off) or more,"
                    + " were " + maxAliases + ", " + maxRootFields + " and " + maxDocumentSize);
        }
        Objects.requireNonNull(persistedQueries, "persistedQueries");
        if (maxCost < 0) {
            throw new IllegalArgumentException("maxCost must be 0 (off) or more, was " + maxCost);
        }
        if (documentCacheSize < 0) {
            throw new IllegalArgumentException("documentCacheSize must be 0 (off) or more, was " + documentCacheSize);
        }
    }

    /** Whether view-bound fields answer with PostgreSQL's JSON as it is. */
    public boolean fast() {
        return execution == ExecutionMode.FAST;
    }

    /** Whether the fast path projects rows in the JVM (rather than in SQL). */
    public boolean projectsInJvm() {
        return projection == ProjectionMode.JVM;
    }
}
