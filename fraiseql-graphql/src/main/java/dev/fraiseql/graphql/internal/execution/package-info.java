/** Internal: the raw-JSON execution strategies, the document cache, the limits and the error resolver. */
package dev.fraiseql.graphql.internal.execution;
