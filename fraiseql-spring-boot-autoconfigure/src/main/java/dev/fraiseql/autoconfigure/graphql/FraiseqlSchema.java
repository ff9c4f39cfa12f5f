package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the starter read from the GraphQL schema.
 *
 * @param bindings the root fields bound by {@code @fraiseql}, in schema order
 * @param types the object types those fields return, with their nested types
 * @param boundTypes per bound read field ({@code Query.books}), its type bound to the field's view
 * @param addedScalars the scalars the starter declared because the schema used them undeclared
 * @param mutationResults per bound mutation field ({@code Mutation.createBook}), how its result is shaped
 */
public record FraiseqlSchema(List<FieldBinding> bindings, TypeRegistry types, Map<String, TypeDef> boundTypes,
        Set<String> addedScalars, Map<String, MutationResultType> mutationResults) {

    public FraiseqlSchema {
        bindings = List.copyOf(bindings);
        boundTypes = Map.copyOf(boundTypes);
        addedScalars = Set.copyOf(addedScalars);
        mutationResults = Map.copyOf(mutationResults);
    }
}
