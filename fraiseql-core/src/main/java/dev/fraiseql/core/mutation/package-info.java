/** Mutations as PostgreSQL functions: the call, its JSON input, and the {@code mutation_response} it answers. */
package dev.fraiseql.core.mutation;
