package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Renders a GraphQL {@code where} argument (maps of GraphQL names, as graphql-java delivers them) into a SQL boolean
 * expression with bind parameters.
 *
 * <p>Semantics, documented in docs/filtering.md: the entries of one object are ANDed; {@code AND: []} is TRUE,
 * {@code OR: []} is FALSE; an entry whose value is null is ignored (an absent optional input), but a null operand
 * ({@code {eq: null}}) is an error pointing at {@code isnull}; comparisons follow SQL, so a missing value matches no
 * comparison, only {@code isnull: true}.
 */
public class WhereRenderer {

    /** The deepest nesting of AND/OR/NOT and nested objects accepted. */
    public static final int MAX_DEPTH = 50;

    /** RFC 1918, loopback and link-local networks for IPv4 and IPv6 (unique local, loopback, link-local). */
    static final String PRIVATE_NETWORKS =
            "'{10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8,169.254.0.0/16,::1/128,fc00::/7,fe80::/10}'::inet[]";

    static final List<String> STRING_OPS = List.of("eq", "neq", "contains", "icontains", "startswith", "istartswith",
            "endswith", "iendswith", "like", "ilike", "matches", "imatches", "notMatches", "in", "nin", "isnull");
    static final List<String> EQUALITY_OPS = List.of("eq", "neq", "in", "nin", "isnull");
    static final List<String> COMPARISON_OPS = List.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "isnull");
    static final List<String> BOOLEAN_OPS = List.of("eq", "neq", "isnull");
    static final List<String> LIST_OPS = List.of("eq", "neq", "contains", "containedBy", "overlaps", "lenEq", "lenGt",
            "lenGte", "lenLt", "lenLte", "anyEq", "allEq", "isnull");
    static final List<String> JSON_OPS = List.of("eq", "neq", "contains", "containedBy", "hasKey", "hasAnyKeys",
            "hasAllKeys", "isnull");
    static final List<String> INET_OPS = List.of("eq", "neq", "in", "nin", "inSubnet", "isPrivate", "isPublic",
            "isIPv4", "isIPv6", "isnull");
    static final List<String> LTREE_OPS = List.of("eq", "neq", "in", "nin", "ancestorOf", "descendantOf",
            "matchesLquery", "isnull");
    static final List<String> DATERANGE_OPS = List.of("eq", "neq", "containsDate", "overlaps", "adjacent",
            "strictlyLeft", "strictlyRight", "isnull");
    static final List<String> FULLTEXT_OPS = List.of("matches", "plainQuery", "phraseQuery", "websearchQuery",
            "isnull");

    /** The quantifiers a list of objects accepts, each taking the element type's filter. */
    public static final List<String> LIST_QUANTIFIERS = List.of("some", "every", "none");

    /** The kinds whose JSON equality is exactly the typed equality, so containment can decide {@code eq}. */
    private static final EnumSet<ScalarKind> CONTAINABLE = EnumSet.of(ScalarKind.STRING, ScalarKind.ENUM,
            ScalarKind.BOOLEAN, ScalarKind.INT, ScalarKind.BIGINT);

    private final TypeRegistry registry;

    /** A renderer resolving nested object types in {@code registry}. */
    public WhereRenderer(TypeRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Appends the boolean expression for {@code where} on rows of {@code type} read as {@code tableAlias}; appends
     * {@code TRUE} for a null or empty filter.
     *
     * @throws FilterException for an unknown field or operator, or a value of the wrong type or format
     */
    public void render(TypeDef type, Map<String, ?> where, String tableAlias, SqlBuilder out) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tableAlias, "tableAlias");
        if (where == null || where.isEmpty()) {
            out.append("TRUE");
            return;
        }
        new Render(type.dataColumn(), tableAlias, out).object(type, List.of(), where, 0);
    }

    /** The operators accepted by a scalar field, in documentation order; none for an object field. */
    public static List<String> operatorsFor(FieldDef field) {
        if (field.isObject()) {
            return List.of();
        }
        if (field.list()) {
            return LIST_OPS;
        }
        return switch (field.scalar()) {
            case STRING -> STRING_OPS;
            case ENUM, ID, MACADDR -> EQUALITY_OPS;
            // UUIDs order (bytewise), so a client can write its own keyset: id > the last id seen.
            case INT, BIGINT, FLOAT, DECIMAL, DATE, DATETIME, TIME, UUID -> COMPARISON_OPS;
            case BOOLEAN -> BOOLEAN_OPS;
            case JSON -> JSON_OPS;
            case INET, CIDR -> INET_OPS;
            case LTREE -> LTREE_OPS;
            case DATERANGE -> DATERANGE_OPS;
            case TSVECTOR -> FULLTEXT_OPS;
        };
    }

    /** The state of one rendering: where the row is and where the SQL goes. */
    private final class Render {

        private final String dataColumn;
        private final String alias;
        private final SqlBuilder out;
        /** The argument path of the current position; grown and cut back as rendering descends, read only on error. */
        private final StringBuilder path;
        /** How many list filters enclose this rendering: 0 for the row itself, which names the element aliases. */
        private final int elementDepth;

        Render(String dataColumn, String alias, SqlBuilder out) {
            this(dataColumn, alias, out, new StringBuilder(64).append("where"), 0);
        }

        /** A rendering of one list element, read as {@code alias.value}, sharing the output and the path. */
        private Render(String dataColumn, String alias, SqlBuilder out, StringBuilder path, int elementDepth) {
            this.dataColumn = dataColumn;
            this.alias = alias;
            this.out = out;
            this.path = path;
            this.elementDepth = elementDepth;
        }

        private int push(char separator, String segment) {
            int mark = path.length();
            path.append(separator).append(segment);
            return mark;
        }

        private int pushIndex(int index) {
            int mark = path.length();
            path.append('[').append(index).append(']');
            return mark;
        }

        private void pop(int mark) {
            path.setLength(mark);
        }

        void object(TypeDef type, List<FieldDef> prefix, Map<?, ?> where, int depth) {
            if (depth > MAX_DEPTH) {
                throw new FilterException(path.toString(), null, "Filter too deeply nested at " + path + ": at most " + MAX_DEPTH
                        + " levels of AND/OR/NOT and nested objects are allowed; flatten the filter");
            }
            conjunction(where, (key, value) -> entry(type, prefix, key, value, depth));
        }

        /**
         * Appends the terms of the non-null entries of {@code entries} joined by AND, parenthesized when there are
         * several, or TRUE when there is none (an absent optional input filters nothing).
         */
        private void conjunction(Map<?, ?> entries, BiConsumer<String, Object> term) {
            int count = 0;
            for (Object v : entries.values()) {
                if (v != null) {
                    count++;
                }
            }
            if (count == 0) {
                out.append("TRUE");
                return;
            }
            boolean many = count > 1;
            if (many) {
                out.append("(");
            }
            boolean first = true;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(" AND ");
                }
                first = false;
                term.accept(String.valueOf(e.getKey()), e.getValue());
            }
            if (many) {
                out.append(")");
            }
        }

        private void entry(TypeDef type, List<FieldDef> prefix, String key, Object value, int depth) {
            int mark = push('.', key);
            switch (key) {
                case "AND" -> logical(type, prefix, value, depth, " AND ", "TRUE");
                case "OR" -> logical(type, prefix, value, depth, " OR ", "FALSE");
                case "NOT" -> {
                    if (!(value instanceof Map<?, ?> m)) {
                        throw FilterException.invalidValue(path, value, "a filter object");
                    }
                    out.append("NOT (");
                    object(type, prefix, m, depth + 1);
                    out.append(")");
                }
                default -> field(type, prefix, key, value, depth);
            }
            pop(mark);
        }

        private void logical(TypeDef type, List<FieldDef> prefix, Object value, int depth, String op,
                String empty) {
            if (!(value instanceof List<?> list)) {
                throw FilterException.invalidValue(path, value, "a list of filter objects");
            }
            int count = 0;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map<?, ?>) {
                    count++;
                } else if (item != null) {
                    pushIndex(i);
                    throw FilterException.invalidValue(path, item, "a filter object");
                }
            }
            if (count == 0) {
                out.append(empty);
                return;
            }
            boolean many = count > 1;
            if (many) {
                out.append("(");
            }
            boolean first = true;
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    continue;
                }
                if (!first) {
                    out.append(op);
                }
                first = false;
                int mark = pushIndex(i);
                object(type, prefix, item, depth + 1);
                pop(mark);
            }
            if (many) {
                out.append(")");
            }
        }

        private void field(TypeDef type, List<FieldDef> prefix, String name, Object value, int depth) {
            FieldDef field = type.fields().get(name);
            if (field == null) {
                throw new FilterException(path.toString(), value, "Unknown field " + path + ": type " + type.name()
                        + " has no field " + name + " (fields: " + String.join(", ", type.fields().keySet())
                        + ", AND, OR, NOT)");
            }
            if (!(value instanceof Map<?, ?> ops)) {
                throw FilterException.invalidValue(path, value, "an operator object such as {eq: ...}");
            }
            if (field.isObject()) {
                if (field.list()) {
                    listFilter(prefix, field, ops, depth);
                    return;
                }
                List<FieldDef> nested = new ArrayList<>(prefix.size() + 1);
                nested.addAll(prefix);
                nested.add(field);
                object(registry.type(field.objectType()), nested, ops, depth + 1);
                return;
            }
            // A list element is read from its JSON only: the real columns belong to the view's own rows.
            FieldRef ref = new FieldRef(alias, dataColumn, prefix, elementDepth == 0 ? field : field.withColumn(null));
            if (ops.isEmpty()) {
                out.append("TRUE");
                return;
            }
            boolean many = ops.size() > 1;
            if (many) {
                out.append("(");
            }
            int i = 0;
            for (Map.Entry<?, ?> e : ops.entrySet()) {
                if (i++ > 0) {
                    out.append(" AND ");
                }
                String op = String.valueOf(e.getKey());
                int mark = push('.', op);
                operator(ref, op, e.getValue(), path);
                pop(mark);
            }
            if (many) {
                out.append(")");
            }
        }

        /**
         * {@code some}, {@code every} and {@code none} over a JSON array of objects, each taking the element type's own
         * filter: an {@code EXISTS} over the array's elements, or, for {@code some} and {@code none} made only of
         * equalities that JSON compares exactly, a containment test on the row's data that a GIN index serves.
         */
        private void listFilter(List<FieldDef> prefix, FieldDef field, Map<?, ?> ops, int depth) {
            TypeDef element = registry.type(field.objectType());
            for (Map.Entry<?, ?> e : ops.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                String quantifier = String.valueOf(e.getKey());
                if (!LIST_QUANTIFIERS.contains(quantifier)) {
                    push('.', quantifier);
                    throw new FilterException(path.toString(), e.getValue(), "Unknown operator " + path + ": a list of "
                            + field.objectType() + " accepts " + String.join(", ", LIST_QUANTIFIERS)
                            + ", each taking a " + field.objectType() + " filter");
                }
                if (!(e.getValue() instanceof Map<?, ?>)) {
                    push('.', quantifier);
                    throw FilterException.invalidValue(path, e.getValue(), "a " + field.objectType() + " filter object");
                }
            }
            conjunction(ops, (quantifier, where) -> {
                int mark = push('.', quantifier);
                quantified(prefix, field, element, quantifier, (Map<?, ?>) where, depth + 1);
                pop(mark);
            });
        }

        private void quantified(List<FieldDef> prefix, FieldDef field, TypeDef element, String quantifier,
                Map<?, ?> where, int depth) {
            if (!quantifier.equals("every") && elementDepth == 0) {
                Map<String, Object> probe = new LinkedHashMap<>();
                if (containable(element, where, probe)) {
                    Map<String, Object> document = Map.of(field.jsonKey(), List.of(probe));
                    for (int i = prefix.size() - 1; i >= 0; i--) {
                        document = Map.of(prefix.get(i).jsonKey(), document);
                    }
                    boolean none = quantifier.equals("none");
                    if (none) {
                        out.append("(");
                    }
                    out.identifier(alias).append(".").identifier(dataColumn).append(" @> ")
                            .value(Json.write(document, path), "jsonb");
                    if (none) {
                        // A row whose data is NULL has no list, so none of its elements passes: true, not NULL.
                        out.append(") IS NOT TRUE");
                    }
                    return;
                }
            }
            String elementAlias = "e" + (elementDepth + 1);
            out.append(quantifier.equals("some") ? "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof("
                    : "NOT EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(");
            FieldRef array = new FieldRef(alias, dataColumn, prefix, field);
            array.appendJson(out).append(") WHEN 'array' THEN ");
            array.appendJson(out).append(" END) AS ").identifier(elementAlias).append("(value) WHERE ");
            Render inner = new Render("value", elementAlias, out, path, elementDepth + 1);
            // every: no element may fail the filter, and an element the filter cannot judge (a NULL) fails it.
            boolean every = quantifier.equals("every");
            if (every) {
                out.append("(");
            }
            inner.object(element, List.of(), where, depth);
            out.append(every ? ") IS NOT TRUE)" : ")");
        }

        /**
         * Whether {@code where} is only equalities on strings, enums, booleans and integers, possibly through nested
         * objects, which JSON containment decides exactly as the typed comparison would; fills {@code probe} with the
         * object an element must contain.
         */
        private boolean containable(TypeDef type, Map<?, ?> where, Map<String, Object> probe) {
            if (where.isEmpty()) {
                return false;
            }
            for (Map.Entry<?, ?> e : where.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                FieldDef f = type.fields().get(String.valueOf(e.getKey()));
                if (f == null || f.list() || !(e.getValue() instanceof Map<?, ?> ops) || probe.containsKey(f.jsonKey())) {
                    return false;
                }
                if (f.isObject()) {
                    Map<String, Object> nested = new LinkedHashMap<>();
                    if (!containable(registry.type(f.objectType()), ops, nested)) {
                        return false;
                    }
                    probe.put(f.jsonKey(), nested);
                    continue;
                }
                Object operand = ops.size() == 1 ? ops.get("eq") : null;
                if (operand == null || !CONTAINABLE.contains(f.scalar())) {
                    return false;
                }
                int mark = push('.', f.name());
                int opMark = push('.', "eq");
                probe.put(f.jsonKey(), Values.scalar(f.scalar(), operand, path));
                pop(opMark);
                pop(mark);
            }
            return !probe.isEmpty();
        }

        private void operator(FieldRef ref, String op, Object value, CharSequence path) {
            FieldDef field = ref.field();
            List<String> allowed = operatorsFor(field);
            if (!allowed.contains(op)) {
                throw new FilterException(path.toString(), value, "Unknown operator " + path + ": a " + field.typeLabel()
                        + " field accepts " + String.join(", ", allowed));
            }
            if (op.equals("isnull")) {
                ref.appendText(out).append(Values.bool(value, path) ? " IS NULL" : " IS NOT NULL");
                return;
            }
            ScalarKind kind = field.scalar();
            if (field.list()) {
                listOperator(ref, kind, op, value, path);
                return;
            }
            switch (op) {
                case "eq" -> compare(ref, " = ", kind, value, path);
                case "neq" -> compare(ref, " <> ", kind, value, path);
                case "gt" -> compare(ref, " > ", kind, value, path);
                case "gte" -> compare(ref, " >= ", kind, value, path);
                case "lt" -> compare(ref, " < ", kind, value, path);
                case "lte" -> compare(ref, " <= ", kind, value, path);
                case "in" -> in(ref, kind, value, path, false);
                case "nin" -> in(ref, kind, value, path, true);
                default -> {
                    switch (kind) {
                        case STRING -> stringOperator(ref, op, value, path);
                        case JSON -> jsonOperator(ref, op, value, path);
                        case INET, CIDR -> inetOperator(ref, op, value, path);
                        case LTREE -> ltreeOperator(ref, op, value, path);
                        case DATERANGE -> rangeOperator(ref, op, value, path);
                        case TSVECTOR -> fullTextOperator(ref, op, value, path);
                        default -> throw new IllegalStateException("operator " + op + " listed for " + kind);
                    }
                }
            }
        }

        private void compare(FieldRef ref, String sqlOp, ScalarKind kind, Object value, CharSequence path) {
            ref.appendTyped(out).append(sqlOp);
            bind(kind, Values.scalar(kind, value, path));
        }

        private void bind(ScalarKind kind, Object bound) {
            if (kind.isText() || kind == ScalarKind.TSVECTOR) {
                out.value(bound);
            } else {
                out.value(bound, kind.sqlType());
            }
        }

        private void in(FieldRef ref, ScalarKind kind, Object value, CharSequence path, boolean negate) {
            Collection<?> items = collection(value, path);
            if (items.isEmpty()) {
                out.append(negate ? "TRUE" : "FALSE");
                return;
            }
            Object[] array = newArray(kind, items.size());
            int i = 0;
            for (Object item : items) {
                int mark = pushIndex(i);
                array[i] = Values.scalar(kind, item, path);
                pop(mark);
                i++;
            }
            ref.appendTyped(out).append(negate ? " <> ALL(" : " = ANY(");
            out.value(array, (kind.isText() ? "text" : kind.sqlType()) + "[]").append(")");
        }

        private void stringOperator(FieldRef ref, String op, Object value, CharSequence path) {
            String s = Values.text(value, path, "a String");
            switch (op) {
                case "contains" -> like(ref, " LIKE ", "%" + escapeLike(s) + "%");
                case "icontains" -> like(ref, " ILIKE ", "%" + escapeLike(s) + "%");
                case "startswith" -> like(ref, " LIKE ", escapeLike(s) + "%");
                case "istartswith" -> like(ref, " ILIKE ", escapeLike(s) + "%");
                case "endswith" -> like(ref, " LIKE ", "%" + escapeLike(s));
                case "iendswith" -> like(ref, " ILIKE ", "%" + escapeLike(s));
                case "like" -> like(ref, " LIKE ", likePattern(s, path));
                case "ilike" -> like(ref, " ILIKE ", likePattern(s, path));
                case "matches" -> like(ref, " ~ ", s);
                case "imatches" -> like(ref, " ~* ", s);
                case "notMatches" -> like(ref, " !~ ", s);
                default -> throw new IllegalStateException(op);
            }
        }

        private void like(FieldRef ref, String sqlOp, String pattern) {
            ref.appendText(out).append(sqlOp).value(pattern);
        }

        private void listOperator(FieldRef ref, ScalarKind kind, String op, Object value, CharSequence path) {
            switch (op) {
                case "eq" -> jsonCompare(ref, " = ", elementsJson(kind, value, path), "jsonb");
                case "neq" -> jsonCompare(ref, " <> ", elementsJson(kind, value, path), "jsonb");
                case "contains" -> jsonCompare(ref, " @> ", elementsJson(kind, value, path), "jsonb");
                case "containedBy" -> jsonCompare(ref, " <@ ", elementsJson(kind, value, path), "jsonb");
                case "overlaps" -> {
                    Collection<?> items = collection(value, path);
                    if (items.isEmpty()) {
                        out.append("FALSE");
                        return;
                    }
                    String[] elements = new String[items.size()];
                    int i = 0;
                    for (Object item : items) {
                        int mark = pushIndex(i++);
                        elements[i - 1] = Json.write(Values.scalar(kind, item, path), path);
                        pop(mark);
                    }
                    ref.appendJson(out).append(" @> ANY(").value(elements, "jsonb[]").append(")");
                }
                case "lenEq" -> length(ref, " = ", value, path);
                case "lenGt" -> length(ref, " > ", value, path);
                case "lenGte" -> length(ref, " >= ", value, path);
                case "lenLt" -> length(ref, " < ", value, path);
                case "lenLte" -> length(ref, " <= ", value, path);
                case "anyEq" -> jsonCompare(ref, " @> ", "[" + Json.write(Values.scalar(kind, value, path), path) + "]", "jsonb");
                case "allEq" -> jsonCompare(ref, " <@ ", "[" + Json.write(Values.scalar(kind, value, path), path) + "]", "jsonb");
                default -> throw new IllegalStateException(op);
            }
        }

        private void length(FieldRef ref, String sqlOp, Object value, CharSequence path) {
            out.append("CASE WHEN jsonb_typeof(");
            ref.appendJson(out).append(") = 'array' THEN jsonb_array_length(");
            ref.appendJson(out).append(") END").append(sqlOp);
            out.value(Values.scalar(ScalarKind.INT, value, path), "int");
        }

        private String elementsJson(ScalarKind kind, Object value, CharSequence path) {
            Collection<?> items = collection(value, path);
            List<Object> converted = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                int mark = pushIndex(i++);
                converted.add(Values.scalar(kind, item, path));
                pop(mark);
            }
            return Json.write(converted, path);
        }

        private void jsonCompare(FieldRef ref, String sqlOp, String json, String cast) {
            ref.appendJson(out).append(sqlOp).value(json, cast);
        }

        private void jsonOperator(FieldRef ref, String op, Object value, CharSequence path) {
            switch (op) {
                case "contains" -> jsonCompare(ref, " @> ", Values.scalar(ScalarKind.JSON, value, path).toString(), "jsonb");
                case "containedBy" -> jsonCompare(ref, " <@ ", Values.scalar(ScalarKind.JSON, value, path).toString(), "jsonb");
                case "hasKey" -> {
                    out.append("jsonb_exists(");
                    ref.appendJson(out).append(", ").value(Values.text(value, path, "a String key")).append(")");
                }
                case "hasAnyKeys", "hasAllKeys" -> {
                    Collection<?> items = collection(value, path);
                    String[] keys = new String[items.size()];
                    int i = 0;
                    for (Object item : items) {
                        int mark = pushIndex(i);
                        keys[i] = Values.text(item, path, "a String key");
                        pop(mark);
                        i++;
                    }
                    out.append(op.equals("hasAnyKeys") ? "jsonb_exists_any(" : "jsonb_exists_all(");
                    ref.appendJson(out).append(", ").value(keys, "text[]").append(")");
                }
                default -> throw new IllegalStateException(op);
            }
        }

        private void inetOperator(FieldRef ref, String op, Object value, CharSequence path) {
            switch (op) {
                case "inSubnet" -> {
                    ref.appendTyped(out).append(" <<= ");
                    out.value(Values.scalar(ScalarKind.INET, value, path), "inet");
                }
                case "isPrivate", "isPublic" -> {
                    boolean wantPrivate = Values.bool(value, path) == op.equals("isPrivate");
                    if (!wantPrivate) {
                        out.append("NOT (");
                    }
                    ref.appendTyped(out).append(" <<= ANY (").append(PRIVATE_NETWORKS).append(")");
                    if (!wantPrivate) {
                        out.append(")");
                    }
                }
                case "isIPv4", "isIPv6" -> {
                    boolean want = Values.bool(value, path);
                    out.append("family(");
                    ref.appendTyped(out).append(want ? ") = " : ") <> ").append(op.equals("isIPv4") ? "4" : "6");
                }
                default -> throw new IllegalStateException(op);
            }
        }

        private void ltreeOperator(FieldRef ref, String op, Object value, CharSequence path) {
            switch (op) {
                case "ancestorOf" -> compare(ref, " @> ", ScalarKind.LTREE, value, path);
                case "descendantOf" -> compare(ref, " <@ ", ScalarKind.LTREE, value, path);
                case "matchesLquery" -> ref.appendTyped(out).append(" ~ ").value(Values.lquery(value, path), "lquery");
                default -> throw new IllegalStateException(op);
            }
        }

        private void rangeOperator(FieldRef ref, String op, Object value, CharSequence path) {
            switch (op) {
                case "containsDate" -> compare(ref, " @> ", ScalarKind.DATE, value, path);
                case "overlaps" -> compare(ref, " && ", ScalarKind.DATERANGE, value, path);
                case "adjacent" -> compare(ref, " -|- ", ScalarKind.DATERANGE, value, path);
                case "strictlyLeft" -> compare(ref, " << ", ScalarKind.DATERANGE, value, path);
                case "strictlyRight" -> compare(ref, " >> ", ScalarKind.DATERANGE, value, path);
                default -> throw new IllegalStateException(op);
            }
        }

        private void fullTextOperator(FieldRef ref, String op, Object value, CharSequence path) {
            String function = switch (op) {
                case "matches" -> "to_tsquery(";
                case "plainQuery" -> "plainto_tsquery(";
                case "phraseQuery" -> "phraseto_tsquery(";
                case "websearchQuery" -> "websearch_to_tsquery(";
                default -> throw new IllegalStateException(op);
            };
            ref.appendTyped(out).append(" @@ ").append(function)
                    .value(Values.text(value, path, "a search String")).append(")");
        }
    }

    private static Collection<?> collection(Object value, CharSequence path) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        throw FilterException.invalidValue(path, value, "a list (got " + Values.typeName(value) + ")");
    }

    private static Object[] newArray(ScalarKind kind, int size) {
        return switch (kind) {
            case INT -> new Integer[size];
            case BIGINT -> new Long[size];
            case FLOAT -> new Double[size];
            case DECIMAL -> new BigDecimal[size];
            case BOOLEAN -> new Boolean[size];
            default -> new String[size];
        };
    }

    /** A user's LIKE pattern, rejected when it ends with a lone escape character, which PostgreSQL refuses. */
    static String likePattern(String pattern, CharSequence path) {
        int trailing = 0;
        for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            trailing++;
        }
        if (trailing % 2 == 1) {
            throw FilterException.invalidValue(path, pattern, "a valid LIKE pattern: it ends with the escape character \\;"
                    + " write \\\\ for a literal backslash");
        }
        return pattern;
    }

    /** Escapes LIKE's wildcards and its default escape character so the user's text matches literally. */
    static String escapeLike(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append('\\');
            }
            if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
