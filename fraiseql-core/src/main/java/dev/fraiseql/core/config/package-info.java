/** Database settings: the {@code fraiseql.db.*} values, their validation and the URL parser. */
package dev.fraiseql.core.config;
