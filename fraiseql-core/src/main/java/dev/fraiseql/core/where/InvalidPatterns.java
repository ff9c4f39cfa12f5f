package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the filter value behind a pattern PostgreSQL refused: only the server can parse its regular expressions,
 * {@code tsquery} and {@code lquery} syntax, so a bad pattern surfaces as an error of the whole statement; this finds
 * the operands that could have caused it, so the client hears which field and which value, not a bare type error.
 */
public final class InvalidPatterns {

    /** SQLSTATE of an invalid regular expression. */
    static final String INVALID_REGEX = "2201B";
    /** SQLSTATE of a syntax error, which is what PostgreSQL raises for a bad {@code tsquery} or {@code lquery}. */
    static final String SYNTAX_ERROR = "42601";

    private record Candidate(String path, Object value, String what) {
    }

    private InvalidPatterns() {
    }

    /**
     * The input error that explains a failure of SQLSTATE {@code sqlState} of a statement filtered by {@code where}
     * on {@code type}, or {@code null} when no operand of the filter could have caused it.
     */
    public static FilterException explain(String sqlState, TypeDef type, Map<String, ?> where, TypeRegistry types) {
        if (where == null || !(INVALID_REGEX.equals(sqlState) || SYNTAX_ERROR.equals(sqlState))) {
            return null;
        }
        List<Candidate> found = new ArrayList<>();
        collect(sqlState, type, where, "where", types, found);
        if (found.isEmpty()) {
            return null;
        }
        Candidate first = found.get(0);
        if (found.size() == 1) {
            return FilterException.invalidValue(first.path(), first.value(), first.what());
        }
        StringBuilder values = new StringBuilder();
        for (Candidate c : found) {
            values.append(values.length() == 0 ? "" : ", ").append(c.path()).append(" = ")
                    .append(FilterException.describe(c.value()));
        }
        return new FilterException(first.path(), first.value(), "Invalid value in the filter: one of " + values
                + " is not " + first.what());
    }

    @SuppressWarnings("unchecked")
    private static void collect(String sqlState, TypeDef type, Map<String, ?> where, String path, TypeRegistry types,
            List<Candidate> out) {
        for (Map.Entry<String, ?> entry : where.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if ((key.equals("AND") || key.equals("OR")) && value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> m) {
                        collect(sqlState, type, (Map<String, ?>) m, path + "." + key + "[" + i + "]", types, out);
                    }
                }
                continue;
            }
            if (key.equals("NOT") && value instanceof Map<?, ?> m) {
                collect(sqlState, type, (Map<String, ?>) m, path + ".NOT", types, out);
                continue;
            }
            FieldDef field = type.fields().get(key);
            if (field == null || !(value instanceof Map<?, ?> operators)) {
                continue;
            }
            if (field.objectType() != null && field.list()) {
                // A list of objects takes some/every/none, each holding the element type's filter.
                for (Map.Entry<?, ?> quantifier : operators.entrySet()) {
                    if (quantifier.getValue() instanceof Map<?, ?> element) {
                        collect(sqlState, types.type(field.objectType()), (Map<String, ?>) element,
                                path + "." + key + "." + quantifier.getKey(), types, out);
                    }
                }
                continue;
            }
            if (field.objectType() != null) {
                collect(sqlState, types.type(field.objectType()), (Map<String, ?>) operators, path + "." + key, types,
                        out);
                continue;
            }
            for (Map.Entry<?, ?> op : operators.entrySet()) {
                String what = what(sqlState, field.scalar(), String.valueOf(op.getKey()));
                if (what != null && op.getValue() != null) {
                    out.add(new Candidate(path + "." + key + "." + op.getKey(), op.getValue(), what));
                }
            }
        }
    }

    /** What the operand should have been, when operator {@code op} on a {@code kind} field can raise {@code sqlState}. */
    private static String what(String sqlState, ScalarKind kind, String op) {
        if (INVALID_REGEX.equals(sqlState)) {
            return kind != ScalarKind.TSVECTOR && (op.equals("matches") || op.equals("imatches")
                    || op.equals("notMatches")) ? "a valid regular expression" : null;
        }
        if (kind == ScalarKind.TSVECTOR && op.equals("matches")) {
            return "a valid text search query (to_tsquery syntax, such as 'star & !wars'; plainQuery takes plain words)";
        }
        if (kind == ScalarKind.LTREE && op.equals("matchesLquery")) {
            return "a valid lquery pattern such as 'top.*.astronomy'";
        }
        return null;
    }
}
