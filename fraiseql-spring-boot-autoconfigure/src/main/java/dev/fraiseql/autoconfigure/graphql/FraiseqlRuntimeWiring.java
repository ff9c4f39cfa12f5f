package dev.fraiseql.autoconfigure.graphql;

import dev.fraiseql.core.execution.QueryExecutor;
import dev.fraiseql.core.query.PageSettings;
import dev.fraiseql.core.query.SelectRenderer;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the starter's scalars and a data fetcher for every field bound by {@code @fraiseql}. */
public final class FraiseqlRuntimeWiring implements RuntimeWiringConfigurer {

    private final FraiseqlSchemaConfigurer schemaConfigurer;
    private final FraiseqlGraphQlProperties properties;
    private final QueryExecutor executor;

    public FraiseqlRuntimeWiring(FraiseqlSchemaConfigurer schemaConfigurer, FraiseqlGraphQlProperties properties,
            QueryExecutor executor) {
        this.schemaConfigurer = schemaConfigurer;
        this.properties = properties;
        this.executor = executor;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        FraiseqlSchema schema = schemaConfigurer.schema();
        schema.addedScalars().forEach(name -> builder.scalar(FraiseqlScalars.scalar(name)));
        SelectRenderer renderer = new SelectRenderer(schema.types(),
                new PageSettings(properties.getDefaultPageSize(), properties.getMaxPageSize()));
        SelectionTranslator translator = new SelectionTranslator(schema.types());
        RowConverter converter = new RowConverter(schema.types());
        for (FieldBinding binding : schema.bindings()) {
            switch (binding.kind()) {
                case LIST, SINGLE -> builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(),
                        new ViewDataFetcher(binding, schema.boundTypes().get(binding.coordinate()), properties, renderer,
                                executor, translator, converter)));
                case MUTATION -> {
                    MutationResultType result = schema.mutationResults().get(binding.coordinate());
                    builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(),
                            new FunctionDataFetcher(binding, result, schema.types(), executor, converter)));
                    if (result.isUnion()) {
                        builder.type(result.resultType(), type -> type.typeResolver(env -> env.getSchema().getObjectType(
                                (String) ((java.util.Map<?, ?>) env.getObject()).get("__typename"))));
                    }
                }
                case CONNECTION -> builder.type(binding.parentType(), type -> type.dataFetcher(binding.field(),
                        new ConnectionDataFetcher(schema.boundTypes().get(binding.coordinate()), properties, renderer,
                                executor, translator, converter)));
            }
        }
    }
}
