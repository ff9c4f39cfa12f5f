package dev.fraiseql.core.query;

import dev.fraiseql.core.schema.TypeDef;
import java.util.List;
import java.util.Map;

/** Temporary stand-in until the SQL layer lands. */
public record SelectSpec(TypeDef type, Map<String, Object> where, List<Map<String, Object>> orderBy, Integer limit,
        Integer offset) {
}
