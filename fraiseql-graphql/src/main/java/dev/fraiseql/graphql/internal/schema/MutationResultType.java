package dev.fraiseql.graphql.internal.schema;

/**
 * How a mutation field's result type receives a function's answer.
 *
 * @param resultType the field's named type (a union, or an object type)
 * @param successType the object type for successful statuses
 * @param errorType the object type for error statuses, or {@code null} when there is none
 * @param successEntityField the field of the success type that carries the entity, or {@code null}
 * @param errorEntityField the field of the error type that carries the entity, or {@code null}
 * @param entityType the GraphQL type of the entity, or {@code null}
 */
public record MutationResultType(String resultType, String successType, String errorType, String successEntityField,
        String errorEntityField, String entityType) {

    /** Whether the result type is a union, which needs a type resolver. */
    public boolean isUnion() {
        return !resultType.equals(successType);
    }
}
