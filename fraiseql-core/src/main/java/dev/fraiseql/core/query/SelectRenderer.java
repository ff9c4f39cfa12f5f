package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.FieldRef;
import dev.fraiseql.core.where.FilterException;
import dev.fraiseql.core.where.Values;
import dev.fraiseql.core.where.WhereRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the SELECT statements of list, single-object, count and Relay connection queries on a type's view.
 *
 * <p>Every ordering ends with the type's {@code id} as a tiebreak (its real column when it has one, otherwise
 * {@code data->>'id'}), so pages are deterministic and keyset cursors unique. The view is read as {@code "t"}.
 */
public final class SelectRenderer {

    /** The alias of the view in every statement. */
    public static final String ALIAS = "t";

    private static final String PAGE = "page";
    private static final String NODE = "__node";
    private static final String TOTAL = "__total";

    private final TypeRegistry registry;
    private final PageSettings page;
    private final WhereRenderer where;
    private final AggregateRenderer aggregates;

    /** A renderer for the types of {@code registry} with the page sizes of {@code page}. */
    public SelectRenderer(TypeRegistry registry, PageSettings page) {
        this(registry, page, new WhereRenderer(registry));
    }

    /** A renderer for the types of {@code registry} with the page sizes of {@code page}, filtering with {@code where}. */
    public SelectRenderer(TypeRegistry registry, PageSettings page, WhereRenderer where) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.page = Objects.requireNonNull(page, "page");
        this.where = Objects.requireNonNull(where, "where");
        this.aggregates = new AggregateRenderer(registry, page, where);
    }

    /** The renderer of aggregate queries over the same views, with the same filters and page sizes. */
    public AggregateRenderer aggregates() {
        return aggregates;
    }

    /** {@code SELECT <projection> FROM <view> AS "t" [WHERE ...] ORDER BY ..., <id> LIMIT ? OFFSET ?}. */
    public SqlStatement list(SelectSpec spec, Projection projection) {
        int limit = pageSize(spec.limit(), "limit");
        if (spec.offset() != null && spec.offset() < 0) {
            throw new FilterException("offset", spec.offset(), "Invalid value for offset: " + spec.offset()
                    + " is negative; skip 0 or more rows");
        }
        List<SortKey> keys = sortKeys(spec.type(), spec.orderBy());
        SqlBuilder sql = new SqlBuilder();
        select(sql, spec.type(), projection);
        whereClause(sql, spec.type(), spec.where());
        orderBy(sql, keys, false);
        sql.append(" LIMIT ").value(limit).append(" OFFSET ").value(spec.offset() == null ? 0 : spec.offset());
        return sql.build();
    }

    /**
     * {@code SELECT <projection> FROM <view> AS "t" [WHERE ...] [ORDER BY ...] LIMIT 2}: two rows so that the caller
     * can report an ambiguous single-object query (more than one row) instead of silently picking one. Limit and
     * offset of the spec are ignored.
     */
    public SqlStatement single(SelectSpec spec, Projection projection) {
        SqlBuilder sql = new SqlBuilder();
        select(sql, spec.type(), projection);
        whereClause(sql, spec.type(), spec.where());
        if (!spec.orderBy().isEmpty()) {
            orderBy(sql, sortKeys(spec.type(), spec.orderBy()), false);
        }
        sql.append(" LIMIT 2");
        return sql.build();
    }

    /** {@code SELECT count(*) FROM <view> AS "t" [WHERE ...]}, for a connection's {@code totalCount}. */
    public SqlStatement count(TypeDef type, Map<String, Object> filter) {
        SqlBuilder sql = new SqlBuilder().append("SELECT count(*) FROM ");
        from(sql, type);
        whereClause(sql, type, filter);
        return sql.build();
    }

    /**
     * A keyset page of a Relay connection in one statement: column 1 the projection, column 2 the {@link Cursor#COLUMN}
     * column, in page order, with one row more than the page size; pass the cursor column of all fetched rows to
     * {@link #page}.
     *
     * <p>Forward without {@code totalCount}: {@code SELECT <projection>, jsonb_build_array(<keys>)::text AS "__cursor"
     * FROM <view> AS "t" WHERE <where> AND <after keyset> ORDER BY <keys> LIMIT ?}. Backward ({@code last}) reads in
     * reverse order inside an outer query that restores page order. With {@link ConnectionSpec#withTotalCount()} the
     * page is joined laterally to {@code SELECT count(*) ... WHERE <where>}, so column 3 holds the total and page and
     * total come from one snapshot; an empty page is then one row whose cursor column is null (not a row of the page).
     */
    public SqlStatement connection(ConnectionSpec spec, Projection projection) {
        TypeDef type = spec.type();
        int size = connectionPageSize(spec);
        List<SortKey> keys = sortKeys(type, spec.orderBy());
        List<Keyset> keysets = new ArrayList<>(2);
        if (spec.after() != null) {
            keysets.add(new Keyset(cursorValues(keys, spec.after(), "after"), false));
        }
        if (spec.before() != null) {
            keysets.add(new Keyset(cursorValues(keys, spec.before(), "before"), true));
        }
        boolean backward = spec.backward();
        boolean wrapped = backward || spec.withTotalCount();
        SqlBuilder sql = new SqlBuilder();
        if (wrapped) {
            sql.append("SELECT ").identifier(PAGE).append(".").identifier(NODE).append(", ").identifier(PAGE).append(".")
                    .identifier(Cursor.COLUMN);
            if (spec.withTotalCount()) {
                sql.append(", ").identifier(TOTAL).append(".").identifier(TOTAL).append(" FROM (SELECT count(*) AS ")
                        .identifier(TOTAL).append(" FROM ");
                from(sql, type);
                whereClause(sql, type, spec.where());
                sql.append(") AS ").identifier(TOTAL).append(" LEFT JOIN LATERAL (");
            } else {
                sql.append(" FROM (");
            }
        }
        sql.append("SELECT ");
        projection.appendSelectList(sql, ALIAS);
        if (wrapped) {
            sql.append(" AS ").identifier(NODE);
        }
        sql.append(", jsonb_build_array(");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            keys.get(i).ref().appendTyped(sql);
        }
        sql.append(")::text AS ").identifier(Cursor.COLUMN);
        if (wrapped) {
            for (int i = 0; i < keys.size(); i++) {
                sql.append(", ");
                keys.get(i).ref().appendTyped(sql).append(" AS ").identifier("__k" + i);
            }
        }
        sql.append(" FROM ");
        from(sql, type);
        whereClause(sql, type, spec.where());
        boolean hasWhere = !spec.where().isEmpty();
        for (Keyset k : keysets) {
            sql.append(hasWhere ? " AND " : " WHERE ");
            hasWhere = true;
            keyset(sql, keys, k.values(), k.before());
        }
        orderBy(sql, keys, backward);
        sql.append(" LIMIT ").value(size + 1);
        if (wrapped) {
            sql.append(") AS ").identifier(PAGE).append(spec.withTotalCount() ? " ON TRUE" : "").append(" ORDER BY ");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.identifier(PAGE).append(".").identifier("__k" + i).append(" ").append(keys.get(i).direction().sql());
            }
        }
        return sql.build();
    }

    /** The page among the fetched rows of {@link #connection}, given their {@link Cursor#COLUMN} values in order. */
    public ConnectionPage page(ConnectionSpec spec, List<String> fetchedCursorColumn) {
        return ConnectionPage.of(spec, connectionPageSize(spec), fetchedCursorColumn);
    }

    /** The rows a connection page holds: first, last or the default page size, checked against the maximum. */
    public int connectionPageSize(ConnectionSpec spec) {
        return spec.last() != null ? pageSize(spec.last(), "last") : pageSize(spec.first(), "first");
    }

    private int pageSize(Integer requested, String argument) {
        return page.size(requested, argument);
    }

    private void select(SqlBuilder sql, TypeDef type, Projection projection) {
        sql.append("SELECT ");
        projection.appendSelectList(sql, ALIAS);
        sql.append(" FROM ");
        from(sql, type);
    }

    private void from(SqlBuilder sql, TypeDef type) {
        if (!type.hasView()) {
            throw new IllegalArgumentException("Type " + type.name()
                    + " is not bound to a view and cannot be queried on its own; give it a view");
        }
        sql.qualifiedName(type.view()).append(" AS ").identifier(ALIAS);
    }

    private void whereClause(SqlBuilder sql, TypeDef type, Map<String, ?> filter) {
        if (filter != null && !filter.isEmpty()) {
            sql.append(" WHERE ");
            where.render(type, filter, ALIAS, sql);
        }
    }

    private static void orderBy(SqlBuilder sql, List<SortKey> keys, boolean reversed) {
        sql.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            SortKey k = keys.get(i);
            k.ref().appendTyped(sql).append(" ").append((reversed ? k.direction().reversed() : k.direction()).sql());
        }
    }

    /**
     * The sort keys of {@code orderBy}, then the id tiebreak (in the direction of the last key) unless the order
     * already has it. The id counts as non-null: a tiebreak must be present and unique in every row.
     */
    List<SortKey> sortKeys(TypeDef type, List<Map<String, Object>> orderBy) {
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            Map<String, Object> entry = orderBy.get(i);
            if (entry == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : entry.entrySet()) {
                sortKey(type.dataColumn(), type, List.of(), e.getKey(), e.getValue(), "orderBy[" + i + "]." + e.getKey(), keys);
            }
        }
        FieldDef id = type.fields().get("id");
        if (id == null || id.isObject() || id.list()) {
            id = FieldDef.scalar("id", ScalarKind.ID);
        }
        FieldRef idRef = new FieldRef(ALIAS, type.dataColumn(), List.of(), id);
        boolean present = false;
        for (int i = 0; i < keys.size(); i++) {
            SortKey k = keys.get(i);
            if (k.ref().equals(idRef)) {
                keys.set(i, new SortKey(k.ref(), k.direction(), k.path(), true));
                present = true;
            }
        }
        if (!present) {
            // Following the last key's direction lets one index on (key, id), read forwards or backwards, serve the
            // whole order, and lets a keyset page compare (key, id) as one row value.
            boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).direction().descending();
            keys.add(new SortKey(idRef, descending ? SortDirection.DESC : SortDirection.ASC, "id", true));
        }
        return keys;
    }

    private void sortKey(String dataColumn, TypeDef type, List<FieldDef> prefix, String name, Object value, String path,
            List<SortKey> keys) {
        FieldDef field = type.fields().get(name);
        if (field == null) {
            throw new FilterException(path, value, "Unknown field " + path + ": type " + type.name()
                    + " has no field " + name + " (fields: " + String.join(", ", type.fields().keySet()) + ")");
        }
        if (value == null) {
            return;
        }
        if (field.isObject() && !field.list()) {
            if (!(value instanceof Map<?, ?> nested)) {
                throw FilterException.invalidValue(path, value, "an object of " + field.objectType() + " fields");
            }
            List<FieldDef> next = new ArrayList<>(prefix);
            next.add(field);
            TypeDef nestedType = registry.type(field.objectType());
            for (Map.Entry<?, ?> e : nested.entrySet()) {
                String key = String.valueOf(e.getKey());
                sortKey(dataColumn, nestedType, next, key, e.getValue(), path + "." + key, keys);
            }
            return;
        }
        if (field.list() || field.scalar() == ScalarKind.JSON || field.scalar() == ScalarKind.TSVECTOR) {
            throw new FilterException(path, value, "Cannot order by " + path + ": a " + field.typeLabel()
                    + " field has no order; order by a scalar field");
        }
        SortDirection direction;
        String text = value instanceof Enum<?> en ? en.name() : value instanceof String s ? s : null;
        try {
            direction = SortDirection.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw FilterException.invalidValue(path, value,
                    "a sort direction (ASC, DESC, ASC_NULLS_FIRST, ASC_NULLS_LAST, DESC_NULLS_FIRST, DESC_NULLS_LAST)");
        }
        FieldRef ref = new FieldRef(ALIAS, dataColumn, prefix, field);
        keys.add(new SortKey(ref, direction, path, ref.nonNull()));
    }

    private List<Object> cursorValues(List<SortKey> keys, String cursor, String argument) {
        List<Object> raw = Cursor.decode(cursor, argument);
        if (raw.size() != keys.size()) {
            throw Cursor.invalid(cursor, argument);
        }
        List<Object> values = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (v == null) {
                values.add(null);
                continue;
            }
            try {
                values.add(Values.scalar(keys.get(i).ref().field().scalar(), v, argument));
            } catch (FilterException e) {
                throw Cursor.invalid(cursor, argument);
            }
        }
        return values;
    }

    private record Keyset(List<Object> values, boolean before) {
    }

    /**
     * Rows strictly after (or before) the cursor's row in the order of {@code keys}, nulls placed as in ORDER BY, written
     * so that an index on the leading keys serves the page as a range instead of filtering every row before the cursor.
     *
     * <p>A key is <em>bounded</em> when its cursor value is not null and no null can sort after that value (the key is
     * non-null, or its nulls come first). When every key is bounded and all sort the same way, the keyset is one row
     * comparison {@code (a, b) > (?, ?)} ({@code <} descending), which PostgreSQL reads as an index range. Otherwise the
     * leading bounded keys of one direction give a range {@code (a) >= (?)} that an index can serve, and the exact
     * condition follows as an expansion: {@code a > ? OR (a = ? AND b < ?) ...}, with null branches only for nullable keys.
     */
    private static void keyset(SqlBuilder sql, List<SortKey> keys, List<Object> values, boolean before) {
        List<SortDirection> directions = new ArrayList<>(keys.size());
        for (SortKey k : keys) {
            directions.add(before ? k.direction().reversed() : k.direction());
        }
        boolean descending = directions.get(0).descending();
        int bounded = 0;
        while (bounded < keys.size() && values.get(bounded) != null
                && (keys.get(bounded).nonNull() || directions.get(bounded).nullsFirst())
                && directions.get(bounded).descending() == descending) {
            bounded++;
        }
        if (bounded == keys.size()) {
            rowComparison(sql, keys, values, bounded, descending ? " < " : " > ");
            return;
        }
        if (bounded > 0) {
            rowComparison(sql, keys, values, bounded, descending ? " <= " : " >= ");
            sql.append(" AND ");
        }
        expansion(sql, keys, values, directions);
    }

    /** {@code k0 > ?} for one key, {@code (k0, k1) > (?, ?)} for more: the first {@code count} keys against the cursor. */
    private static void rowComparison(SqlBuilder sql, List<SortKey> keys, List<Object> values, int count, String operator) {
        if (count > 1) {
            sql.append("(");
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            keys.get(i).ref().appendTyped(sql);
        }
        sql.append(count > 1 ? ")" : "").append(operator).append(count > 1 ? "(" : "");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            bind(sql, keys.get(i), values.get(i));
        }
        if (count > 1) {
            sql.append(")");
        }
    }

    /** The exact keyset as an OR of terms, one per key that can differ from the cursor with the row still after it. */
    private static void expansion(SqlBuilder sql, List<SortKey> keys, List<Object> values, List<SortDirection> directions) {
        List<Integer> terms = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) != null || directions.get(i).nullsFirst()) {
                terms.add(i);
            }
        }
        if (terms.isEmpty()) {
            sql.append("FALSE");
            return;
        }
        sql.append("(");
        for (int t = 0; t < terms.size(); t++) {
            int i = terms.get(t);
            if (t > 0) {
                sql.append(" OR ");
            }
            if (i > 0) {
                sql.append("(");
            }
            for (int j = 0; j < i; j++) {
                SortKey k = keys.get(j);
                k.ref().appendTyped(sql);
                if (values.get(j) == null) {
                    sql.append(" IS NULL");
                } else {
                    sql.append(" = ");
                    bind(sql, k, values.get(j));
                }
                sql.append(" AND ");
            }
            SortKey k = keys.get(i);
            SortDirection d = directions.get(i);
            Object v = values.get(i);
            if (v == null) {
                k.ref().appendTyped(sql).append(" IS NOT NULL");
            } else if (d.nullsFirst() || k.nonNull()) {
                k.ref().appendTyped(sql).append(d.descending() ? " < " : " > ");
                bind(sql, k, v);
            } else {
                sql.append("(");
                k.ref().appendTyped(sql).append(d.descending() ? " < " : " > ");
                bind(sql, k, v);
                sql.append(" OR ");
                k.ref().appendTyped(sql).append(" IS NULL)");
            }
            if (i > 0) {
                sql.append(")");
            }
        }
        sql.append(")");
    }

    private static void bind(SqlBuilder sql, SortKey key, Object value) {
        ScalarKind kind = key.ref().field().scalar();
        if (kind.isText()) {
            sql.value(value);
        } else {
            sql.value(value, kind.sqlType());
        }
    }
}
