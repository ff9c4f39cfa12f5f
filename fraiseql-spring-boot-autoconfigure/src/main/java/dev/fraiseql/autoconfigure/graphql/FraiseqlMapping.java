package dev.fraiseql.autoconfigure.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the field of a Spring for GraphQL controller method ({@code @QueryMapping} or
 * {@code @SchemaMapping}) to a view, like {@code @fraiseql(view: ...)} in the schema, and hands the
 * method a {@link ViewQuery} parameter to adjust before {@link ViewQuery#fetch()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FraiseqlMapping {

    /** The view (or table) the field reads, optionally schema-qualified. */
    String view();

    /** The JSONB column of the view. */
    String dataColumn() default "data";
}
