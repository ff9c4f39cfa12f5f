package dev.fraiseql.graphql;

import java.util.List;
import java.util.Map;

/**
 * The read of a view-bound field, handed to a {@link FraiseqlMapping} controller method: the method
 * adds mandatory filters, default ordering or limits, then returns {@link #fetch()} so that the result
 * still takes the fast path, or reads {@link #fetchList()} or {@link #fetchOne()} to post-process rows.
 * Instances are immutable: each adjustment returns a new query.
 */
public interface ViewQuery {

    /** The filter the client gave (GraphQL field names and operators), possibly empty. */
    Map<String, Object> where();

    /** The ordering the client gave, possibly empty. */
    List<Map<String, Object>> orderBy();

    /** The page size the client gave, or {@code null}. */
    Integer limit();

    /** The rows the client skips, or {@code null}. */
    Integer offset();

    /**
     * Adds a condition every row must meet whatever the client asked, such as
     * {@code and("tenantId", Map.of("eq", tenant))}; the client's own filter still applies.
     */
    ViewQuery and(String field, Map<String, Object> condition);

    /** Orders by {@code orderBy} when the client gave no ordering. */
    ViewQuery defaultOrderBy(List<Map<String, Object>> orderBy);

    /** Caps the page size at {@code max} (and uses it when the client gave none). */
    ViewQuery maxLimit(int max);

    /**
     * Runs the query and returns the field's value, to be returned from the method as it is: on the fast path the
     * response JSON straight from PostgreSQL.
     */
    Object fetch();

    /**
     * Runs the query of a list field and returns its rows as maps with the schema's (camelCase) names, for methods that
     * post-process them; graphql-java then completes what the method returns.
     *
     * @throws IllegalStateException when the field returns one object, not a list
     */
    List<Map<String, Object>> fetchList();

    /**
     * Runs the query of a single-object field and returns its row as a map with the schema's names, or {@code null}
     * when no row matches.
     *
     * @throws IllegalStateException when the field returns a list
     */
    Map<String, Object> fetchOne();

    /**
     * Runs the query and returns {@link #fetchList()} for a list field, {@link #fetchOne()} otherwise.
     *
     * @deprecated use {@link #fetchList()} or {@link #fetchOne()}, which say what they return
     */
    @Deprecated(since = "0.1.0")
    Object fetchMaps();
}
