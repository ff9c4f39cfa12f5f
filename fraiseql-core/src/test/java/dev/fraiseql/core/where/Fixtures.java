package dev.fraiseql.core.where;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.ScalarKind;
import dev.fraiseql.core.schema.TypeRegistry;
import dev.fraiseql.core.sql.SqlBuilder;
import dev.fraiseql.core.sql.SqlStatement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registry with one field of every kind, and helpers to build insertion-ordered maps. */
public final class Fixtures {

    public static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .type("Book", "v_book",
                    FieldDef.scalar("id", ScalarKind.UUID).withColumn("id"),
                    FieldDef.scalar("tenantId", ScalarKind.UUID).withColumn("tenant_id"),
                    FieldDef.scalar("title", ScalarKind.STRING),
                    FieldDef.scalar("publishedYear", ScalarKind.INT),
                    FieldDef.scalar("pages", ScalarKind.INT).withColumn("pages"),
                    FieldDef.scalar("sold", ScalarKind.BIGINT),
                    FieldDef.scalar("price", ScalarKind.FLOAT),
                    FieldDef.scalar("rating", ScalarKind.DECIMAL),
                    FieldDef.scalar("available", ScalarKind.BOOLEAN),
                    FieldDef.scalar("publishedOn", ScalarKind.DATE),
                    FieldDef.scalar("updatedAt", ScalarKind.DATETIME),
                    FieldDef.scalar("opensAt", ScalarKind.TIME),
                    FieldDef.scalar("status", ScalarKind.ENUM),
                    FieldDef.scalar("code", ScalarKind.ID),
                    FieldDef.scalarList("tags", ScalarKind.STRING),
                    FieldDef.scalarList("scores", ScalarKind.INT),
                    FieldDef.scalar("metadata", ScalarKind.JSON),
                    FieldDef.scalar("ip", ScalarKind.INET),
                    FieldDef.scalar("network", ScalarKind.CIDR),
                    FieldDef.scalar("mac", ScalarKind.MACADDR),
                    FieldDef.scalar("category", ScalarKind.LTREE),
                    FieldDef.scalar("period", ScalarKind.DATERANGE),
                    FieldDef.scalar("summary", ScalarKind.TSVECTOR),
                    FieldDef.scalar("search", ScalarKind.TSVECTOR).withColumn("search"),
                    FieldDef.object("author", "Author"),
                    FieldDef.object("reviews", "Review").asList())
            .type("Author", null,
                    FieldDef.scalar("name", ScalarKind.STRING),
                    FieldDef.scalar("birthYear", ScalarKind.INT),
                    FieldDef.object("address", "Address"),
                    FieldDef.object("prizes", "Reply").asList())
            .type("Address", null, FieldDef.scalar("city", ScalarKind.STRING))
            .type("Review", null, FieldDef.scalar("stars", ScalarKind.INT),
                    FieldDef.scalar("reviewer", ScalarKind.STRING), FieldDef.scalar("postedOn", ScalarKind.DATE),
                    FieldDef.object("replies", "Reply").asList())
            .type("Reply", null, FieldDef.scalar("text", ScalarKind.STRING))
            .build();

    private Fixtures() {
    }

    /** An insertion-ordered map from alternating keys and values. */
    public static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Renders a filter on Book. */
    public static SqlStatement where(Map<String, Object> where) {
        SqlBuilder out = new SqlBuilder();
        new WhereRenderer(REGISTRY).render(REGISTRY.type("Book"), where, "t", out);
        return out.build();
    }
}
