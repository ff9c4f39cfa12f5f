/** Spring for GraphQL wiring: the {@code @fraiseql} directive, generated inputs, data fetchers and raw-JSON execution. */
package dev.fraiseql.autoconfigure.graphql;
