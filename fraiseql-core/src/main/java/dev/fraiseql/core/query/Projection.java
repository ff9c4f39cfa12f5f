package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.sql.SqlBuilder;

/** Temporary stand-in until the SQL layer lands. */
public interface Projection {

    void appendSelectList(SqlBuilder sql, String tableAlias);

    static Projection dataColumn(TypeDef type) {
        return (sql, alias) -> sql.identifier(alias).append(".").identifier(type.dataColumn()).append("::text");
    }
}
