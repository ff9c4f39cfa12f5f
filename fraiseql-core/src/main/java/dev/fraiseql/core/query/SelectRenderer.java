package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import java.util.Map;

/** Temporary stand-in until the SQL layer lands: equality filters only. */
public final class SelectRenderer {

    private final PageSettings page;

    public SelectRenderer(TypeRegistry registry, PageSettings page) {
        this.page = page;
    }

    public SqlStatement list(SelectSpec spec, Projection projection) {
        SqlBuilder sql = select(spec, projection);
        sql.append(" LIMIT ").value(spec.limit() == null ? page.defaultLimit() : spec.limit());
        if (spec.offset() != null) {
            sql.append(" OFFSET ").value(spec.offset());
        }
        return sql.build();
    }

    public SqlStatement single(SelectSpec spec, Projection projection) {
        return select(spec, projection).append(" LIMIT 2").build();
    }

    private SqlBuilder select(SelectSpec spec, Projection projection) {
        SqlBuilder sql = new SqlBuilder().append("SELECT ");
        projection.appendSelectList(sql, "t");
        sql.append(" FROM ").identifier(spec.type().view()).append(" t");
        if (spec.where() != null && !spec.where().isEmpty()) {
            String sep = " WHERE ";
            for (Map.Entry<String, Object> e : spec.where().entrySet()) {
                FieldDef f = spec.type().fields().get(e.getKey());
                Object eq = ((Map<?, ?>) e.getValue()).get("eq");
                sql.append(sep).identifier("t").append(".").identifier(spec.type().dataColumn()).append("->>")
                        .keyLiteral(f.jsonKey()).append(" = ").value(String.valueOf(eq));
                sep = " AND ";
            }
        }
        if (spec.orderBy() == null || spec.orderBy().isEmpty()) {
            return sql;
        }
        return sql;
    }
}
