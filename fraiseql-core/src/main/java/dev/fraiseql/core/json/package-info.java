/**
 * Response JSON built from PostgreSQL's JSONB: selection trees and the JVM projector that writes, from the JSONB
 * text, the same bytes as the SQL projection in {@code dev.fraiseql.core.query}.
 */
package dev.fraiseql.core.json;
