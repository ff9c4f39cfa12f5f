package dev.fraiseql.graphql;

/**
 * Changes the binding before it is built: replace the WHERE or SELECT renderer, the row converter, the projector, a
 * scalar, the execution strategies or the exception resolver. Spring Boot applies every such bean, in order.
 */
@FunctionalInterface
public interface FraiseqlGraphQlCustomizer {

    /** Adjusts {@code builder}; called once, before the binding reads the schema. */
    void customize(FraiseqlGraphQl.Builder builder);
}
