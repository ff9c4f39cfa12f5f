package dev.fraiseql.graphql.internal.fetch;

import dev.fraiseql.core.query.SelectSpec;
import dev.fraiseql.graphql.ViewQuery;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link ViewQuery} of a list or single-object field bound to a view. */
final class DefaultViewQuery implements ViewQuery {

    private final ViewDataFetcher fetcher;
    private final DataFetchingEnvironment env;
    private final SelectSpec spec;

    DefaultViewQuery(ViewDataFetcher fetcher, DataFetchingEnvironment env, SelectSpec spec) {
        this.fetcher = fetcher;
        this.env = env;
        this.spec = spec;
    }

    @Override
    public Map<String, Object> where() {
        return spec.where();
    }

    @Override
    public List<Map<String, Object>> orderBy() {
        return spec.orderBy();
    }

    @Override
    public Integer limit() {
        return spec.limit();
    }

    @Override
    public Integer offset() {
        return spec.offset();
    }

    @Override
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

    @Override
    public ViewQuery defaultOrderBy(List<Map<String, Object>> orderBy) {
        return spec.orderBy().isEmpty()
                ? with(new SelectSpec(spec.type(), spec.where(), new ArrayList<>(orderBy), spec.limit(), spec.offset()))
                : this;
    }

    @Override
    public ViewQuery maxLimit(int max) {
        Integer limit = spec.limit() == null || spec.limit() > max ? Integer.valueOf(max) : spec.limit();
        return with(new SelectSpec(spec.type(), spec.where(), spec.orderBy(), limit, spec.offset()));
    }

    @Override
    public Object fetch() {
        return fetcher.observed(() -> fetcher.fetch(spec, env));
    }

    @Override
    public List<Map<String, Object>> fetchList() {
        if (!fetcher.returnsList()) {
            throw new IllegalStateException(fetcher.coordinate() + " returns one object: use fetchOne()");
        }
        return fetcher.observed(() -> fetcher.rows(spec, env));
    }

    @Override
    public Map<String, Object> fetchOne() {
        if (fetcher.returnsList()) {
            throw new IllegalStateException(fetcher.coordinate() + " returns a list: use fetchList()");
        }
        return fetcher.observed(() -> fetcher.one(spec, env));
    }

    @Override
    @Deprecated
    public Object fetchMaps() {
        return fetcher.returnsList() ? fetchList() : fetchOne();
    }

    private ViewQuery with(SelectSpec next) {
        return new DefaultViewQuery(fetcher, env, next);
    }
}
