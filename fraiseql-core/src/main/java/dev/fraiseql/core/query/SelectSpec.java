package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of a list or single-object query as GraphQL delivers them: maps keyed by GraphQL names.
 *
 * @param type the type read, which must be bound to a view
 * @param where the filter, or null/empty for none
 * @param orderBy sort entries such as {@code [{publishedOn: DESC}, {author: {name: ASC}}]}, or null/empty
 * @param limit rows to return, or null for the default page size
 * @param offset rows to skip, or null for none
 */
public record SelectSpec(TypeDef type, Map<String, Object> where, List<Map<String, Object>> orderBy, Integer limit,
        Integer offset) {

    public SelectSpec {
        Objects.requireNonNull(type, "type");
        if (!type.hasView()) {
            throw new IllegalArgumentException("Type " + type.name()
                    + " is not bound to a view and cannot be queried on its own; give it a view");
        }
        where = where == null ? Map.of() : where;
        orderBy = orderBy == null ? List.of() : orderBy;
    }

    /** All rows of a type, default page, default order. */
    public static SelectSpec of(TypeDef type) {
        return new SelectSpec(type, null, null, null, null);
    }
}
