package dev.fraiseql.core.query;

import dev.fraiseql.core.json.SelectionNode;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.sql.SqlBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Renders a selection as one SQL text expression per row that is the response JSON of that row:
 * only the selected keys, in selection order, aliases applied, {@code null} for absent keys.
 *
 * <p>The JSON is assembled by text concatenation rather than {@code json_build_object} because the
 * latter writes {@code " : "} and {@code ", "} separators, and the fast path must produce the same
 * compact bytes as the standard path. Values are copied from PostgreSQL's own JSON text, except
 * {@code ID} (always a JSON string, as the GraphQL spec serializes it) and {@code Float} (printed
 * like a Java {@code double} within [1e-3, 1e7), so both paths agree).
 */
public final class JsonProjection implements Projection {

    private final String dataColumn;
    private final List<SelectionNode> selection;

    /**
     * @param dataColumn the JSONB column holding each row's object
     * @param selection the selected fields of one row, in selection order
     */
    public JsonProjection(String dataColumn, List<SelectionNode> selection) {
        this.dataColumn = Objects.requireNonNull(dataColumn, "dataColumn");
        this.selection = List.copyOf(selection);
        if (this.selection.isEmpty()) {
            throw new IllegalArgumentException("A projection needs at least one selected field");
        }
    }

    @Override
    public void appendSelectList(SqlBuilder sql, String tableAlias) {
        Source data = base -> base.identifier(tableAlias).append(".").identifier(dataColumn);
        // A row without an object (its data NULL) is a null row, as the standard path and the JVM projection read it.
        sql.append("CASE WHEN jsonb_typeof(");
        data.append(sql);
        sql.append(") = 'object' THEN ");
        new Renderer(sql).object(data, selection);
        sql.append(" END");
    }

    /**
     * The byte written in place of a value that the schema declares non-null but the row holds as null or lacks;
     * see {@link #keepsPromises(byte[])}.
     */
    public static final byte BROKEN = 1;

    /** Whether a row this projection rendered holds every value the schema promises (no {@link #BROKEN} byte). */
    public static boolean keepsPromises(byte[] row) {
        if (row == null) {
            return true;
        }
        for (byte b : row) {
            if (b == BROKEN) {
                return false;
            }
        }
        return true;
    }

    /** Appends a JSONB expression; a function because it is rendered more than once. */
    private interface Source {
        void append(SqlBuilder sql);
    }

    private static final class Renderer {
        private final SqlBuilder sql;
        private int aliases;

        Renderer(SqlBuilder sql) {
            this.sql = sql;
        }

        void object(Source base, List<SelectionNode> children) {
            sql.append("('{'::text");
            boolean first = true;
            for (SelectionNode child : children) {
                sql.append(first ? " || '\"' || " : " || ',\"' || ").keyLiteral(child.key()).append(" || '\":' || ");
                first = false;
                member(base, child);
            }
            sql.append(" || '}')");
        }

        private void member(Source base, SelectionNode node) {
            Source source = field(base, node.sourceKeys());
            if (node.required() && node.kind() != SelectionNode.Kind.TYPENAME) {
                // A null where the schema promises a value becomes the byte BROKEN, which valid JSON text never holds
                // (PostgreSQL escapes control characters), so the reader can tell the row needs standard completion.
                String expected = switch (node.kind()) {
                    case OBJECT -> "object";
                    case VALUE_LIST, OBJECT_LIST -> "array";
                    default -> null;
                };
                sql.append("CASE WHEN ");
                if (expected == null) {
                    sql.append("coalesce(jsonb_typeof(");
                    source.append(sql);
                    sql.append("), 'null') = 'null'");
                } else {
                    sql.append("jsonb_typeof(");
                    source.append(sql);
                    sql.append(") IS DISTINCT FROM ").keyLiteral(expected);
                }
                sql.append(" THEN chr(").append(Integer.toString(BROKEN)).append(") ELSE ");
                value(source, node);
                sql.append(" END");
                return;
            }
            value(source, node);
        }

        private void value(Source source, SelectionNode node) {
            switch (node.kind()) {
                case TYPENAME -> sql.append("'\"' || ").keyLiteral(node.typeName()).append(" || '\"'");
                case VALUE -> scalar(source, node.scalar());
                case VALUE_LIST -> list(source, element -> scalar(element, node.scalar()));
                case OBJECT -> {
                    sql.append("CASE WHEN jsonb_typeof(");
                    source.append(sql);
                    sql.append(") = 'object' THEN ");
                    object(source, node.children());
                    sql.append(" ELSE 'null' END");
                }
                case OBJECT_LIST -> list(source, element -> {
                    sql.append("CASE WHEN jsonb_typeof(");
                    element.append(sql);
                    sql.append(") = 'object' THEN ");
                    object(element, node.children());
                    sql.append(" ELSE 'null' END");
                });
            }
        }

        private void list(Source source, java.util.function.Consumer<Source> element) {
            String alias = "o" + (++aliases);
            sql.append("CASE WHEN jsonb_typeof(");
            source.append(sql);
            sql.append(") = 'array' THEN (SELECT coalesce('[' || string_agg(");
            element.accept(s -> s.identifier(alias).append(".").identifier("v"));
            sql.append(", ',' ORDER BY ").identifier(alias).append(".").identifier("n")
                    .append(") || ']', '[]') FROM jsonb_array_elements(");
            source.append(sql);
            sql.append(") WITH ORDINALITY ").identifier(alias).append("(").identifier("v").append(", ")
                    .identifier("n").append(")) ELSE 'null' END");
        }

        private void scalar(Source source, ScalarKind scalar) {
            if (scalar == ScalarKind.ID) {
                sql.append("coalesce(to_json(");
                source.append(sql);
                sql.append(" #>> '{}')::text, 'null')");
            } else if (scalar == ScalarKind.FLOAT) {
                // Java prints integral doubles as "3.0" where PostgreSQL prints "3".
                sql.append("(SELECT CASE WHEN f IS NULL THEN coalesce(v::text, 'null')"
                        + " WHEN f = trunc(f) AND abs(f) < 1e7 THEN trunc(f)::numeric::text || '.0'"
                        + " ELSE f::text END FROM (SELECT x.v, CASE WHEN jsonb_typeof(x.v) = 'number'"
                        + " THEN x.v::float8 END AS f FROM (SELECT ");
                source.append(sql);
                sql.append(" AS v) x) y)");
            } else {
                sql.append("coalesce((");
                source.append(sql);
                sql.append(")::text, 'null')");
            }
        }

        private static Source field(Source base, List<String> keys) {
            if (keys.isEmpty()) {
                return base;
            }
            if (keys.size() == 1) {
                return s -> {
                    base.append(s);
                    s.append("->").keyLiteral(keys.get(0));
                };
            }
            return s -> {
                s.append("coalesce(");
                for (int i = 0; i < keys.size(); i++) {
                    s.append(i == 0 ? "" : ", ");
                    base.append(s);
                    s.append("->").keyLiteral(keys.get(i));
                }
                s.append(")");
            };
        }
    }
}
