package dev.fraiseql.graphql.internal.schema;

/**
 * A controller method annotated with {@code @FraiseqlMapping}: the schema field it serves and the view or function
 * behind it.
 *
 * @param typeName the parent type ({@code Query})
 * @param field the field name
 * @param view the view, or empty for a function
 * @param function the function, or empty for a view
 * @param dataColumn the JSONB column
 * @param method the method, for messages
 */
public record ControllerMapping(String typeName, String field, String view, String function, String dataColumn,
        String method) {
}
