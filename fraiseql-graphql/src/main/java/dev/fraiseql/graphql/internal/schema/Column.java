package dev.fraiseql.graphql.internal.schema;

/**
 * One column of a view or table: its type name ({@code int4}, {@code text}, ...) and whether PostgreSQL
 * guarantees it is never null (a {@code NOT NULL} or primary key column of a table; a view's columns never say so).
 */
public record Column(String type, boolean notNull) {
}
