package dev.fraiseql.graphql.internal.schema;

import java.util.List;
import java.util.Objects;

/**
 * A root field bound to a view or a function by {@code @fraiseql}.
 *
 * @param parentType the root type name ({@code Query} or {@code Mutation})
 * @param field the field name
 * @param kind how the field reads or writes
 * @param target the view (for reads) or function (for writes) name
 * @param dataColumn the JSONB column of the view
 * @param returnType the named type the field returns (the node type for connections)
 * @param keyArguments the declared arguments of a single-row field, used as equality filters
 * @param controller whether a {@link FraiseqlMapping} controller method serves the field (else the directive)
 */
public record FieldBinding(String parentType, String field, Kind kind, String target, String dataColumn,
        String returnType, List<String> keyArguments, boolean controller) {

    /** How a bound field is executed. */
    public enum Kind {
        /** A list of rows from a view. */
        LIST,
        /** One row, or null, from a view. */
        SINGLE,
        /** A Relay connection over a view. */
        CONNECTION,
        /** A call of a PostgreSQL function. */
        MUTATION
    }

    public FieldBinding {
        Objects.requireNonNull(parentType, "parentType");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException(parentType + "." + field + " has @fraiseql without a view or function");
        }
        keyArguments = List.copyOf(keyArguments == null ? List.of() : keyArguments);
    }

    /** {@code Parent.field}, for messages. */
    public String coordinate() {
        return parentType + "." + field;
    }
}
