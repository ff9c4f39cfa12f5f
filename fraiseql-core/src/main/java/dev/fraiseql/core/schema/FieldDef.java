package dev.fraiseql.core.schema;

/**
 * One field of an object type: its GraphQL name, where its value lives (a JSONB key or a real column) and its type.
 *
 * @param name the GraphQL name (camelCase)
 * @param jsonKey the key inside the JSONB data column (snake_case by default)
 * @param scalar the scalar kind, or {@code null} for a field holding a nested object
 * @param objectType the nested object type's name, or {@code null} for a scalar field
 * @param list whether the field holds a JSON array of {@code scalar} (or of {@code objectType})
 * @param column the real column of the view holding the same value, or {@code null}; used for filtering and ordering
 * @param nonNull whether the value is never null (a GraphQL non-null field, a {@code NOT NULL} or primary key
 *     column): keyset pages then compare it without null branches, which lets an index serve them as a range
 */
public record FieldDef(String name, String jsonKey, ScalarKind scalar, String objectType, boolean list, String column,
        boolean nonNull) {

    public FieldDef {
        if (!Names.isSimpleName(name)) {
            throw new IllegalArgumentException("Invalid field name \"" + name
                    + "\": a field name must match [_A-Za-z][_0-9A-Za-z]*");
        }
        if (jsonKey == null) {
            jsonKey = Names.toSnakeCase(name);
        }
        if (!Names.isSimpleName(jsonKey)) {
            throw new IllegalArgumentException("Invalid JSON key \"" + jsonKey + "\" for field " + name
                    + ": a key must match [_A-Za-z][_0-9A-Za-z]*");
        }
        if ((scalar == null) == (objectType == null)) {
            throw new IllegalArgumentException("Field " + name
                    + " must have exactly one of a scalar kind and an object type");
        }
        if (objectType != null && !Names.isSimpleName(objectType)) {
            throw new IllegalArgumentException("Invalid object type name \"" + objectType + "\" for field " + name);
        }
        if (column != null && (column.isEmpty() || column.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("Invalid column name for field " + name + ": empty or contains NUL");
        }
    }

    /** A scalar field stored under the snake_case of its name. */
    public static FieldDef scalar(String name, ScalarKind kind) {
        return new FieldDef(name, null, kind, null, false, null, false);
    }

    /** A nested object field stored under the snake_case of its name. */
    public static FieldDef object(String name, String objectType) {
        return new FieldDef(name, null, null, objectType, false, null, false);
    }

    /** A field holding a JSON array of scalars, for example tags. */
    public static FieldDef scalarList(String name, ScalarKind kind) {
        return new FieldDef(name, null, kind, null, true, null, false);
    }

    /** The same field holding a list (named asList because {@code list()} is the record accessor). */
    public FieldDef asList() {
        return new FieldDef(name, jsonKey, scalar, objectType, true, column, nonNull);
    }

    /** The same field, also available as the real column {@code column} of the view. */
    public FieldDef withColumn(String column) {
        return new FieldDef(name, jsonKey, scalar, objectType, list, column, nonNull);
    }

    /** The same field stored under another JSONB key. */
    public FieldDef withJsonKey(String key) {
        return new FieldDef(name, key, scalar, objectType, list, column, nonNull);
    }

    /** The same field, declared never null ({@code true}) or possibly null. */
    public FieldDef withNonNull(boolean nonNull) {
        return new FieldDef(name, jsonKey, scalar, objectType, list, column, nonNull);
    }

    /** Whether the field holds a nested object (or a list of them). */
    public boolean isObject() {
        return objectType != null;
    }

    /** A short description of the field's type for messages, for example {@code [String]} or {@code Author}. */
    public String typeLabel() {
        String base = scalar != null ? scalar.name() : objectType;
        return list ? "[" + base + "]" : base;
    }
}
