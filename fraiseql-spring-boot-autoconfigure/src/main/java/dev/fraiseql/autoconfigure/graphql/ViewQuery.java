package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.query.SelectSpec;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read of a view-bound field, handed to a {@link FraiseqlMapping} controller method: the method
 * adds mandatory filters, default ordering or limits, then calls {@link #fetch()} so that the result
 * still takes the fast path, or {@link #fetchMaps()} to post-process rows. Instances are immutable.
 */
public final class ViewQuery {

    private final ViewDataFetcher fetcher;
    private final DataFetchingEnvironment env;
    private final SelectSpec spec;

    ViewQuery(ViewDataFetcher fetcher, DataFetchingEnvironment env, SelectSpec spec) {
        this.fetcher = fetcher;
        this.env = env;
        this.spec = spec;
    }

    /** The filter the client gave (GraphQL field names and operators), possibly empty. */
    public Map<String, Object> where() {
        return spec.where();
    }

    /** The ordering the client gave, possibly empty. */
    public List<Map<String, Object>> orderBy() {
        return spec.orderBy();
    }

    /** The page size the client gave, or {@code null}. */
    public Integer limit() {
        return spec.limit();
    }

    /** The rows the client skips, or {@code null}. */
    public Integer offset() {
        return spec.offset();
    }

    /**
     * Adds a condition every row must meet whatever the client asked, such as
     * {@code and("tenantId", Map.of("eq", tenant))}; the client's own filter still applies.
     */
    public ViewQuery and(String field, Map<String, Object> condition) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(condition, "condition");
        Map<String, Object> mandatory = Map.of(field, condition);
        Map<String, Object> where;
        if (spec.where().isEmpty()) {
            where = mandatory;
        } else {
            where = new LinkedHashMap<>();
            where.put("AND", List.of(spec.where(), mandatory));
        }
        return with(new SelectSpec(spec.type(), where, spec.orderBy(), spec.limit(), spec.offset()));
    }

    /** Orders by {@code orderBy} when the client gave no ordering. */
    public ViewQuery defaultOrderBy(List<Map<String, Object>> orderBy) {
        return spec.orderBy().isEmpty()
                ? with(new SelectSpec(spec.type(), spec.where(), new ArrayList<>(orderBy), spec.limit(), spec.offset()))
                : this;
    }

    /** Caps the page size at {@code max} (and uses it when the client gave none). */
    public ViewQuery maxLimit(int max) {
        Integer limit = spec.limit() == null || spec.limit() > max ? Integer.valueOf(max) : spec.limit();
        return with(new SelectSpec(spec.type(), spec.where(), spec.orderBy(), limit, spec.offset()));
    }

    /** Runs the query: the response JSON straight from PostgreSQL on the fast path. Return this from the method. */
    public Object fetch() {
        return fetcher.fetch(spec, env, false);
    }

    /**
     * Runs the query and returns parsed rows (a list of maps for list fields, one map or {@code null}
     * otherwise) with camelCase keys, for methods that post-process; graphql-java then completes them.
     */
    public Object fetchMaps() {
        return fetcher.fetch(spec, env, true);
    }

    private ViewQuery with(SelectSpec next) {
        return new ViewQuery(fetcher, env, next);
    }
}
