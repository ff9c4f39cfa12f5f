package dev.fraiseql.graphql.internal.schema;

import dev.fraiseql.core.schema.TypeDef;
import dev.fraiseql.core.schema.TypeRegistry;
import graphql.language.AstPrinter;
import graphql.language.SDLDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the binding read from the GraphQL schema; immutable.
 *
 * @param bindings the root fields bound by {@code @fraiseql} or {@code @FraiseqlMapping}, in schema order
 * @param types the object types those fields return, with their nested types
 * @param boundTypes per bound read field ({@code Query.books}), its type bound to the field's view
 * @param columnsRead whether the views' columns were read (false when the database could not be reached)
 * @param addedScalars the scalars the binding declared because the schema used them undeclared
 * @param mutationResults per bound mutation field ({@code Mutation.createBook}), how its result is shaped
 * @param definitions the definitions to add to the schema, or to put in place of the user's (a root type that gains
 *     generated arguments)
 * @param aggregates per generated aggregate field ({@code Query.booksAggregate}), what it aggregates
 */
public record FraiseqlSchema(List<FieldBinding> bindings, TypeRegistry types, Map<String, TypeDef> boundTypes,
        boolean columnsRead, Set<String> addedScalars, Map<String, MutationResultType> mutationResults,
        List<SDLDefinition<?>> definitions, Map<String, AggregateField> aggregates) {

    public FraiseqlSchema {
        bindings = List.copyOf(bindings);
        boundTypes = Map.copyOf(boundTypes);
        addedScalars = Set.copyOf(addedScalars);
        mutationResults = Map.copyOf(mutationResults);
        definitions = List.copyOf(definitions);
        aggregates = Map.copyOf(aggregates);
    }

    /** Adds {@link #definitions()} to {@code registry}, replacing a type of the same name. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void applyTo(TypeDefinitionRegistry registry) {
        for (SDLDefinition definition : definitions) {
            if (definition instanceof TypeDefinition<?> type) {
                registry.getType(type.getName()).ifPresent(registry::remove);
            }
            registry.add(definition).ifPresent(error -> {
                throw new IllegalStateException(((graphql.GraphQLError) error).getMessage());
            });
        }
    }

    /** {@link #definitions()} as SDL, one definition after another. */
    public String generatedSdl() {
        return definitions.stream().map(AstPrinter::printAst).collect(Collectors.joining("\n\n"));
    }
}
