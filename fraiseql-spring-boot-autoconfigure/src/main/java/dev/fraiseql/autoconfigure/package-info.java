/** Spring Boot auto-configuration for FraiseQL: properties, the pool, GraphQL wiring, health and metrics. */
package dev.fraiseql.autoconfigure;
