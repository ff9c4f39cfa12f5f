package dev.fraiseql.graphql;

/** Where the fast path cuts each row's JSON down to the selection: in PostgreSQL or in the JVM. */
public enum ProjectionMode {
    /** PostgreSQL builds each row's response JSON; the JVM only joins the rows. */
    SQL,
    /** PostgreSQL returns each row's whole JSONB text; the JVM scans it and writes the selection. */
    JVM
}
