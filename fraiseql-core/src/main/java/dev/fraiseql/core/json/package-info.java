/** Response JSON built from PostgreSQL's JSONB: selection trees and the SQL projection that renders them. */
package dev.fraiseql.core.json;
