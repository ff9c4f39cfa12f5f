package dev.fraiseql.core.mutation;

import java.util.Map;
import java.util.Objects;

/**
 * What a mutation function answered: a {@code mutation_response} taken apart, or a plain value.
 *
 * <p>JSON values are parsed into maps (keys as PostgreSQL sent them, in its order), lists, strings, booleans and
 * numbers: {@code Integer}, {@code Long} or {@code BigInteger} for integers and {@code BigDecimal} for the others,
 * so no number is rounded.
 *
 * @param mutationResponse whether the answer is a {@code mutation_response}: a JSON object with the keys
 *     {@code status} and {@code entity}
 * @param status the status as sent, such as {@code "conflict:duplicate_isbn"}; {@code null} for a plain answer or a
 *     null status
 * @param family the family of the status; {@link MutationStatus#SUCCESS} for a plain answer, since the function
 *     returned without raising an error
 * @param message the response's {@code message}, or {@code null}
 * @param entity the response's {@code entity}, or {@code null}
 * @param entityId the response's {@code entity_id} as sent (a string or a number), or {@code null}
 * @param entityType the response's {@code entity_type}, or {@code null}
 * @param updatedFields the response's {@code updated_fields} as sent (normally a list of column names), or
 *     {@code null}
 * @param cascade the response's {@code cascade}, or {@code null}
 * @param metadata the response's {@code metadata}, or {@code null}
 * @param answer the whole answer: the {@code mutation_response} object (its other keys included) or the plain value;
 *     {@code null} when the function returned NULL or no row
 */
public record MutationResult(boolean mutationResponse, String status, MutationStatus family, String message,
        Object entity, Object entityId, String entityType, Object updatedFields, Object cascade, Object metadata,
        Object answer) {

    public MutationResult {
        Objects.requireNonNull(family, "family");
    }

    /** Whether the mutation did what was asked: its status family is a success one. */
    public boolean success() {
        return family.success();
    }

    /** The result of a parsed answer, recognizing a {@code mutation_response} by its keys. */
    static MutationResult of(Object answer) {
        if (!(answer instanceof Map<?, ?> response && response.containsKey("status")
                && response.containsKey("entity"))) {
            return new MutationResult(false, null, MutationStatus.SUCCESS, null, null, null, null, null, null, null,
                    answer);
        }
        String status = text(response.get("status"));
        return new MutationResult(true, status, MutationStatus.of(status), text(response.get("message")),
                response.get("entity"), response.get("entity_id"), text(response.get("entity_type")),
                response.get("updated_fields"), response.get("cascade"), response.get("metadata"), answer);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
