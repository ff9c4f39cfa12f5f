package dev.fraiseql.autoconfigure.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the GraphQL layer ({@code fraiseql.graphql.*}). */
@ConfigurationProperties("fraiseql.graphql")
public class FraiseqlGraphQlProperties {

    /** How view-bound fields are executed: fast (JSON from PostgreSQL) or standard (graphql-java completion). */
    private ExecutionMode execution = ExecutionMode.FAST;

    /**
     * Where the fast path projects each row onto the selection: sql (PostgreSQL builds the response
     * JSON) or jvm (PostgreSQL returns the data column and the JVM projects it); both give the same bytes.
     */
    private ProjectionMode projection = ProjectionMode.JVM;

    /** Number of rows a list field returns when the query gives no limit. */
    private int defaultPageSize = 20;

    /** Largest limit (or first/last) a query may ask for. */
    private int maxPageSize = 100;

    /** Deepest field nesting a query may have; 0 turns the check off. */
    private int maxQueryDepth = 15;

    /** Whether to check at start-up that every bound view exists and has its data column. */
    private boolean validateViews = true;

    /** Number of distinct query documents kept parsed and validated between requests; 0 turns the cache off. */
    private int documentCacheSize = 1000;

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
}
