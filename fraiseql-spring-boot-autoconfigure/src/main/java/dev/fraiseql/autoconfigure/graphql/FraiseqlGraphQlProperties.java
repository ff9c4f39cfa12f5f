package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.config.InvalidSettingException;
import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.graphql.ExecutionMode;
import dev.fraiseql.graphql.FraiseqlGraphQlSettings;
import dev.fraiseql.graphql.ProjectionMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the GraphQL layer ({@code fraiseql.graphql.*}). */
@ConfigurationProperties("fraiseql.graphql")
public class FraiseqlGraphQlProperties {

    /** How view-bound fields are executed: fast (JSON from PostgreSQL) or standard (graphql-java completion). */
    private ExecutionMode execution = FraiseqlGraphQlSettings.DEFAULTS.execution();

    /**
     * Where the fast path projects each row onto the selection: sql (PostgreSQL builds the response
     * JSON) or jvm (PostgreSQL returns the data column and the JVM projects it); both give the same bytes.
     */
    private ProjectionMode projection = FraiseqlGraphQlSettings.DEFAULTS.projection();

    /** Number of rows a list field returns when the query gives no limit. */
    private int defaultPageSize = PageSettings.DEFAULT_LIMIT;

    /** Largest limit (or first/last) a query may ask for. */
    private int maxPageSize = PageSettings.DEFAULT_MAX_LIMIT;

    /** Deepest field nesting a query may have; 0 turns the check off. */
    private int maxQueryDepth = FraiseqlGraphQlSettings.DEFAULT_MAX_QUERY_DEPTH;

    /** Most aliases a query may use (each costs a fetch); 0 turns the check off. */
    private int maxAliases = FraiseqlGraphQlSettings.DEFAULT_MAX_ALIASES;

    /** Most root fields a query may select (each is a SQL statement); 0 turns the check off. */
    private int maxRootFields = FraiseqlGraphQlSettings.DEFAULT_MAX_ROOT_FIELDS;

    /** Longest query document accepted, in characters; 0 turns the check off. */
    private int maxDocumentSize = FraiseqlGraphQlSettings.DEFAULT_MAX_DOCUMENT_SIZE;

    /** Whether to check at start-up that every bound view exists and has its data column. */
    private boolean validateViews = FraiseqlGraphQlSettings.DEFAULTS.validateViews();

    /** Number of distinct query documents kept parsed and validated between requests; 0 turns the cache off. */
    private int documentCacheSize = FraiseqlGraphQlSettings.DEFAULT_DOCUMENT_CACHE_SIZE;

    /** Whether GET on the GraphQL endpoint runs queries (never mutations) given as URL parameters. */
    private boolean getRequests = true;

    public ExecutionMode getExecution() {
        return execution;
    }

    public void setExecution(ExecutionMode execution) {
        this.execution = execution;
    }

    public ProjectionMode getProjection() {
        return projection;
    }

    public void setProjection(ProjectionMode projection) {
        this.projection = projection;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        if (defaultPageSize < 1) {
            throw new IllegalArgumentException("fraiseql.graphql.default-page-size must be at least 1, was " + defaultPageSize);
        }
        this.defaultPageSize = defaultPageSize;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("fraiseql.graphql.max-page-size must be at least 1, was " + maxPageSize);
        }
        this.maxPageSize = maxPageSize;
    }

    public int getMaxQueryDepth() {
        return maxQueryDepth;
    }

    public void setMaxQueryDepth(int maxQueryDepth) {
        if (maxQueryDepth < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.max-query-depth must be 0 (off) or more, was " + maxQueryDepth);
        }
        this.maxQueryDepth = maxQueryDepth;
    }

    public int getMaxAliases() {
        return maxAliases;
    }

    public void setMaxAliases(int maxAliases) {
        if (maxAliases < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.max-aliases must be 0 (off) or more, was " + maxAliases);
        }
        this.maxAliases = maxAliases;
    }

    public int getMaxRootFields() {
        return maxRootFields;
    }

    public void setMaxRootFields(int maxRootFields) {
        if (maxRootFields < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.max-root-fields must be 0 (off) or more, was "
                    + maxRootFields);
        }
        this.maxRootFields = maxRootFields;
    }

    public int getMaxDocumentSize() {
        return maxDocumentSize;
    }

    public void setMaxDocumentSize(int maxDocumentSize) {
        if (maxDocumentSize < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.max-document-size must be 0 (off) or more, was "
                    + maxDocumentSize);
        }
        this.maxDocumentSize = maxDocumentSize;
    }

    public boolean isValidateViews() {
        return validateViews;
    }

    public void setValidateViews(boolean validateViews) {
        this.validateViews = validateViews;
    }

    public int getDocumentCacheSize() {
        return documentCacheSize;
    }

    public void setDocumentCacheSize(int documentCacheSize) {
        if (documentCacheSize < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.document-cache-size must be 0 (off) or more, was "
                    + documentCacheSize);
        }
        this.documentCacheSize = documentCacheSize;
    }

    public boolean isGetRequests() {
        return getRequests;
    }

    public void setGetRequests(boolean getRequests) {
        this.getRequests = getRequests;
    }

    /**
     * The binding's settings.
     *
     * @throws InvalidSettingException when the page sizes contradict each other
     */
    public FraiseqlGraphQlSettings toSettings() {
        if (maxPageSize < defaultPageSize) {
            throw new InvalidSettingException("fraiseql.graphql.max-page-size", String.valueOf(maxPageSize),
                    "it is below fraiseql.graphql.default-page-size (" + defaultPageSize + ")",
                    "Raise fraiseql.graphql.max-page-size to at least " + defaultPageSize
                            + ", or lower fraiseql.graphql.default-page-size.");
        }
        return new FraiseqlGraphQlSettings(execution, projection, new PageSettings(defaultPageSize, maxPageSize),
                maxQueryDepth, maxAliases, maxRootFields, maxDocumentSize, validateViews, documentCacheSize);
    }
}
