package dev.fraiseql.core.schema;

import java.util.Map;

/** Temporary stand-in until the SQL layer lands. */
public record TypeDef(String name, String view, String dataColumn, Map<String, FieldDef> fields) {
}
