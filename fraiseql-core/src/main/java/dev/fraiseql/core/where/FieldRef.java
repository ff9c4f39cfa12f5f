package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.sql.SqlBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Where one field's value lives in a row: a real column, or a JSONB path through nested objects, and the SQL
 * expressions that read it as text, as jsonb, or cast to its type.
 *
 * @param tableAlias the alias of the view in the FROM clause
 * @param dataColumn the JSONB column of the root type
 * @param objects the nested object fields leading to {@code field}, outermost first (empty for a top-level field)
 * @param field the field itself
 */
public record FieldRef(String tableAlias, String dataColumn, List<FieldDef> objects, FieldDef field) {

    public FieldRef {
        Objects.requireNonNull(tableAlias, "tableAlias");
        Objects.requireNonNull(dataColumn, "dataColumn");
        objects = List.copyOf(objects);
        Objects.requireNonNull(field, "field");
    }

    /** Whether the value is read from a real column (top-level, scalar, non-list field with a column). */
    public boolean usesColumn() {
        return objects.isEmpty() && field.column() != null && !field.list() && !field.isObject();
    }

    /**
     * Whether the value is never null: the field is non-null and so is every object on the path to it (a non-null
     * name inside a nullable author is still null when there is no author).
     */
    public boolean nonNull() {
        if (!field.nonNull()) {
            return false;
        }
        for (FieldDef o : objects) {
            if (!o.nonNull()) {
                return false;
            }
        }
        return true;
    }

    /** Appends the value as text: the column, or {@code "t"."data"->'author'->>'name'}. */
    public SqlBuilder appendText(SqlBuilder out) {
        if (usesColumn()) {
            return column(out);
        }
        path(out);
        return out.append("->>").keyLiteral(field.jsonKey());
    }

    /** Appends the value as jsonb: the column, or {@code "t"."data"->'tags'}. */
    public SqlBuilder appendJson(SqlBuilder out) {
        if (usesColumn()) {
            return column(out);
        }
        path(out);
        return out.append("->").keyLiteral(field.jsonKey());
    }

    /**
     * Appends the value typed for comparison and ordering: the column as is, the text for String/ID/enum, jsonb for
     * JSON, {@code to_tsvector(text)} for full text, otherwise {@code (text)::type}, for example
     * {@code ("t"."data"->>'published_year')::int}, the same expression an expression index must use.
     */
    public SqlBuilder appendTyped(SqlBuilder out) {
        ScalarKind kind = field.scalar();
        if (usesColumn()) {
            return column(out);
        }
        if (kind == null || kind == ScalarKind.JSON) {
            return appendJson(out);
        }
        if (kind.isText()) {
            return appendText(out);
        }
        if (kind == ScalarKind.TSVECTOR) {
            out.append("to_tsvector(");
            appendText(out);
            return out.append(")");
        }
        out.append("(");
        appendText(out);
        return out.append(")::").append(kind.sqlType());
    }

    private SqlBuilder column(SqlBuilder out) {
        return out.identifier(tableAlias).append(".").identifier(field.column());
    }

    private void path(SqlBuilder out) {
        out.identifier(tableAlias).append(".").identifier(dataColumn);
        for (FieldDef o : objects) {
            out.append("->").keyLiteral(o.jsonKey());
        }
    }
}
