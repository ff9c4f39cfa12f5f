package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.config.InvalidSettingException;
import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.graphql.ExecutionMode;
import dev.fraiseql.graphql.FraiseqlGraphQlSettings;
import dev.fraiseql.graphql.PersistedQueries;
import dev.fraiseql.graphql.PersistedQueryMode;
import dev.fraiseql.graphql.ProjectionMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Whether queries whose root fields are all bound to views are answered without graphql-java's execution and
     * Spring for GraphQL's request handling (the same answers, a fraction of the JVM work); any other request goes
     * through them as before.
     */
    private boolean directExecution = true;

    /**
     * Most rows a query may be estimated to read (page sizes multiplied through nesting, nested lists counted 10
     * elements, totalCount a full page); 0 turns the check off.
     */
    private int maxCost = FraiseqlGraphQlSettings.DEFAULT_MAX_COST;

    /** Operations named by hash: Apollo's automatic persisted queries, or an allow-list of known documents. */
    @NestedConfigurationProperty
    private final PersistedQueriesProperties persistedQueries = new PersistedQueriesProperties();

    /** Settings of persisted queries ({@code fraiseql.graphql.persisted-queries.*}). */
    public static class PersistedQueriesProperties {

        /**
         * off (every request sends its document), automatic (Apollo's protocol: any document, remembered by its
         * SHA-256) or allow-list (only the documents of the allow-list file run).
         */
        private PersistedQueryMode mode = FraiseqlGraphQlSettings.DEFAULTS.persistedQueries().mode();

        /** Number of documents the automatic mode remembers by hash; the store is cleared when full. */
        private int cacheSize = PersistedQueries.DEFAULT_CACHE_SIZE;

        /**
         * JSON object of hash to document (as GraphQL Code Generator's persisted-documents.json), for the allow-list
         * mode; for example classpath:persisted-documents.json.
         */
        private Resource allowList;

        public PersistedQueryMode getMode() {
            return mode;
        }

        public void setMode(PersistedQueryMode mode) {
            this.mode = mode;
        }

        public int getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(int cacheSize) {
            if (cacheSize < 1) {
                throw new IllegalArgumentException("fraiseql.graphql.persisted-queries.cache-size must be at least 1,"
                        + " was " + cacheSize);
            }
            this.cacheSize = cacheSize;
        }

        public Resource getAllowList() {
            return allowList;
        }

        public void setAllowList(Resource allowList) {
            this.allowList = allowList;
        }

        /**
         * The binding's persisted-query settings, with the allow-list file read.
         *
         * @throws InvalidSettingException when the allow-list mode has no file, or the file is missing, not a JSON
         *     object of strings, or empty
         */
        PersistedQueries toSettings() {
            if (mode != PersistedQueryMode.ALLOW_LIST) {
                return new PersistedQueries(mode, cacheSize, Map.of());
            }
            String property = "fraiseql.graphql.persisted-queries.allow-list";
            if (allowList == null) {
                throw new InvalidSettingException(property, null, "the allow-list mode runs only the documents of that"
                        + " file", "Set " + property + " to the JSON file of hash to document (for example"
                        + " classpath:persisted-documents.json), or set fraiseql.graphql.persisted-queries.mode to"
                        + " automatic or off.");
            }
            String where = allowList.getDescription();
            Map<String, String> documents = new LinkedHashMap<>();
            try (InputStream in = allowList.getInputStream()) {
                JsonNode root = JsonMapper.builder().build().readTree(in);
                if (root == null || !root.isObject()) {
                    throw invalidFile(property, where, "it is not a JSON object of hash to document");
                }
                for (Map.Entry<String, JsonNode> entry : root.properties()) {
                    if (!entry.getValue().isString() || entry.getValue().asString().isBlank()) {
                        throw invalidFile(property, where, "the value of \"" + entry.getKey() + "\" is not a"
                                + " document (a non-empty string)");
                    }
                    documents.put(entry.getKey(), entry.getValue().asString());
                }
            } catch (IOException e) {
                throw invalidFile(property, where, "it cannot be read (" + e.getMessage() + ")");
            } catch (JacksonException e) {
                throw invalidFile(property, where, "it is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (documents.isEmpty()) {
                throw invalidFile(property, where, "it lists no document, so no operation could run");
            }
            return new PersistedQueries(mode, cacheSize, documents);
        }

        private static InvalidSettingException invalidFile(String property, String where, String problem) {
            return new InvalidSettingException(property, where, problem, "Point " + property + " at the JSON object"
                    + " of hash to document that your client tooling writes (GraphQL Code Generator's"
                    + " persisted-documents.json, for example).");
        }
    }

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

    public boolean isDirectExecution() {
        return directExecution;
    }

    public void setDirectExecution(boolean directExecution) {
        this.directExecution = directExecution;
    }

    public int getMaxCost() {
        return maxCost;
    }

    public void setMaxCost(int maxCost) {
        if (maxCost < 0) {
            throw new IllegalArgumentException("fraiseql.graphql.max-cost must be 0 (off) or more, was " + maxCost);
        }
        this.maxCost = maxCost;
    }

    public PersistedQueriesProperties getPersistedQueries() {
        return persistedQueries;
    }

    /**
     * The binding's settings.
     *
     * @throws InvalidSettingException when the page sizes contradict each other, or the allow-list cannot be read
     */
    public FraiseqlGraphQlSettings toSettings() {
        if (maxPageSize < defaultPageSize) {
            throw new InvalidSettingException("fraiseql.graphql.max-page-size", String.valueOf(maxPageSize),
                    "it is below fraiseql.graphql.default-page-size (" + defaultPageSize + ")",
                    "Raise fraiseql.graphql.max-page-size to at least " + defaultPageSize
                            + ", or lower fraiseql.graphql.default-page-size.");
        }
        return new FraiseqlGraphQlSettings(execution, projection, new PageSettings(defaultPageSize, maxPageSize),
                maxQueryDepth, maxAliases, maxRootFields, maxDocumentSize, validateViews, documentCacheSize, maxCost,
                persistedQueries.toSettings());
    }
}
