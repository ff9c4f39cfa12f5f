package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlBuilder;

/** Writes the select list of a query (for example the JSONB column, or a json_build_object of the selection). */
@FunctionalInterface
public interface Projection {

    /** Appends the select list for rows read as {@code tableAlias}. */
    void appendSelectList(SqlBuilder sql, String tableAlias);

    /** Selects the type's whole JSONB column, {@code "t"."data"}. */
    static Projection dataColumn(TypeDef type) {
        String column = type.dataColumn();
        return (sql, alias) -> sql.identifier(alias).append(".").identifier(column);
    }
}
