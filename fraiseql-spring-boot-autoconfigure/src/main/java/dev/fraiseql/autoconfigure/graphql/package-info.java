/** Spring Boot wiring of the GraphQL binding: the auto-configuration and the {@code fraiseql.graphql.*} properties. */
package dev.fraiseql.autoconfigure.graphql;
