package dev.fraiseql.core.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A GraphQL object type and, when it is read from a view, where: the view, its JSONB column and its fields.
 *
 * @param name the GraphQL type name
 * @param view the view or table ({@code v_book} or schema-qualified {@code app.v_book}), or {@code null} for a type
 *     that only appears nested inside another one
 * @param dataColumn the JSONB column holding the object; {@code data} when {@code null}
 * @param fields the fields by GraphQL name, in declaration order
 */
public record TypeDef(String name, String view, String dataColumn, Map<String, FieldDef> fields) {

    /** The default JSONB column. */
    public static final String DEFAULT_DATA_COLUMN = "data";

    public TypeDef {
        if (!Names.isSimpleName(name)) {
            throw new IllegalArgumentException("Invalid type name \"" + name + "\": must match [_A-Za-z][_0-9A-Za-z]*");
        }
        if (view != null && (view.isEmpty() || view.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("Invalid view for type " + name + ": empty or contains NUL");
        }
        if (dataColumn == null) {
            dataColumn = DEFAULT_DATA_COLUMN;
        }
        if (dataColumn.isEmpty() || dataColumn.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid data column for type " + name + ": empty or contains NUL");
        }
        Map<String, FieldDef> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, f) -> {
                if (!k.equals(f.name())) {
                    throw new IllegalArgumentException("Type " + name + " maps key " + k + " to field " + f.name());
                }
                copy.put(k, f);
            });
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** A type with the given fields, in order. */
    public static TypeDef of(String name, String view, FieldDef... fields) {
        Map<String, FieldDef> map = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            if (map.put(f.name(), f) != null) {
                throw new IllegalArgumentException("Type " + name + " declares field " + f.name() + " twice");
            }
        }
        return new TypeDef(name, view, null, map);
    }

    /** The same type reading its JSONB from another column. */
    public TypeDef withDataColumn(String column) {
        return new TypeDef(name, view, column, fields);
    }

    /** The field with this GraphQL name. */
    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /** Whether this type can be queried on its own (it is bound to a view). */
    public boolean hasView() {
        return view != null;
    }
}
