package dev.fraiseql.core.schema;

/** Temporary stand-in until the SQL layer lands. */
public record FieldDef(String name, String jsonKey, ScalarKind scalar, String objectType, boolean list, String column) {
}
