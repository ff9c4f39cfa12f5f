/** Internal: support for {@code @FraiseqlMapping} controller methods. */
package dev.fraiseql.graphql.internal.controller;

