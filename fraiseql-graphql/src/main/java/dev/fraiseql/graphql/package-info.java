/**
 * What applications touch: {@link dev.fraiseql.graphql.FraiseqlMapping}, {@link dev.fraiseql.graphql.ViewQuery},
 * {@link dev.fraiseql.graphql.FunctionCall}, the request context, the execution and projection modes, the settings,
 * and {@link dev.fraiseql.graphql.FraiseqlGraphQl}, which installs the binding into Spring for GraphQL.
 */
package dev.fraiseql.graphql;
