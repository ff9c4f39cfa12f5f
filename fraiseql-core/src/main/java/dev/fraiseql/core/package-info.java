/** The FraiseQL engine: pool, SQL generation, execution, JSON, errors and retry, with no Spring. */
package dev.fraiseql.core;
