package dev.fraiseql.graphql;

import dev.fraiseql.core.schema.FieldDef;
import dev.fraiseql.core.schema.Names;
import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standard path's row reader: parses a row's JSON into maps whose keys are camelCased along
 * the GraphQL type, so that graphql-java's default property fetching completes every field. Extend it and give it to
 * {@link FraiseqlGraphQl.Builder#rowConverter} to read rows another way.
 */
public class RowConverter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final TypeRegistry types;

    /** @param types the object types of the schema, for the nested objects of a row */
    public RowConverter(TypeRegistry types) {
        this.types = types;
    }

    /**
     * The row as a map, or {@code null} for a row whose data is NULL or not a JSON object (as both fast-path
     * projections answer such a row).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> read(byte[] json, TypeDef type) {
        Object value = json == null ? null : convert(MAPPER.readValue(json, Object.class), type);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** {@code value} (parsed JSON: maps, lists, scalars) with the keys of its maps renamed along {@code type}. */
    public Object convert(Object value, TypeDef type) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(convert(v, type)));
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = Names.toCamelCase((String) e.getKey());
            FieldDef field = type.fields().get(name);
            Object v = e.getValue();
            if (field != null && field.objectType() != null) {
                v = convert(v, types.type(field.objectType()));
            }
            out.put(name, v);
        }
        return out;
    }
}
