/** Response JSON built from PostgreSQL's JSONB: selection trees, the SQL projection that renders them, and the JVM projector that writes the same bytes from PostgreSQL's JSONB text. */
package dev.fraiseql.core.json;
