package dev.fraiseql.graphql;

import dev.fraiseql.core.execution.QueryExecutor;
import graphql.GraphQLContext;
import java.util.Map;

/**
 * Carries request context (tenant, user) to PostgreSQL as transaction-local settings: put a map
 * under {@link #LOCAL_SETTINGS} in the GraphQL context (for example from a
 * {@code WebGraphQlInterceptor}) and each mutation runs {@code set_config(name, value, true)} for
 * every entry, so row-level security sees it.
 */
public final class FraiseqlRequestContext {

    /** GraphQL context key of a {@code Map<String, String>} of setting names (such as {@code app.tenant_id}) to values. */
    public static final String LOCAL_SETTINGS = "fraiseql.localSettings";

    /**
     * GraphQL context key of a {@code Boolean}: when true only query operations run, and a mutation answers
     * {@code OPERATION_NOT_ALLOWED}. The auto-configuration sets it for GET requests, which must not write.
     */
    public static final String QUERIES_ONLY = "fraiseql.queriesOnly";

    private FraiseqlRequestContext() {
    }

    /** The settings of the current request, checked to be custom {@code prefix.name} settings. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> localSettings(GraphQLContext context) {
        Object value = context == null ? null : context.get(LOCAL_SETTINGS);
        if (value == null) {
            return Map.of();
        }
        // The executor's own check, so a name passes here exactly when PostgreSQL will be asked to set it.
        return QueryExecutor.checkLocalSettings((Map<String, String>) value);
    }
}
