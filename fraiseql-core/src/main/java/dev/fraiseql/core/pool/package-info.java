/** The HikariCP pool built from {@code DbSettings}, its statistics log and its slow-statement log. */
package dev.fraiseql.core.pool;
