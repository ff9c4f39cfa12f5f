package dev.fraiseql.graphql.internal.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generated aggregate field ({@code Query.booksAggregate}) over the view of a list field ({@code Query.books}).
 *
 * @param field the aggregate field's name
 * @param source the list field it aggregates: the same view, type and {@code where}
 * @param typeName the object type of one group ({@code BookAggregate})
 * @param groupPaths per value of the group field enum ({@code author_country}), the field path it groups by
 *     ({@code author.country})
 */
public record AggregateField(String field, FieldBinding source, String typeName, Map<String, String> groupPaths) {

    public AggregateField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(typeName, "typeName");
        // Kept in field order: the enum's values follow it.
        groupPaths = Collections.unmodifiableMap(new LinkedHashMap<>(groupPaths));
    }

    /** {@code Query.booksAggregate}. */
    public String coordinate() {
        return source.parentType() + "." + field;
    }

    /** The field as a binding of its view, for observations and messages. */
    public FieldBinding binding() {
        return new FieldBinding(source.parentType(), field, FieldBinding.Kind.LIST, source.target(),
                source.dataColumn(), source.returnType(), List.of(), false);
    }
}
