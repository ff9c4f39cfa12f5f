/** What PostgreSQL's own catalog says about the relations FraiseQL reads: their columns, types and nullability. */
package dev.fraiseql.core.catalog;
