package dev.fraiseql.core.query;

import dev.fraiseql.core.query.AggregateSpec.Measure;
import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import dev.fraiseql.core.where.FieldRef;
import dev.fraiseql.core.where.FilterException;
import dev.fraiseql.core.where.WhereRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders aggregate queries: one statement over a type's view, with the list field's {@code where}, that answers one
 * row per group, each row one JSON object built by PostgreSQL.
 *
 * <p>{@code SELECT jsonb_build_object('key', jsonb_build_object(<group keys>), 'count', count(*), 'sum',
 * jsonb_build_object('pages', sum(<pages>)), ...)::text FROM <view> AS "t" [WHERE ...] [GROUP BY <keys>] [ORDER BY
 * <terms>, <keys>] LIMIT ? OFFSET ?}. The object's keys are the fields' JSON keys, nested objects of group keys
 * ({@code author.country}) nest, and a field with a real column of the view is read from that column. Without
 * {@code groupBy} there is exactly one group, also when no row matches (count 0, sums null).
 */
public final class AggregateRenderer {

    private static final String ALIAS = SelectRenderer.ALIAS;
    /** Key-value pairs per {@code jsonb_build_object} call: PostgreSQL passes a function at most 100 arguments. */
    static final int PAIRS_PER_CALL = 50;

    private final TypeRegistry registry;
    private final PageSettings page;
    private final WhereRenderer where;

    /** A renderer for the types of {@code registry}, filtering with {@code where}, paging groups by {@code page}. */
    public AggregateRenderer(TypeRegistry registry, PageSettings page, WhereRenderer where) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.page = Objects.requireNonNull(page, "page");
        this.where = Objects.requireNonNull(where, "where");
    }

    /** The statement answering {@code spec}: one row per group, its only column the group's JSON text. */
    public SqlStatement aggregate(AggregateSpec spec) {
        TypeDef type = spec.type();
        int limit = page.size(spec.limit(), "limit");
        if (spec.offset() != null && spec.offset() < 0) {
            throw new FilterException("offset", spec.offset(), "Invalid value for offset: " + spec.offset()
                    + " is negative; skip 0 or more groups");
        }
        Map<String, FieldRef> keys = new LinkedHashMap<>();
        for (int i = 0; i < spec.groupBy().size(); i++) {
            String path = spec.groupBy().get(i);
            FieldRef ref = resolve(type, path, "groupBy[" + i + "]");
            if (!Aggregate.groupable(ref.field())) {
                throw new FilterException("groupBy[" + i + "]", path, "Cannot group by " + path + ": a "
                        + ref.field().typeLabel() + " field has no equality; group by a scalar field");
            }
            keys.putIfAbsent(path, ref);
        }
        Map<Aggregate, Map<String, FieldRef>> measures = new LinkedHashMap<>();
        for (Measure m : spec.measures()) {
            FieldRef ref = measured(type, m.function(), m.path(), m.function().graphQlName() + "." + m.path());
            measures.computeIfAbsent(m.function(), f -> new LinkedHashMap<>()).putIfAbsent(m.path(), ref);
        }
        List<Term> terms = orderTerms(type, spec.orderBy(), keys);

        SqlBuilder sql = new SqlBuilder().append("SELECT jsonb_build_object('key', ");
        object(sql, tree(keys), null);
        if (spec.count()) {
            sql.append(", 'count', count(*)");
        }
        for (Map.Entry<Aggregate, Map<String, FieldRef>> e : measures.entrySet()) {
            sql.append(", ").keyLiteral(e.getKey().jsonKey()).append(", ");
            object(sql, tree(e.getValue()), e.getKey());
        }
        sql.append(")::text FROM ");
        sql.qualifiedName(type.view()).append(" AS ").identifier(ALIAS);
        if (!spec.where().isEmpty()) {
            sql.append(" WHERE ");
            where.render(type, spec.where(), ALIAS, sql);
        }
        if (!keys.isEmpty()) {
            sql.append(" GROUP BY ");
            int i = 0;
            for (FieldRef ref : keys.values()) {
                sql.append(i++ > 0 ? ", " : "");
                ref.appendTyped(sql);
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            sql.append(i == 0 ? " ORDER BY " : ", ");
            if (t.ref() == null) {
                sql.append("count(*)");
            } else if (t.function() == null) {
                t.ref().appendTyped(sql);
            } else {
                measure(sql, t.function(), t.ref());
            }
            sql.append(" ").append(t.direction().sql());
        }
        sql.append(" LIMIT ").value(limit).append(" OFFSET ").value(spec.offset() == null ? 0 : spec.offset());
        return sql.build();
    }

    /** The field at {@code path} ({@code author.country}): every step but the last a single nested object. */
    private FieldRef resolve(TypeDef root, String path, String argument) {
        String[] names = path.split("\\.", -1);
        TypeDef type = root;
        List<FieldDef> objects = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            FieldDef field = type.fields().get(names[i]);
            if (field == null) {
                throw new FilterException(argument, path, "Unknown field " + argument + ": type " + type.name()
                        + " has no field " + FilterException.describe(names[i]) + " (fields: "
                        + String.join(", ", type.fields().keySet()) + ")");
            }
            if (i == names.length - 1) {
                return new FieldRef(ALIAS, root.dataColumn(), objects, field);
            }
            if (!field.isObject() || field.list()) {
                throw new FilterException(argument, path, "Invalid field path " + argument + " " + FilterException
                        .describe(path) + ": " + type.name() + "." + field.name() + " is not a nested object");
            }
            objects.add(field);
            type = registry.type(field.objectType());
        }
        throw new IllegalStateException("unreachable");
    }

    private FieldRef measured(TypeDef type, Aggregate function, String path, String argument) {
        FieldRef ref = resolve(type, path, argument);
        if (!function.accepts(ref.field())) {
            throw new FilterException(argument, path, "Cannot compute " + function.graphQlName() + " of " + path
                    + ": a " + ref.field().typeLabel() + " field has none; use a numeric field"
                    + (function == Aggregate.MIN || function == Aggregate.MAX ? ", a string or a date" : ""));
        }
        return ref;
    }

    /** The ORDER BY terms: the requested ones, then every group key not ordered yet, ascending. */
    private List<Term> orderTerms(TypeDef type, List<Map<String, Object>> orderBy, Map<String, FieldRef> keys) {
        List<Term> terms = new ArrayList<>();
        Set<String> orderedKeys = new LinkedHashSet<>();
        for (int i = 0; i < orderBy.size(); i++) {
            Map<String, Object> entry = orderBy.get(i);
            if (entry == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : entry.entrySet()) {
                String path = "orderBy[" + i + "]." + e.getKey();
                if (e.getValue() == null) {
                    continue;
                }
                if (e.getKey().equals("count")) {
                    terms.add(new Term(null, null, direction(e.getValue(), path)));
                } else if (e.getKey().equals("key")) {
                    keyTerms(e.getValue(), "", path, keys, orderedKeys, terms);
                } else {
                    Aggregate function = function(e.getKey());
                    if (function == null) {
                        throw new FilterException(path, e.getValue(), "Unknown group order " + path
                                + ": order groups by key, count, countDistinct, sum, avg, min or max");
                    }
                    if (!(e.getValue() instanceof Map<?, ?> fields)) {
                        throw FilterException.invalidValue(path, e.getValue(), "an object of fields and directions");
                    }
                    measureTerms(type, function, fields, "", path, terms);
                }
            }
        }
        for (Map.Entry<String, FieldRef> k : keys.entrySet()) {
            if (!orderedKeys.contains(k.getKey())) {
                terms.add(new Term(k.getValue(), null, SortDirection.ASC));
            }
        }
        return terms;
    }

    /** The terms of {@code {sum: {pages: DESC, author: {birthYear: ASC}}}}, nested objects followed. */
    private void measureTerms(TypeDef type, Aggregate function, Map<?, ?> fields, String prefix, String path,
            List<Term> terms) {
        for (Map.Entry<?, ?> f : fields.entrySet()) {
            String name = prefix + f.getKey();
            String at = path + "." + f.getKey();
            if (f.getValue() instanceof Map<?, ?> nested) {
                measureTerms(type, function, nested, name + ".", at, terms);
            } else if (f.getValue() != null) {
                terms.add(new Term(measured(type, function, name, at), function, direction(f.getValue(), at)));
            }
        }
    }

    private static void keyTerms(Object value, String prefix, String path, Map<String, FieldRef> keys,
            Set<String> orderedKeys, List<Term> terms) {
        if (!(value instanceof Map<?, ?> fields)) {
            if (prefix.isEmpty()) {
                throw FilterException.invalidValue(path, value, "an object of group keys and directions");
            }
            String field = prefix.substring(0, prefix.length() - 1);
            FieldRef ref = keys.get(field);
            if (ref == null) {
                throw new FilterException(path, value, "Cannot order groups by " + path + ": " + field
                        + " is not a group key; add it to groupBy or order by an aggregate");
            }
            orderedKeys.add(field);
            terms.add(new Term(ref, null, direction(value, path)));
            return;
        }
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (e.getValue() != null) {
                keyTerms(e.getValue(), prefix + e.getKey() + ".", path + "." + e.getKey(), keys, orderedKeys, terms);
            }
        }
    }

    /** One ORDER BY term: {@code count(*)} (no field), a group key (no function) or an aggregate of a field. */
    private record Term(FieldRef ref, Aggregate function, SortDirection direction) {
    }

    private static Aggregate function(String graphQlName) {
        for (Aggregate a : Aggregate.values()) {
            if (a.graphQlName().equals(graphQlName)) {
                return a;
            }
        }
        return null;
    }

    private static SortDirection direction(Object value, String path) {
        String text = value instanceof Enum<?> en ? en.name() : value instanceof String s ? s : null;
        try {
            return SortDirection.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw FilterException.invalidValue(path, value,
                    "a sort direction (ASC, DESC, ASC_NULLS_FIRST, ASC_NULLS_LAST, DESC_NULLS_FIRST, DESC_NULLS_LAST)");
        }
    }

    /** Paths grouped into nested objects by their JSON keys: {@code author.country} under {@code author}. */
    private static Map<String, Object> tree(Map<String, FieldRef> refs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (FieldRef ref : refs.values()) {
            Map<String, Object> node = root;
            for (FieldDef o : ref.objects()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) node.computeIfAbsent(o.jsonKey(),
                        k -> new LinkedHashMap<String, Object>());
                node = next;
            }
            node.put(ref.field().jsonKey(), ref);
        }
        return root;
    }

    /**
     * {@code jsonb_build_object('k', <value or aggregate>, 'nested', jsonb_build_object(...))}; an object of more than
     * {@value #PAIRS_PER_CALL} keys is built in parts joined by {@code ||}, since a function takes at most 100 arguments.
     */
    private static void object(SqlBuilder sql, Map<String, Object> tree, Aggregate function) {
        sql.append("jsonb_build_object(");
        int i = 0;
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (i > 0 && i % PAIRS_PER_CALL == 0) {
                sql.append(") || jsonb_build_object(");
            } else if (i > 0) {
                sql.append(", ");
            }
            i++;
            sql.keyLiteral(e.getKey()).append(", ");
            if (e.getValue() instanceof FieldRef ref) {
                if (function == null) {
                    ref.appendTyped(sql);
                } else {
                    measure(sql, function, ref);
                }
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) e.getValue();
                object(sql, nested, function);
            }
        }
        sql.append(")");
    }

    /**
     * One aggregate: {@code count(DISTINCT x)}, {@code min(x)}, {@code max(x)} on the typed value; {@code sum} and
     * {@code avg} of a {@code Float} on its exact decimal value ({@code numeric}), made a double once at the end; the
     * average of an {@code Int} a double.
     */
    private static void measure(SqlBuilder sql, Aggregate function, FieldRef ref) {
        ScalarKind kind = ref.field().scalar();
        switch (function) {
            case COUNT_DISTINCT -> {
                sql.append("count(DISTINCT ");
                ref.appendTyped(sql).append(")");
            }
            case MIN, MAX -> {
                sql.append(function == Aggregate.MIN ? "min(" : "max(");
                ref.appendTyped(sql).append(")");
            }
            case SUM, AVG -> {
                sql.append(function == Aggregate.SUM ? "sum(" : "avg(");
                if (kind == ScalarKind.FLOAT) {
                    exact(sql, ref);
                } else {
                    ref.appendTyped(sql);
                }
                sql.append(")");
                if (kind == ScalarKind.FLOAT || (function == Aggregate.AVG && kind != ScalarKind.DECIMAL)) {
                    sql.append("::float8");
                }
            }
        }
    }

    /** The value as {@code numeric}, read from its text (or column) rather than through a double. */
    private static void exact(SqlBuilder sql, FieldRef ref) {
        sql.append("(");
        ref.appendText(sql);
        sql.append(")::numeric");
    }
}
