package dev.fraiseql.graphql.internal.execution;

/**
 * How many rows a root field can read, as the cost limit prices it; the assembly gives every bound field one of
 * these, and a root field without one (a plain {@code @SchemaMapping}, say) costs 1.
 */
public enum FieldReach {
    /** A page of rows from a view: costs its {@code limit}, or the default page size when it gives none. */
    PAGE,
    /** A Relay connection: its {@code edges} cost {@code first}/{@code last} (or the default page size), its
     * {@code totalCount} costs a scan. */
    CONNECTION,
    /** One row, or one function call: costs 1. */
    ROW,
    /** A count or aggregate over every matching row: costs a scan, the largest page size. */
    SCAN
}
