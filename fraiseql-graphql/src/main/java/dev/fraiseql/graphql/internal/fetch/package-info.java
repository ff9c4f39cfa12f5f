/** Internal: the data fetchers of bound fields, one SQL statement each, and the rows they answer with. */
package dev.fraiseql.graphql.internal.fetch;
