package dev.fraiseql.graphql;

import dev.fraiseql.core.schema.TypeDef;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the field of a Spring for GraphQL controller method ({@code @QueryMapping} or
 * {@code @MutationMapping}) to a view or a function, like {@code @fraiseql} in the schema, and hands
 * the method a {@link ViewQuery} (or {@link FunctionCall}) parameter to adjust before it runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FraiseqlMapping {

    /** The view (or table) a query field reads, optionally schema-qualified; give this or {@link #function()}. */
    String view() default "";

    /** The PostgreSQL function a mutation field calls, such as {@code app.create_book}. */
    String function() default "";

    /** The JSONB column of the view. */
    String dataColumn() default TypeDef.DEFAULT_DATA_COLUMN;
}
