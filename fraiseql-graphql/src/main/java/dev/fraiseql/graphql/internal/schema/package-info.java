/** Internal: reads the schema (bindings, types, view columns) and generates the filter and paging inputs. */
package dev.fraiseql.graphql.internal.schema;
